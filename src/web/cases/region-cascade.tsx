/**
 * Origin region as four cascading selects (province → regency → district → village), each loaded
 * from GET /api/regions?parent=. The value is the deepest code chosen, e.g. `35.74.01.1001`.
 */
import { Select, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRegions } from './case-queries.js';

const LEVELS = ['province', 'regency', 'district', 'village'] as const;

export function RegionCascade({ value, onChange, error }: { value: string; onChange: (code: string) => void; error?: string }) {
  const { t } = useTranslation();
  const parts = value ? value.split('.') : [];
  // The code chosen at each level: `35`, `35.74`, `35.74.01`, `35.74.01.1001`.
  const chosen = LEVELS.map((_, i) => (parts.length > i ? parts.slice(0, i + 1).join('.') : null));
  const provinces = useRegions(null);
  const regencies = useRegions(chosen[0], Boolean(chosen[0]));
  const districts = useRegions(chosen[1], Boolean(chosen[1]));
  const villages = useRegions(chosen[2], Boolean(chosen[2]));
  const lists = [provinces, regencies, districts, villages];

  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      {LEVELS.map((level, i) => {
        const parent = i === 0 ? 'root' : chosen[i - 1];
        const list = lists[i];
        return (
          <Select
            key={level}
            label={t(`casesWeb.region.${level}`)}
            placeholder={parent ? t('casesWeb.region.choose') : t('casesWeb.region.chooseAbove')}
            disabled={!parent}
            searchable
            clearable
            data={(list.data ?? []).map((r) => ({ value: r.code, label: r.name }))}
            value={chosen[i]}
            nothingFoundMessage={list.isFetching ? t('web.common.loading') : t('web.common.nothingFound')}
            onChange={(code) => onChange(code ?? (i === 0 ? '' : (chosen[i - 1] ?? '')))}
            error={i === 0 ? error : undefined}
            comboboxProps={{ withinPortal: true }}
          />
        );
      })}
    </SimpleGrid>
  );
}
