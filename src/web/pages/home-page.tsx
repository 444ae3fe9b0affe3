import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseSummary } from '../../shared/contracts/cases.js';
import type { DueFollowUpView } from '../../shared/contracts/casework.js';
import { api } from '../api.js';
import { MyPlanItems } from '../case-conferences/my-plan-items.js';
import { formatDate } from '../cases/case-format.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { Icon } from '../components/icons.js';
import { organizationKindLabel, roleLabel } from '../components/labels.js';
import { NAV_ITEMS } from '../layout/nav.js';
import { OnDutyCard } from '../roster/on-duty-card.js';
import { useCan, useSession } from '../session.js';

const FOLLOW_UPS_SHOWN = 5;

/** For case roles: how many cases are overdue, and the follow-ups due this week (overdue ones in red). */
function CaseWork() {
  const { t, i18n } = useTranslation();
  const overdue = useQuery({
    queryKey: ['cases', 'list', { list: 'overdue', count: true }],
    queryFn: ({ signal }) => api.get<{ items: CaseSummary[]; total: number }>('/cases', { list: 'overdue', limit: 1 }, signal),
    select: (data) => data.total,
    refetchInterval: 60_000,
  });
  const followUps = useQuery({
    queryKey: ['cases', 'follow-ups-due', 7],
    queryFn: ({ signal }) => api.get<{ items: DueFollowUpView[]; total: number }>('/follow-ups/due', { days: 7, limit: FOLLOW_UPS_SHOWN }, signal),
    refetchInterval: 60_000,
  });
  const count = overdue.data ?? 0;
  const items = followUps.data?.items ?? [];
  const more = (followUps.data?.total ?? 0) - items.length;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} data-testid="home-casework">
      <Card
        component={Link}
        to="/cases?list=overdue"
        withBorder
        radius="md"
        padding="md"
        className="singgah-link-card"
        style={count > 0 ? { borderLeft: '4px solid var(--mantine-color-red-7)' } : undefined}
        data-testid="overdue-card"
      >
        <Text size="xs" tt="uppercase" c="dimmed" fw={600}>
          {t('homeCases.overdue')}
        </Text>
        <Text fw={700} fz={36} lh={1.1} c={count > 0 ? 'red.8' : undefined} data-testid="overdue-count">
          {overdue.isPending ? '…' : count}
        </Text>
        <Text size="sm" c="dimmed">
          {t('homeCases.overdueHint')}
        </Text>
        <Text size="sm" c="blue.8" mt={4}>
          {t('homeCases.openOverdue')} →
        </Text>
      </Card>
      <Card withBorder radius="md" padding="md" data-testid="follow-ups-due">
        <Text size="xs" tt="uppercase" c="dimmed" fw={600} mb={6}>
          {t('homeCases.followUps')}
        </Text>
        <ApiErrorAlert error={overdue.error ?? followUps.error} />
        {followUps.data && items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('homeCases.followUpsEmpty')}
          </Text>
        )}
        <Stack gap={6}>
          {items.map((item) => (
            <Group key={item.id} justify="space-between" wrap="nowrap" gap="xs" data-testid="follow-up-due" data-overdue={item.isOverdue}>
              <div style={{ minWidth: 0 }}>
                <Anchor component={Link} to={`/cases/${item.caseId}`} size="sm" fw={600}>
                  {item.clientName}
                </Anchor>
                <Text size="xs" c="dimmed" ff="monospace">
                  {item.caseNumber}
                </Text>
              </div>
              {item.isOverdue ? (
                <Badge color="red" variant="filled" tt="none" style={{ flexShrink: 0 }}>
                  {t('homeCases.followUpOverdue')} · {formatDate(item.dueDate, i18n.language)}
                </Badge>
              ) : (
                <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
                  {t('homeCases.followUpDue', { date: formatDate(item.dueDate, i18n.language) })}
                </Text>
              )}
            </Group>
          ))}
          {more > 0 && (
            <Text size="xs" c="dimmed">
              {t('homeCases.more', { count: more })}
            </Text>
          )}
        </Stack>
      </Card>
    </SimpleGrid>
  );
}

/** Start page: who you are, where you work, and the sections you can open. */
export function HomePage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const can = useCan();
  const sections = [
    ...NAV_ITEMS.filter((item) => item.to !== '/' && (!item.permission || can(item.permission))),
    { to: '/change-password', label: 'web.nav.changePassword', description: 'web.home.cards.changePassword', icon: 'key' as const },
  ];

  return (
    <Stack gap="lg" maw={1100}>
      <div>
        <Title order={1} size="h2">
          {t('web.home.welcome', { name: user.name })}
        </Title>
        <Text c="dimmed" mt={4}>
          {t('web.home.signedInAs', { role: roleLabel(t, user.role) })}
        </Text>
      </div>

      <Card withBorder radius="md" padding="md">
        <Text size="xs" tt="uppercase" c="dimmed" fw={600}>
          {t('web.home.yourOrganization')}
        </Text>
        <Text fw={600} size="lg">
          {user.organization.name}
        </Text>
        <Text size="sm" c="dimmed">
          {organizationKindLabel(t, user.organization.kind)}
        </Text>
      </Card>

      {can('roster.read') && <OnDutyCard />}

      {can('cases.read') && <CaseWork />}

      <MyPlanItems />

      <div>
        <Title order={2} size="h4" mb="sm">
          {t('web.home.sections')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {sections.map((section) => (
            <Card
              key={section.to}
              component={Link}
              to={section.to}
              withBorder
              radius="md"
              padding="md"
              className="singgah-link-card"
            >
              <Group wrap="nowrap" align="flex-start">
                <ThemeIcon variant="light" size="lg" radius="md">
                  <Icon name={section.icon} />
                </ThemeIcon>
                <div>
                  <Text fw={600}>{t(section.label)}</Text>
                  <Text size="sm" c="dimmed">
                    {t(section.description)}
                  </Text>
                </div>
              </Group>
            </Card>
          ))}
        </SimpleGrid>
      </div>
    </Stack>
  );
}
