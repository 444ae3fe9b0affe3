/**
 * The session: first-run status, who is logged in and what they may do. Both live in the TanStack
 * Query cache (`setupStatusKey`, `meKey`); `null` under `meKey` means "not logged in".
 */
import { type QueryClient, queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { MeResponse, SetupBody, setupStatusResponse } from '../shared/contracts/auth.js';
import type { Language } from '../shared/contracts/common.js';
import type { Permission } from '../shared/permissions.js';
import { api, isUnauthenticated, request, setCsrfToken } from './api.js';
import { applyLanguage, currentLanguage, rememberLanguagePickedBeforeLogin, takeLanguagePickedBeforeLogin } from './i18n.js';

type SetupStatus = z.infer<typeof setupStatusResponse>;

export const setupStatusKey = ['setup-status'] as const;
export const meKey = ['me'] as const;

/** Whether this installation still needs its first-run setup (asked once per page load). */
export const setupStatusQuery = queryOptions({
  queryKey: setupStatusKey,
  queryFn: ({ signal }) => api.get<SetupStatus>('/setup/status', undefined, signal),
  staleTime: Number.POSITIVE_INFINITY,
});

export function useSetupStatus() {
  return useQuery(setupStatusQuery);
}

async function fetchMe(signal: AbortSignal): Promise<MeResponse | null> {
  try {
    const me = await request<MeResponse>('GET', '/auth/me', { signal, quietUnauthenticated: true });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (isUnauthenticated(error)) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** Who is signed in (`null`: nobody); also started at page load by boot/prefetch.ts. */
export const meQuery = queryOptions({
  queryKey: meKey,
  queryFn: async ({ signal }) => {
    const me = await fetchMe(signal);
    // The account's saved language follows the user from device to device.
    if (me) applyLanguage(me.user.language);
    return me;
  },
  staleTime: 5 * 60_000,
});

/** The logged-in user, their permissions and CSRF token; `null` when nobody is logged in. */
export function useMe() {
  return useQuery(meQuery);
}

/** The session of a page that is only shown to a logged-in user. */
export function useSession(): MeResponse {
  const { data } = useMe();
  if (!data) throw new Error('useSession used outside an authenticated route');
  return data;
}

/** Whether the logged-in user holds a permission (only to hide what they cannot do; the server decides). */
export function useCan(): (permission: Permission) => boolean {
  const { data } = useMe();
  return (permission) => data?.permissions.includes(permission) ?? false;
}

/** Put a fresh session (from login or setup) in place and settle its language. */
async function startSession(queryClient: QueryClient, me: MeResponse, keepUiLanguage = false): Promise<MeResponse> {
  setCsrfToken(me.csrfToken);
  let session = me;
  // A language picked on the login page wins over the account's saved one, and is saved to it.
  const pickedBeforeLogin = takeLanguagePickedBeforeLogin();
  const picked = keepUiLanguage ? currentLanguage() : pickedBeforeLogin;
  if (picked && picked !== me.user.language) {
    try {
      await api.put('/auth/language', { language: picked });
      session = { ...me, user: { ...me.user, language: picked } };
    } catch {
      // Keeping the account's language is fine if saving the choice fails.
    }
  }
  applyLanguage(session.user.language);
  queryClient.setQueryData(meQuery.queryKey, session);
  return session;
}

/** Change one's own password; the server answers with a fresh session (new CSRF token). */
export async function changePassword(queryClient: QueryClient, body: { currentPassword: string; newPassword: string }) {
  const me = await api.post<MeResponse>('/auth/password', body);
  setCsrfToken(me.csrfToken);
  queryClient.setQueryData(meQuery.queryKey, me);
  return me;
}

export async function login(queryClient: QueryClient, body: { username: string; password: string }) {
  const me = await request<MeResponse>('POST', '/auth/login', { body, quietUnauthenticated: true });
  return startSession(queryClient, me);
}

export async function completeSetup(queryClient: QueryClient, body: SetupBody) {
  const me = await api.post<MeResponse>('/setup', body);
  queryClient.setQueryData(setupStatusKey, { needsSetup: false });
  // The new administrator keeps the language the setup was done in.
  return startSession(queryClient, me, true);
}

/** Mark the session as ended, then forget everything cached for the previous user. */
export function endSession(queryClient: QueryClient): void {
  setCsrfToken(null);
  // Set, never remove, the session query: the route gates observe it, and an observer of a removed
  // query would keep showing the old user.
  queryClient.setQueryData(meQuery.queryKey, null);
  queryClient.removeQueries({
    predicate: (query) => query.queryKey[0] !== setupStatusKey[0] && query.queryKey[0] !== meKey[0],
  });
}

export async function logout(queryClient: QueryClient): Promise<void> {
  try {
    await request('POST', '/auth/logout', { body: {}, quietUnauthenticated: true });
  } finally {
    endSession(queryClient);
  }
}

/** Switch language; for a logged-in user it is also saved to the account. */
export function useChangeLanguage() {
  const queryClient = useQueryClient();
  return async (language: Language) => {
    applyLanguage(language);
    const me = queryClient.getQueryData(meQuery.queryKey);
    if (!me) {
      rememberLanguagePickedBeforeLogin(language);
      return;
    }
    const updated: MeResponse = { ...me, user: { ...me.user, language } };
    queryClient.setQueryData(meQuery.queryKey, updated);
    await api.put('/auth/language', { language });
  };
}
