/**
 * The worklist's address: which list, search, filters and page it shows. Plain code without the
 * browser, shared by the web (worklist-query.ts) and the server, which draws the same worklist for the
 * same address (src/server/http/first-screen.ts).
 */
import type { ListCasesQuery } from '../../shared/contracts/cases.js';

export const WORKLIST_PAGE_SIZE = 20;
export const WORKLISTS_SHOWN = ['open', 'mine', 'overdue', 'waiting_for_me', 'new_today', 'closed', 'all'] as const satisfies readonly ListCasesQuery['list'][];
export type WorklistName = (typeof WORKLISTS_SHOWN)[number];

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
  const page = Math.max(1, Math.floor(Number(params.get('page'))) || 1);
  return { list, q: params.get('q') ?? '', category: params.get('category'), source: params.get('source'), page };
}
