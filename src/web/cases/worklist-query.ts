/**
 * The worklist's request, shared by the page and the start-up prefetch (src/web/boot/prefetch.ts), so
 * that a worklist opened directly is fetched while its code is still downloading. Kept free of Mantine
 * and zod: it is part of the first download.
 */
import { queryOptions } from '@tanstack/react-query';
import type { CaseSummary, ListCasesQuery } from '../../shared/contracts/cases.js';
import type { SopView } from '../../shared/contracts/sop.js';
import { api } from '../api.js';

export const WORKLIST_PAGE_SIZE = 20;
export const WORKLISTS_SHOWN = ['open', 'mine', 'overdue', 'waiting_for_me', 'new_today', 'closed', 'all'] as const satisfies readonly ListCasesQuery['list'][];
export type WorklistName = (typeof WORKLISTS_SHOWN)[number];

/** Everything about cases lives under this key, so one invalidation refreshes lists and pages. */
export const casesKey = ['cases'] as const;

export interface WorklistParams {
  list: WorklistName;
  q: string;
  category: string | null;
  source: string | null;
  page: number;
}

/** The list, search, filters and page kept in the worklist's URL. */
export function worklistParams(params: URLSearchParams): WorklistParams {
  const listParam = params.get('list');
  const list = WORKLISTS_SHOWN.includes(listParam as WorklistName) ? (listParam as WorklistName) : 'open';
  const page = Math.max(1, Number(params.get('page')) || 1);
  return { list, q: params.get('q') ?? '', category: params.get('category'), source: params.get('source'), page };
}

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
