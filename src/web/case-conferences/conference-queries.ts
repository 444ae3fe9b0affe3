/** Query keys and small helpers the case-conference screens share. */
import { queryOptions, useQueryClient } from '@tanstack/react-query';
import type { PlanItemView } from '../../shared/contracts/case-conferences.js';
import { api } from '../api.js';

export const conferencesKey = ['case-conferences'] as const;
export const myPlanItemsKey = ['plan-items', 'mine'] as const;

/** The signed-in user's open plan items (home page and worklist; prefetched with the worklist). */
export const myPlanItemsQuery = queryOptions({
  queryKey: myPlanItemsKey,
  queryFn: ({ signal }) => api.get<{ items: PlanItemView[] }>('/plan-items/mine', undefined, signal),
  staleTime: 5_000,
});

/** After any conference write: conference lists, "my plan items", and the cases (stages may have moved). */
export function useConferenceWritten() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: conferencesKey }),
      queryClient.invalidateQueries({ queryKey: myPlanItemsKey }),
      queryClient.invalidateQueries({ queryKey: ['cases'] }),
    ]);
}

/** A date-only value (YYYY-MM-DD) as "11 Mei 2026". */
export function formatDay(value: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'id-ID', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(`${value}T00:00:00Z`),
  );
}

