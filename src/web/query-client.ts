/** The app's one TanStack Query cache: the page components and the start-up prefetch (boot/) share it. */
import { QueryClient } from '@tanstack/react-query';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Only network failures (status 0) are retried: a refused request will not fix itself.
      retry: (count, error) => !(error as { status?: number }).status && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});
