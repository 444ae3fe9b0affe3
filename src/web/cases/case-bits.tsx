/** Small pieces shown on several case pages: the overdue flag, the clock, category badges and select. */
import { Badge, Group, MultiSelect, type MultiSelectProps, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/icons.js';
import { categoryLabel, categoryOptions, formatDuration } from './case-format.js';

/** The red flag of a case or stage past its standard time. */
export function OverdueBadge({ stage = false }: { stage?: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge color="red" variant="filled" leftSection={<Icon name="alert" size={12} />} data-testid="overdue-flag">
      {stage ? t('casesWeb.overdue.stage') : t('casesWeb.overdue.case')}
    </Badge>
  );
}

/** "5 j 20 m / 24 j 15 m": working time spent against the target, red when overdue. */
export function ElapsedVsTarget({
  elapsedMinutes,
  targetMinutes,
  isOverdue,
  size = 'sm',
}: {
  elapsedMinutes: number | null;
  targetMinutes: number | null;
  isOverdue: boolean;
  size?: 'xs' | 'sm' | 'md';
}) {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('casesWeb.clock.hint')} withArrow openDelay={400} events={{ hover: true, focus: true, touch: false }}>
      <Text size={size} c={isOverdue ? 'red.8' : undefined} fw={isOverdue ? 700 : 500} style={{ whiteSpace: 'nowrap' }} span>
        <Icon name="clock" size={size === 'md' ? 16 : 14} /> {formatDuration(elapsedMinutes, t)} / {formatDuration(targetMinutes, t)}
      </Text>
    </Tooltip>
  );
}

export function CategoryBadges({ codes, max }: { codes: string[]; max?: number }) {
  const { t } = useTranslation();
  const shown = max ? codes.slice(0, max) : codes;
  return (
    <Group gap={4}>
      {shown.map((code) => (
        <Badge key={code} variant="light" color="gray" tt="none" fw={500} style={{ maxWidth: '100%' }} title={categoryLabel(t, code)}>
          {categoryLabel(t, code)}
        </Badge>
      ))}
      {max && codes.length > max && (
        <Badge variant="outline" color="gray">
          +{codes.length - max}
        </Badge>
      )}
    </Group>
  );
}

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
