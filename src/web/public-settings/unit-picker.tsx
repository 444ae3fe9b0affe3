/** Pick one shelter unit the user may reach (the public page, survey and publications are per unit). */
import { Select } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganizations } from '../organizations.js';
import { useSession } from '../session.js';

export function useUnitPicker() {
  const me = useSession();
  const orgs = useOrganizations();
  const units = (orgs.data ?? []).filter((o) => o.kind === 'unit');
  const [unitId, setUnitId] = useState<string | null>(null);
  useEffect(() => {
    if (unitId || units.length === 0) return;
    setUnitId(units.find((u) => u.id === me.user.organization.id)?.id ?? units[0].id);
  }, [units, unitId, me.user.organization.id]);
  return { units, unitId, setUnitId, loading: orgs.isLoading, error: orgs.error };
}

export function UnitSelect({ units, value, onChange }: { units: { id: string; name: string }[]; value: string | null; onChange: (id: string) => void }) {
  const { t } = useTranslation();
  if (units.length < 2) return null;
  return (
    <Select
      label={t('public.settings.unit')}
      data={units.map((u) => ({ value: u.id, label: u.name }))}
      value={value}
      onChange={(v) => v && onChange(v)}
      allowDeselect={false}
      maw={420}
    />
  );
}
