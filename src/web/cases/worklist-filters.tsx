/** The worklist's category and source filters; on a phone they load when first opened. */
import { Select, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CASE_SOURCES } from '../../shared/domain/enums.js';
import { categoryOptions, enumOptions } from './case-format.js';

export interface WorklistFiltersProps {
  category: string | null;
  source: string | null;
  onChange: (changes: Record<string, string | null>) => void;
}

export default function WorklistFilters({ category, source, onChange }: WorklistFiltersProps) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <Select
        label={t('fields.categories')}
        placeholder={t('casesWeb.list.allCategories')}
        data={categoryOptions(t)}
        searchable
        clearable
        value={category}
        onChange={(value) => onChange({ category: value })}
        comboboxProps={{ withinPortal: true }}
      />
      <Select
        label={t('fields.source')}
        placeholder={t('casesWeb.list.allSources')}
        data={enumOptions(t, 'case_sources', CASE_SOURCES)}
        clearable
        value={source}
        onChange={(value) => onChange({ source: value })}
        comboboxProps={{ withinPortal: true }}
      />
    </SimpleGrid>
  );
}
