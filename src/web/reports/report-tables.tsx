import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../shared/i18n/numbers.js';

/** A titled two-or-more-column table that scrolls sideways on a phone instead of squeezing. */
export function ReportTable({ title, columns, rows }: { title: string; columns: string[]; rows: ReactNode[][] }) {
  const { t, i18n } = useTranslation();
  return (
    <div>
      <Text fw={600} mb={4}>
        {title}
      </Text>
      <Table.ScrollContainer minWidth={columns.length > 3 ? 560 : 280}>
        <Table striped withTableBorder withColumnBorders>
          <Table.Thead>
            <Table.Tr>
              {columns.map((c) => (
                <Table.Th key={c}>{c}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={columns.length}>
                  <Text size="sm" c="dimmed">
                    {t('reports.web.noRows')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {rows.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: report rows have no id and never reorder
              <Table.Tr key={i}>
                {r.map((cell, j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: fixed columns
                  <Table.Td key={j}>{typeof cell === 'number' ? formatNumber(cell, i18n.language) : (cell ?? '-')}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </div>
  );
}
