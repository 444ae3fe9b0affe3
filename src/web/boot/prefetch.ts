/**
 * Start-up requests. Without them the first screen is a chain of round trips: the code, then the
 * texts, then "is the installation set up", then "who is signed in", then the frame's code, then the
 * page's code, then the page's data. Here everything the address being opened will need is asked for
 * at once, while the code downloads; the components then find it in the query cache.
 */
import { myPlanItemsQuery } from '../case-conferences/conference-queries.js';
import { preloadWorklistParts } from '../cases/worklist-parts.js';
import { sopQuery, type WorklistResult, worklistParams, worklistQuery } from '../cases/worklist-query.js';
import { queryClient } from '../query-client.js';
import { meQuery, setupStatusQuery } from '../session.js';

/** First-run status and the signed-in user; resolves when both have answered (or failed). */
export function prefetchSession(): Promise<void> {
  return Promise.all([queryClient.prefetchQuery(setupStatusQuery), queryClient.prefetchQuery(meQuery)]).then(() => undefined);
}

/**
 * A prefetch that failed (not signed in, no permission) is dropped unless a page is already showing
 * it, so a later visit does not start with the old error.
 */
function forgetIfFailed(queryKey: readonly unknown[]): void {
  const query = queryClient.getQueryCache().find({ queryKey, exact: true });
  if (query?.state.status === 'error' && query.getObserversCount() === 0) queryClient.removeQueries({ queryKey, exact: true });
}

/**
 * The worklist the server drew into the page (src/server/http/first-screen.ts): the same answer as
 * `GET /api/cases` for this address, so the app starts on it instead of asking again. Read once.
 */
function takeServerDrawnWorklist(search: string): WorklistResult | undefined {
  const element = document.getElementById('singgah-first-screen');
  if (!element) return undefined;
  element.remove();
  try {
    const drawn = JSON.parse(element.textContent ?? '') as { search: string; worklist: WorklistResult };
    return drawn.search === search ? drawn.worklist : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The data of the page at `location`, for the pages people open directly (the worklist). Resolves
 * when it has answered (or failed): the first render waits for it (up to a limit), so the page is
 * drawn once with its rows instead of once empty and again when they arrive.
 */
export function prefetchPageData(location: { pathname: string; search: string }): Promise<void> {
  if (location.pathname !== '/cases') return Promise.resolve();
  preloadWorklistParts(location.search);
  const worklist = worklistQuery(worklistParams(new URLSearchParams(location.search)));
  const drawn = takeServerDrawnWorklist(location.search);
  if (drawn) queryClient.setQueryData(worklist.queryKey, drawn);
  const rows = (drawn ? Promise.resolve() : queryClient.prefetchQuery(worklist)).then(() => {
    forgetIfFailed(worklist.queryKey);
    // The rows carry only the stage key; its name comes from each listed unit's SOP. Not waited for:
    // until it is in, the rows show the default SOP's names, which a unit's own SOP usually keeps.
    const organizations = new Set(queryClient.getQueryData(worklist.queryKey)?.items.map((item) => item.organizationId));
    for (const organizationId of organizations) void queryClient.prefetchQuery(sopQuery(organizationId));
  });
  const planItems = queryClient.prefetchQuery(myPlanItemsQuery).then(() => forgetIfFailed(myPlanItemsQuery.queryKey));
  return Promise.all([rows, planItems]).then(() => undefined);
}
