/**
 * The twelve stages of a case as a vertical timeline: status, standard and elapsed working time, who
 * completed each and their notes; on the stage in progress, Complete and (where the SOP allows) Skip.
 */
import { Alert, Badge, Button, Group, Modal, Stack, Text, Textarea, ThemeIcon, Timeline } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, StageView } from '../../shared/contracts/cases.js';
import type { StageStatus } from '../../shared/domain/enums.js';
import { ApiError, api } from '../api.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { formatDateTime } from '../components/labels.js';
import { Icon } from '../components/icons.js';
import { optionalText, useForm } from '../forms.js';
import { enumLabel, formatDuration, stageName } from './case-format.js';
import { caseKey, casesKey, caseTimelineKey } from './case-queries.js';

const STATUS_COLORS: Record<StageStatus, string> = {
  completed: 'teal',
  skipped: 'gray',
  in_progress: 'blue',
  pending: 'gray',
};

function StageBullet({ stage }: { stage: StageView }) {
  if (stage.status === 'completed') return <Icon name="check" size={14} />;
  if (stage.status === 'skipped') return <Icon name="skip" size={12} />;
  return (
    <Text size="xs" fw={700} c={stage.status === 'in_progress' ? 'white' : 'dimmed'}>
      {stage.position}
    </Text>
  );
}

/** Put a fresh case detail from a write in the cache, and refresh what depends on it. */
export function useCaseUpdated(caseId: string) {
  const queryClient = useQueryClient();
  return async (detail?: CaseDetail) => {
    if (detail) queryClient.setQueryData(caseKey(caseId), detail);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: caseTimelineKey(caseId) }),
      queryClient.invalidateQueries({ queryKey: [...casesKey, 'list'] }),
      // A conflict means the page is stale: someone else moved the case on.
      detail ? undefined : queryClient.invalidateQueries({ queryKey: caseKey(caseId) }),
    ]);
  };
}

/** A write that answered 409 leaves the page stale; reload the case while the alert shows why. */
async function postStageAction(caseId: string, path: string, body: unknown, refresh: (detail?: CaseDetail) => Promise<void>) {
  try {
    const detail = await api.post<CaseDetail>(`/cases/${caseId}${path}`, body);
    await refresh(detail);
    return detail;
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) void refresh();
    throw error;
  }
}

function StageModal({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const isPhone = useMediaQuery('(max-width: 47.99em)');
  return (
    <Modal opened onClose={onClose} title={title} fullScreen={isPhone} size="lg">
      {children}
    </Modal>
  );
}

export function CompleteStageModal({ caseId, stage, onClose }: { caseId: string; stage: StageView; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const refresh = useCaseUpdated(caseId);
  const form = useForm({ initialValues: { notes: '' } });
  const submit = form.onSubmit(async ({ notes }) => {
    await postStageAction(caseId, `/stages/${stage.key}/complete`, { notes: optionalText(notes) ?? null }, refresh);
    onClose();
  });
  return (
    <StageModal title={t('casesWeb.stages.completeTitle', { stage: stageName(stage, i18n.language) })} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Textarea
            label={t('casesWeb.stages.notes')}
            description={t('casesWeb.stages.notesHint')}
            autosize
            minRows={3}
            data-autofocus
            {...form.getInputProps('notes')}
          />
          <CaseWriteError error={form.error} stage={stageName(stage, i18n.language)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('web.common.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting} leftSection={<Icon name="check" size={16} />}>
              {t('casesWeb.stages.complete')}
            </Button>
          </Group>
        </Stack>
      </form>
    </StageModal>
  );
}

export function SkipStageModal({ caseId, stage, onClose }: { caseId: string; stage: StageView; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const refresh = useCaseUpdated(caseId);
  const form = useForm({
    initialValues: { reason: '' },
    validate: ({ reason }, tr) =>
      reason.trim().length === 0
        ? { reason: tr('validation.required') }
        : reason.trim().length < 3
          ? { reason: tr('web.validation.tooShort', { count: 3 }) }
          : {},
  });
  const submit = form.onSubmit(async ({ reason }) => {
    await postStageAction(caseId, `/stages/${stage.key}/skip`, { reason: reason.trim() }, refresh);
    onClose();
  });
  return (
    <StageModal title={t('casesWeb.stages.skipTitle', { stage: stageName(stage, i18n.language) })} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('casesWeb.stages.skipIntro')}</Text>
          <Textarea label={t('fields.reason')} required autosize minRows={3} data-autofocus {...form.getInputProps('reason')} />
          <CaseWriteError error={form.error} stage={stageName(stage, i18n.language)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('web.common.cancel')}
            </Button>
            <Button type="submit" color="gray" loading={form.submitting} leftSection={<Icon name="skip" size={14} />}>
              {t('casesWeb.stages.skip')}
            </Button>
          </Group>
        </Stack>
      </form>
    </StageModal>
  );
}

function StageTimes({ stage }: { stage: StageView }) {
  const { t, i18n } = useTranslation();
  const standard = formatDuration(stage.standardMinutes, t);
  if (stage.status === 'pending') {
    return (
      <Text size="xs" c="dimmed">
        {t('casesWeb.stages.standard', { duration: standard })}
      </Text>
    );
  }
  const elapsed = formatDuration(stage.elapsedMinutes, t);
  return (
    <Text size="xs" c={stage.isOverdue ? 'red.8' : 'dimmed'} fw={stage.isOverdue ? 600 : undefined}>
      {stage.status === 'in_progress'
        ? t('casesWeb.stages.runningFor', { elapsed, standard })
        : stage.status === 'completed'
          ? t('casesWeb.stages.tookOf', { elapsed, standard })
          : t('casesWeb.stages.standard', { duration: standard })}
      {stage.startedAt && stage.status === 'in_progress' && ` · ${t('casesWeb.stages.since', { time: formatDateTime(stage.startedAt, i18n.language) })}`}
    </Text>
  );
}

export function CaseStages({
  detail,
  canWrite,
  onComplete,
  onSkip,
  onTerminate,
}: {
  detail: CaseDetail;
  canWrite: boolean;
  onComplete: (stage: StageView) => void;
  onSkip: (stage: StageView) => void;
  onTerminate: () => void;
}) {
  const { t, i18n } = useTranslation();
  const stages = [...detail.stages].sort((a, b) => a.position - b.position);
  const lastDone = stages.reduce((last, stage, index) => (stage.status === 'completed' || stage.status === 'skipped' ? index : last), -1);
  const currentIndex = stages.findIndex((stage) => stage.status === 'in_progress');
  const isOpen = detail.status === 'open';

  return (
    <Timeline active={currentIndex >= 0 ? currentIndex : lastDone} bulletSize={26} lineWidth={2} data-testid="case-stages">
      {stages.map((stage) => {
        const isCurrent = stage.status === 'in_progress';
        const isLast = stage.key === 'termination' && stage.position === stages[stages.length - 1]?.position;
        const color = isCurrent && stage.isOverdue ? 'red' : STATUS_COLORS[stage.status];
        return (
          <Timeline.Item
            key={stage.id}
            color={color}
            bullet={<StageBullet stage={stage} />}
            lineVariant={stage.status === 'pending' ? 'dashed' : 'solid'}
            data-testid={`stage-${stage.key}`}
            data-status={stage.status}
            title={
              <Group gap="xs" wrap="wrap" align="center">
                <Text fw={isCurrent ? 700 : 600} size="sm" c={stage.status === 'pending' ? 'dimmed' : undefined}>
                  {stageName(stage, i18n.language)}
                </Text>
                <Badge
                  size="sm"
                  variant={isCurrent ? 'filled' : 'light'}
                  color={color}
                  data-testid="stage-status"
                >
                  {enumLabel(t, 'stage_statuses', stage.status)}
                </Badge>
                {stage.isOverdue && (
                  <Badge size="sm" color="red" variant={isCurrent ? 'filled' : 'outline'} leftSection={<Icon name="alert" size={10} />}>
                    {t('casesWeb.overdue.short')}
                  </Badge>
                )}
              </Group>
            }
          >
            <Stack gap={4} mt={2}>
              <StageTimes stage={stage} />
              {(stage.status === 'completed' || stage.status === 'skipped') && stage.completedAt && (
                <Text size="xs" c="dimmed">
                  {stage.completedByName
                    ? t('casesWeb.stages.doneBy', { name: stage.completedByName, time: formatDateTime(stage.completedAt, i18n.language) })
                    : formatDateTime(stage.completedAt, i18n.language)}
                </Text>
              )}
              {stage.status === 'skipped' && stage.skipReason && (
                <Text size="sm">
                  <Text span c="dimmed" size="sm">
                    {t('fields.reason')}:{' '}
                  </Text>
                  {t(`enums.skip_reasons.${stage.skipReason}`, { defaultValue: stage.skipReason })}
                </Text>
              )}
              {stage.notes && (
                <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                  {stage.notes}
                </Text>
              )}
              {isCurrent && isOpen && !canWrite && (
                <Text size="xs" c="dimmed">
                  {t('casesWeb.stages.responsible', { role: t(`web.roles.${stage.responsibleRole}`, { defaultValue: stage.responsibleRole }) })}
                </Text>
              )}
              {isCurrent && isOpen && canWrite && (
                <Stack gap="xs" mt={4}>
                  <Text size="xs" c="dimmed">
                    {t('casesWeb.stages.responsible', { role: t(`web.roles.${stage.responsibleRole}`, { defaultValue: stage.responsibleRole }) })}
                  </Text>
                  <Group gap="xs">
                    {isLast ? (
                      <Button size="sm" color="red" onClick={onTerminate} data-testid="stage-terminate">
                        {t('casesWeb.terminate.action')}
                      </Button>
                    ) : (
                      <Button size="sm" leftSection={<Icon name="check" size={16} />} onClick={() => onComplete(stage)} data-testid="stage-complete">
                        {t('casesWeb.stages.complete')}
                      </Button>
                    )}
                    {stage.skippable && (
                      <Button size="sm" variant="default" leftSection={<Icon name="skip" size={12} />} onClick={() => onSkip(stage)} data-testid="stage-skip">
                        {t('casesWeb.stages.skip')}
                      </Button>
                    )}
                  </Group>
                </Stack>
              )}
            </Stack>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}

/** The summary line above the timeline: how many stages are done and which one runs. */
export function StageProgress({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const done = detail.stages.filter((stage) => stage.status === 'completed' || stage.status === 'skipped').length;
  const current = detail.stages.find((stage) => stage.status === 'in_progress');
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <ThemeIcon variant="light" size="sm" radius="xl">
        <Icon name="check" size={12} />
      </ThemeIcon>
      <Text size="sm">
        {t('casesWeb.stages.progress', { done, total: detail.stages.length })}
        {current && (
          <Text span size="sm" c="dimmed">
            {' · '}
            {t('casesWeb.stages.now', { stage: stageName(current, i18n.language) })}
          </Text>
        )}
      </Text>
    </Group>
  );
}

/**
 * A refused write. A conflict (409) means someone else moved the case on meanwhile: the page has been
 * reloaded behind the dialog, so the alert says so next to the server's reason.
 */
export function CaseWriteError({ error, stage }: { error: unknown; stage?: string }) {
  const { t } = useTranslation();
  if (!(error instanceof ApiError) || error.status !== 409) return <ApiErrorAlert error={error} />;
  // The server names the stage by its key; the officer knows it by its name.
  const message = error.code === 'cases.stage_not_current' && stage ? t('casesWeb.stages.notCurrent', { stage }) : error.message;
  return (
    <Alert color="orange" variant="light" title={t('casesWeb.conflict')} role="alert" data-testid="case-conflict">
      <Text size="sm">{message}</Text>
      <Text size="sm" mt={4}>
        {t('casesWeb.conflictReloaded')}
      </Text>
    </Alert>
  );
}
