/** Small pieces shown on several case pages: the overdue flag, the clock and the category badges. */
import { Badge, Group, Text } from '@mantine/core';
import type { ComponentPropsWithoutRef, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/icons.js';
import { categoryLabel, formatDuration } from './case-format.js';

/** The red flag of a case or stage past its standard time. */
export function OverdueBadge({ stage = false }: { stage?: boolean }) {
  const { t } = useTranslation();
  return (
    // At least as wide as its words: in the worklist table's narrow last column Mantine's badge would
    // otherwise shrink its label to "TAHAP TERLAMB…".
    <Badge color="red" variant="filled" leftSection={<Icon name="alert" size={12} />} data-testid="overdue-flag" style={{ minWidth: 'max-content' }}>
      {stage ? t('casesWeb.overdue.stage') : t('casesWeb.overdue.case')}
    </Badge>
  );
}

/**
 * "5 j 20 m / 24 j 15 m": working time spent against the target, red when overdue. The hint is the
 * element's title here (the worklist cards); ElapsedVsTargetWithTooltip (clock-tooltip.tsx) shows it as
 * a Mantine tooltip on the desktop table and the case page.
 */
export function ElapsedVsTarget({
  elapsedMinutes,
  targetMinutes,
  isOverdue,
  size = 'sm',
  withTitle = true,
  ref,
  ...rest
}: {
  elapsedMinutes: number | null;
  targetMinutes: number | null;
  isOverdue: boolean;
  size?: 'xs' | 'sm' | 'md';
  withTitle?: boolean;
  /** A tooltip wrapping the clock attaches to the text (it also passes its event handlers). */
  ref?: Ref<HTMLParagraphElement>;
} & Omit<ComponentPropsWithoutRef<'span'>, 'color' | 'style'>) {
  const { t } = useTranslation();
  return (
    <Text
      {...rest}
      ref={ref}
      size={size}
      c={isOverdue ? 'red.8' : undefined}
      fw={isOverdue ? 700 : 500}
      style={{ whiteSpace: 'nowrap' }}
      span
      title={withTitle ? t('casesWeb.clock.hint') : undefined}
    >
      <Icon name="clock" size={size === 'md' ? 16 : 14} /> {formatDuration(elapsedMinutes, t)} / {formatDuration(targetMinutes, t)}
    </Text>
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
