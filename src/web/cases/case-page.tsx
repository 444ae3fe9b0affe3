/**
 * One case (`/cases/:caseId`): the header with the clock, the twelve stages with their actions, the
 * client's identity, the intake, earlier cases of the same client and every recorded event.
 */
import { Alert, Anchor, Badge, Button, Grid, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import type { CaseDetail, StageView } from '../../shared/contracts/cases.js';
import { api } from '../api.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { formatDateTime } from '../components/labels.js';
import { Icon } from '../components/icons.js';
import { useCan } from '../session.js';
import { CategoryBadges, ElapsedVsTarget, OverdueBadge } from './case-bits.js';
import { CaseEvents } from './case-events.js';
import { enumLabel } from './case-format.js';
import { caseKey } from './case-queries.js';
import { CaseRecords } from './case-records.js';
import { CaseStages, CompleteStageModal, SkipStageModal, StageProgress } from './case-stages.js';
import { ClientCard } from './client-card.js';
import { Facts } from './facts.js';
import { TerminateModal } from './terminate-modal.js';

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="section" data-testid={testId}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function CaseHeader({ detail, canWrite, onTerminate }: { detail: CaseDetail; canWrite: boolean; onTerminate: () => void }) {
  const { t, i18n } = useTranslation();
  const isOpen = detail.status === 'open';
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} style={detail.isOverdue ? { borderLeft: '4px solid var(--mantine-color-red-7)' } : undefined}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Group gap="xs">
            <Text ff="monospace" size="sm" c="dimmed" data-testid="case-number">
              {detail.caseNumber}
            </Text>
            <Badge color={isOpen ? 'blue' : 'gray'} variant="light" data-testid="case-status">
              {enumLabel(t, 'case_statuses', detail.status)}
            </Badge>
            {detail.isOverdue && <OverdueBadge stage={detail.isStageOverdue && isOpen} />}
          </Group>
          {isOpen && canWrite && (
            <Button size="xs" color="red" variant="light" onClick={onTerminate} data-testid="case-terminate">
              {t('casesWeb.terminate.action')}
            </Button>
          )}
        </Group>
        <div>
          <Title order={1} size="h2" lh={1.2}>
            {detail.clientName}
          </Title>
          {detail.clientAliases.length > 0 && (
            <Text size="sm" c="dimmed">
              {t('casesWeb.aka', { names: detail.clientAliases.join(', ') })}
            </Text>
          )}
        </div>
        <CategoryBadges codes={detail.categories} />
        <Group gap="md" wrap="wrap">
          <Group gap={6}>
            <Text size="sm" c="dimmed">
              {isOpen ? t('casesWeb.case.totalTime') : t('casesWeb.case.totalTimeClosed')}
            </Text>
            <ElapsedVsTarget elapsedMinutes={detail.elapsedMinutes} targetMinutes={detail.targetMinutes} isOverdue={detail.isOverdue} size="md" />
          </Group>
          <StageProgress detail={detail} />
        </Group>
        {!isOpen && detail.terminationOutcome && (
          <Alert color="gray" variant="light" p="xs" title={t('casesWeb.case.terminated', { time: formatDateTime(detail.terminatedAt, i18n.language) })}>
            <Text size="sm" fw={600} data-testid="termination-outcome">
              {enumLabel(t, 'termination_outcomes', detail.terminationOutcome)}
            </Text>
            {detail.terminationNotes && (
              <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                {detail.terminationNotes}
              </Text>
            )}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

function IntakeFacts({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  return (
    <Facts
      testId="intake-facts"
      facts={[
        [t('fields.source'), enumLabel(t, 'case_sources', detail.source)],
        [t('casesWeb.intake.broughtByName'), detail.broughtByName],
        [t('casesWeb.intake.broughtByAgency'), detail.broughtByAgency],
        [t('casesWeb.intake.letterNumber'), detail.letterNumber],
        [t('fields.foundLocation'), detail.foundLocation],
        [t('fields.foundAt'), detail.foundAt ? formatDateTime(detail.foundAt, i18n.language) : null],
        [t('fields.arrivedAt'), formatDateTime(detail.arrivedAt, i18n.language)],
        [t('casesWeb.intake.unit'), detail.organizationName],
        [t('casesWeb.intake.presentingProblem'), detail.presentingProblem],
        [t('fields.assignedWorkerId'), detail.assignedWorkerName],
        [t('casesWeb.case.civilRegistration'), enumLabel(t, 'civil_registration', detail.civilRegistration)],
        [t('casesWeb.case.tracingStatus'), enumLabel(t, 'tracing_statuses', detail.tracingStatus)],
      ]}
    />
  );
}

function PreviousCases({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  if (detail.previousCases.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('casesWeb.case.noPreviousCases')}
      </Text>
    );
  }
  return (
    <Stack gap={6} data-testid="previous-cases">
      {detail.previousCases.map((previous) => (
        <Group key={previous.id} justify="space-between" gap="xs" wrap="nowrap">
          <Anchor component={Link} to={`/cases/${previous.id}`} ff="monospace" size="sm">
            {previous.caseNumber}
          </Anchor>
          <Text size="xs" c="dimmed" ta="right">
            {formatDateTime(previous.arrivedAt, i18n.language)} · {enumLabel(t, 'case_statuses', previous.status)}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

export function CasePage() {
  const { t } = useTranslation();
  const { caseId = '' } = useParams();
  const location = useLocation();
  const can = useCan();
  const canWrite = can('cases.write');
  const [completing, setCompleting] = useState<StageView | null>(null);
  const [skipping, setSkipping] = useState<StageView | null>(null);
  const [terminating, setTerminating] = useState(false);
  const justCreated = Boolean((location.state as { created?: boolean } | null)?.created);

  const query = useQuery({
    queryKey: caseKey(caseId),
    queryFn: ({ signal }) => api.get<CaseDetail>(`/cases/${caseId}`, undefined, signal),
    refetchInterval: 60_000,
  });

  const back = (
    <Anchor component={Link} to="/cases" size="sm">
      ← {t('casesWeb.case.backToList')}
    </Anchor>
  );

  if (query.isPending) {
    return (
      <Group justify="center" py="xl">
        <Loader aria-label={t('web.common.loading')} />
      </Group>
    );
  }
  if (query.isError) {
    return (
      <Stack maw={640}>
        {back}
        <ApiErrorAlert error={query.error} />
      </Stack>
    );
  }

  const detail = query.data;
  return (
    <Stack maw={1280} gap="md">
      {back}
      <CaseHeader detail={detail} canWrite={canWrite} onTerminate={() => setTerminating(true)} />
      {justCreated && (
        <Alert color="teal" variant="light" role="status" icon={<Icon name="check" size={16} />}>
          {t('casesWeb.case.created', { number: detail.caseNumber })}
        </Alert>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <Section title={t('casesWeb.case.stages')}>
              <CaseStages
                detail={detail}
                canWrite={canWrite}
                onComplete={setCompleting}
                onSkip={setSkipping}
                onTerminate={() => setTerminating(true)}
              />
            </Section>
            <div>
              <Title order={2} size="h4" mb="sm">
                {t('casesWeb.records.title')}
              </Title>
              <CaseRecords detail={detail} canWrite={canWrite} />
            </div>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <Section title={t('casesWeb.case.client')}>
              <ClientCard client={detail.client} />
            </Section>
            <Section title={t('casesWeb.case.intake')}>
              <IntakeFacts detail={detail} />
            </Section>
            <Section title={t('casesWeb.case.previousCases')}>
              <PreviousCases detail={detail} />
            </Section>
            <Section title={t('casesWeb.case.timeline')}>
              <CaseEvents detail={detail} />
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>

      {completing && <CompleteStageModal caseId={detail.id} stage={completing} onClose={() => setCompleting(null)} />}
      {skipping && <SkipStageModal caseId={detail.id} stage={skipping} onClose={() => setSkipping(null)} />}
      {terminating && <TerminateModal detail={detail} onClose={() => setTerminating(false)} />}
    </Stack>
  );
}

export default CasePage;
