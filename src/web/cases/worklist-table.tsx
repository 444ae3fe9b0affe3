/**
 * The worklist as a table, on a desktop (phones get cards); loaded only where it is shown. At least
 * 720 px wide, so that on a 1024 px office screen (beside the 240 px menu) every column, the time and
 * overdue flag last, is in sight without scrolling sideways.
 */
import { Anchor, Badge, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { CaseSummary } from '../../shared/contracts/cases.js';
import { CategoryBadges, OverdueBadge } from './case-bits.js';
import { enumLabel, formatDuration } from './case-format.js';
import { ElapsedVsTargetWithTooltip } from './clock-tooltip.js';

export default function WorklistTable({ items, stageLabel }: { items: CaseSummary[]; stageLabel: (item: CaseSummary) => string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('casesWeb.list.caseNumber')}</Table.Th>
            <Table.Th>{t('casesWeb.list.client')}</Table.Th>
            <Table.Th>{t('fields.categories')}</Table.Th>
            <Table.Th>{t('casesWeb.list.currentStage')}</Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('casesWeb.list.time')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr
              key={item.id}
              data-testid="case-row"
              style={{ cursor: 'pointer' }}
              onClick={(event) => {
                if ((event.target as HTMLElement).closest('a')) return;
                navigate(`/cases/${item.id}`);
              }}
            >
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Anchor component={Link} to={`/cases/${item.id}`} ff="monospace" size="sm">
                  {item.caseNumber}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {item.clientName}
                </Text>
                {item.clientAliases.length > 0 && (
                  <Text size="xs" c="dimmed">
                    {t('casesWeb.aka', { names: item.clientAliases.join(', ') })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td maw={280}>
                <CategoryBadges codes={item.categories} max={3} />
              </Table.Td>
              <Table.Td>
                {item.status === 'open' ? (
                  <>
                    <Text size="sm" c={item.isStageOverdue ? 'red.8' : undefined} fw={item.isStageOverdue ? 600 : undefined}>
                      {stageLabel(item)}
                    </Text>
                    {item.currentStageStandardMinutes !== null && (
                      <Text size="xs" c="dimmed">
                        {t('casesWeb.list.stageStandard', { duration: formatDuration(item.currentStageStandardMinutes, t) })}
                      </Text>
                    )}
                  </>
                ) : (
                  <Badge color="gray" variant="light">
                    {enumLabel(t, 'case_statuses', item.status)}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  <ElapsedVsTargetWithTooltip elapsedMinutes={item.elapsedMinutes} targetMinutes={item.targetMinutes} isOverdue={item.isOverdue} />
                  {item.isOverdue && <OverdueBadge stage={item.isStageOverdue && item.status === 'open'} />}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

