/** The working-time clock with its hint as a tooltip (desktop table, case page). */
import { Tooltip } from '@mantine/core';
import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { ElapsedVsTarget } from './case-bits.js';

export function ElapsedVsTargetWithTooltip(props: Omit<ComponentProps<typeof ElapsedVsTarget>, 'withTitle'>) {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('casesWeb.clock.hint')} withArrow openDelay={400} events={{ hover: true, focus: true, touch: false }}>
      <ElapsedVsTarget {...props} withTitle={false} />
    </Tooltip>
  );
}
