/**
 * "Rencana intervensi saya": the intervention-plan items the signed-in user is responsible for, late
 * ones in red, each linking to its case and markable as done. Shown on the home page and the worklist.
 */
import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PlanItemView } from '../../shared/contracts/case-conferences.js';
import { api } from '../api.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { useCan } from '../session.js';
import { formatDay, myPlanItemsQuery, useConferenceWritten } from './conference-queries.js';

export function PlanItemRow({ item, showCase = true }: { item: PlanItemView; showCase?: boolean }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const written = useConferenceWritten();
  const toggle = useMutation({
    mutationFn: () => api.patch<PlanItemView>(`/plan-items/${item.id}`, { status: item.status === 'open' ? 'done' : 'open' }),
    onSuccess: written,
  });
  const color = item.isLate ? 'red.8' : undefined;
  return (
    <Group
      justify="space-between"
      wrap="nowrap"
      align="flex-start"
      gap="xs"
      data-testid="plan-item"
      data-late={item.isLate ? 'true' : 'false'}
      style={item.isLate ? { borderLeft: '3px solid var(--mantine-color-red-7)', paddingLeft: 8 } : { paddingLeft: 11 }}
    >
      <div style={{ minWidth: 0, flex: 1 }}>
        <Text size="sm" fw={500} c={color} td={item.status === 'done' ? 'line-through' : undefined}>
          {item.activity}
        </Text>
        <Group gap={6} wrap="wrap">
          {showCase && (
            <Anchor component={Link} to={`/cases/${item.caseId}`} size="xs">
              {item.clientName} · {item.caseNumber}
            </Anchor>
          )}
          <Text size="xs" c={color ?? 'dimmed'}>
            {t('caseConferences.web.due', { date: formatDay(item.dueDate, i18n.language) })} · {item.responsibleName}
          </Text>
          {item.isLate && (
            <Badge color="red" size="xs" variant="filled">
              {t('caseConferences.web.late')}
            </Badge>
          )}
        </Group>
        <ApiErrorAlert error={toggle.error} />
      </div>
      {can('cases.write') && (
        <Button size="compact-xs" variant={item.status === 'open' ? 'light' : 'subtle'} onClick={() => toggle.mutate()} loading={toggle.isPending}>
          {item.status === 'open' ? t('caseConferences.web.markDone') : t('caseConferences.web.reopen')}
        </Button>
      )}
    </Group>
  );
}

/** The user's own open plan items; nothing at all for roles without case access (or, if asked, when there are none). */
export function MyPlanItems({ hideWhenEmpty = false }: { hideWhenEmpty?: boolean }) {
  const { t } = useTranslation();
  const can = useCan();
  const enabled = can('cases.read');
  const query = useQuery({
    ...myPlanItemsQuery,
    enabled,
    refetchInterval: 5 * 60_000,
  });
  if (!enabled) return null;
  const items = query.data?.items ?? [];
  const late = items.filter((i) => i.isLate).length;
  if (hideWhenEmpty && items.length === 0) return null;
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="section" data-testid="my-plan-items">
      <Group justify="space-between" mb="xs" gap="xs">
        <Title order={2} size="h4">
          {t('caseConferences.web.mine')}
        </Title>
        {late > 0 && (
          <Badge color="red" variant="light">
            {t('caseConferences.web.mineLate', { count: late })}
          </Badge>
        )}
      </Group>
      <ApiErrorAlert error={query.error} />
      {items.length === 0 && !query.isPending ? (
        <Text size="sm" c="dimmed">
          {t('caseConferences.web.mineEmpty')}
        </Text>
      ) : (
        <Stack gap="xs">
          {items.map((item) => (
            <PlanItemRow key={item.id} item={item} />
          ))}
        </Stack>
      )}
    </Paper>
  );
}
