/** Queries the case pages share: query keys, the SOP stage names of the listed units, the shelter units. */
import { useQueries, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api.js';
import { useOrganizations } from '../organizations.js';
import { defaultStageName } from './case-format.js';
import { casesKey, sopQuery } from './worklist-query.js';

export { casesKey } from './worklist-query.js';
export const caseKey = (caseId: string) => [...casesKey, 'detail', caseId] as const;
export const caseTimelineKey = (caseId: string) => [...casesKey, 'timeline', caseId] as const;

/**
 * Stage key → name in the UI language, from the current SOP of each organization listed (a list row
 * only carries the key). Falls back to the default SOP's names, then to the key.
 */
export function useStageNames(organizationIds: string[]) {
  const { i18n } = useTranslation();
  const unique = [...new Set(organizationIds)].sort();
  const sops = useQueries({ queries: unique.map((organizationId) => sopQuery(organizationId)) });
  return (organizationId: string, key: string | null): string => {
    if (!key) return '—';
    const sop = sops[unique.indexOf(organizationId)]?.data;
    const stage = sop?.stages.find((s) => s.key === key);
    if (stage) return i18n.language === 'en' ? stage.nameEn : stage.nameId;
    return defaultStageName(key, i18n.language) ?? key;
  };
}

/** The shelter units (organizations of kind `unit`) the user can see: the units that receive clients. */
export function useShelterUnits() {
  const organizations = useOrganizations();
  const units = (organizations.data ?? []).filter((org) => org.kind === 'unit');
  return { ...organizations, units };
}

/** Region names for a code and its parents (province → village), for showing an origin region. */
export function useRegionPath(code: string | null | undefined) {
  const parts = code ? code.split('.') : [];
  const levels = parts.map((_, i) => parts.slice(0, i + 1).join('.'));
  const lists = useQueries({
    queries: levels.map((levelCode, i) => {
      const parent = i === 0 ? undefined : levels[i - 1];
      return {
        queryKey: ['regions', parent ?? ''],
        queryFn: ({ signal }: { signal: AbortSignal }) =>
          api.get<{ items: { code: string; name: string }[] }>('/regions', { parent }, signal),
        staleTime: Number.POSITIVE_INFINITY,
        select: (data: { items: { code: string; name: string }[] }) => data.items.find((r) => r.code === levelCode)?.name ?? levelCode,
      };
    }),
  });
  return lists.map((q) => q.data).filter((name): name is string => Boolean(name));
}

/** One list of regions under a parent code (provinces when none). */
export function useRegions(parent: string | null | undefined, enabled = true) {
  return useQuery({
    queryKey: ['regions', parent ?? ''],
    queryFn: ({ signal }) => api.get<{ items: { code: string; name: string }[] }>('/regions', { parent: parent ?? undefined }, signal),
    staleTime: Number.POSITIVE_INFINITY,
    enabled,
    select: (data) => data.items,
  });
}
