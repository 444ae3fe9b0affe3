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
import { CategoryBadges, OverdueBadge } from './case-bits.js';
import { ElapsedVsTargetWithTooltip } from './clock-tooltip.js';
import { AssessmentReportSection } from '../assessment-reports/assessment-report-section.js';
import { CaseConferenceSection } from '../case-conferences/case-conference-section.js';
import { CaseEvents } from './case-events.js';
import { enumLabel } from './case-format.js';
import { AssignWorkerModal, EditCaseModal, EditClientModal, FamilyMembers } from './case-edits.js';
import { caseKey } from './case-queries.js';
import { CaseRecords } from './case-records.js';
import { CaseForms } from '../forms-runtime/case-forms.js'; // assessment forms (forms-runtime)
import { CaseStages, CompleteStageModal, SkipStageModal, StageProgress } from './case-stages.js';
import { ClientCard } from './client-card.js';
import { Facts } from './facts.js';
import { TerminateModal } from './terminate-modal.js';

function Section({ title, children, testId, actions }: { title: string; children: ReactNode; testId?: string; actions?: ReactNode }) {
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="section" data-testid={testId}>
      <Group justify="space-between" gap="xs" mb="sm" wrap="nowrap" align="flex-start">
        <Title order={2} size="h4">
          {title}
        </Title>
        {actions && <Group gap={4}>{actions}</Group>}
      </Group>
      {children}
    </Paper>
  );
}

/** A small button in a section's title row. */
function SectionAction({ label, onClick, testId }: { label: string; onClick: () => void; testId: string }) {
  return (
    <Button size="compact-sm" variant="light" onClick={onClick} data-testid={testId}>
      {label}
    </Button>
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
            <Group gap="xs">
              <Button size="xs" variant="light" component={Link} to={`/referrals/new?caseId=${detail.id}`} data-testid="case-refer">
                {t('casesWeb.case.refer')}
              </Button>
              <Button size="xs" color="red" variant="light" onClick={onTerminate} data-testid="case-terminate">
                {t('casesWeb.terminate.action')}
              </Button>
            </Group>
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
            <ElapsedVsTargetWithTooltip elapsedMinutes={detail.elapsedMinutes} targetMinutes={detail.targetMinutes} isOverdue={detail.isOverdue} size="md" />
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
        [
          t('fields.assignedWorkerId'),
          <Text key="worker" size="sm" span c={detail.assignedWorkerName ? undefined : 'dimmed'} data-testid="assigned-worker">
            {detail.assignedWorkerName ?? t('caseEdit.noWorker')}
          </Text>,
        ],
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
  const [editing, setEditing] = useState<'client' | 'case' | 'assign' | null>(null);
  const canEditClient = can('clients.write');
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
            {/* Assessment forms (src/web/forms-runtime) */}
            <Section title={t('forms.runtime.sectionTitle')} testId="forms-section"><CaseForms detail={detail} canWrite={canWrite} /></Section>
            <AssessmentReportSection detail={detail} />
            <CaseConferenceSection detail={detail} />
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
            <Section
              title={t('casesWeb.case.client')}
              actions={canEditClient && <SectionAction label={t('caseEdit.edit')} onClick={() => setEditing('client')} testId="edit-client" />}
            >
              <ClientCard client={detail.client} />
            </Section>
            <Section title={t('caseEdit.family.title')} testId="family-section">
              <FamilyMembers detail={detail} canWrite={canEditClient} />
            </Section>
            <Section
              title={t('casesWeb.case.intake')}
              actions={
                canWrite &&
                detail.status === 'open' && (
                  <>
                    <SectionAction label={t('caseEdit.assign')} onClick={() => setEditing('assign')} testId="assign-worker" />
                    <SectionAction label={t('caseEdit.edit')} onClick={() => setEditing('case')} testId="edit-case" />
                  </>
                )
              }
            >
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
      {editing === 'client' && <EditClientModal detail={detail} onClose={() => setEditing(null)} />}
      {editing === 'case' && <EditCaseModal detail={detail} onClose={() => setEditing(null)} />}
      {editing === 'assign' && <AssignWorkerModal detail={detail} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

export default CasePage;
