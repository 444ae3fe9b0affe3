/** Label–value lists for the case page cards; empty values are left out. */
import { DataList, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';

export type Fact = [label: string, value: ReactNode];

const isEmpty = (value: ReactNode) => value === null || value === undefined || value === '' || value === '—';

export function Facts({ facts, testId }: { facts: Fact[]; testId?: string }) {
  const isPhone = useMediaQuery('(max-width: 47.99em)');
  const shown = facts.filter(([, value]) => !isEmpty(value));
  const labelWidth = isPhone ? 116 : 150;
  if (shown.length === 0) return null;
  return (
    <DataList size="sm" gap={6} labelWidth={labelWidth} data-testid={testId}>
      {shown.map(([label, value]) => (
        <DataList.Item key={label}>
          {/* A fixed label column: long labels wrap instead of pushing their value out of line. */}
          <DataList.ItemLabel c="dimmed" w={labelWidth} style={{ flex: '0 0 auto', whiteSpace: 'normal' }}>
            {label}
          </DataList.ItemLabel>
          <DataList.ItemValue style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
            {typeof value === 'string' ? <Text size="sm" span style={{ whiteSpace: 'pre-line' }}>{value}</Text> : value}
          </DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}
