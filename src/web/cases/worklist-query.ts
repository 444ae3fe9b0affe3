/**
 * The worklist's request, shared by the page and the start-up prefetch (src/web/boot/prefetch.ts), so
 * that a worklist opened directly is fetched while its code is still downloading. Kept free of Mantine
 * and zod: it is part of the first download.
 */
import { queryOptions } from '@tanstack/react-query';
import type { CaseSummary } from '../../shared/contracts/cases.js';
import type { SopView } from '../../shared/contracts/sop.js';
import { api } from '../api.js';
import { WORKLIST_PAGE_SIZE, type WorklistParams } from './worklist-params.js';

export { WORKLIST_PAGE_SIZE, WORKLISTS_SHOWN, type WorklistName, type WorklistParams, worklistParams } from './worklist-params.js';

/** Everything about cases lives under this key, so one invalidation refreshes lists and pages. */
export const casesKey = ['cases'] as const;

export type WorklistResult = { items: CaseSummary[]; total: number };

/** One page of a worklist. Fresh for a few seconds, so the page does not fetch again what the start-up just fetched. */
export function worklistQuery({ list, q, category, source, page }: WorklistParams) {
  const offset = (page - 1) * WORKLIST_PAGE_SIZE;
  return queryOptions({
    queryKey: [...casesKey, 'list', { list, q, category, source, offset }],
    queryFn: ({ signal }) => api.get<WorklistResult>('/cases', { list, q, category, source, limit: WORKLIST_PAGE_SIZE, offset }, signal),
    staleTime: 5_000,
  });
}

/** An organization's current SOP (stage names for the list rows, which carry only the stage key). */
export function sopQuery(organizationId: string) {
  return queryOptions({
    queryKey: ['sop', organizationId],
    queryFn: ({ signal }) => api.get<SopView>('/sop', { organizationId }, signal),
    staleTime: 10 * 60_000,
  });
}
