/**
 * The parts of the worklist that not every screen shows: the desktop table and the filters (Mantine's
 * Select brings its floating-position library along). A phone loads them when the filters are opened;
 * a desktop asks for them at start-up (boot/prefetch.ts), with the page.
 */
import { lazyPage } from '../lazy-page.js';

export const DESKTOP_QUERY = '(min-width: 62em)';

export const WorklistTable = lazyPage(() => import('./worklist-table.js'), { texts: 'first-screen' });
export const WorklistFilters = lazyPage(() => import('./worklist-filters.js'), { texts: 'first-screen' });

/** Start loading what the worklist at this address will show on this screen. */
export function preloadWorklistParts(search: string): void {
  const isDesktop = typeof window.matchMedia === 'function' && window.matchMedia(DESKTOP_QUERY).matches;
  const params = new URLSearchParams(search);
  if (isDesktop) void WorklistTable.preload().catch(() => undefined);
  if (isDesktop || params.get('category') || params.get('source')) void WorklistFilters.preload().catch(() => undefined);
}
