/** The PPKS category picker of the intake, edit and field-report forms (kept out of the worklist's code). */
import { MultiSelect, type MultiSelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { categoryOptions } from './case-format.js';

/** PPKS categories: the 26 official ones in order, then the local sub-types; searchable. */
export function CategorySelect(props: Omit<MultiSelectProps, 'data'>) {
  const { t } = useTranslation();
  return (
    <MultiSelect
      data={categoryOptions(t)}
      searchable
      clearable
      hidePickedOptions
      nothingFoundMessage={t('web.common.nothingFound')}
      comboboxProps={{ withinPortal: true }}
      {...props}
    />
  );
}
