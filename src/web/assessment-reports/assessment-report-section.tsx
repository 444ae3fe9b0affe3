/**
 * The "Laporan asesmen" section of the case page: generate the report from the latest submitted
 * psychosocial assessment, edit it while a draft, submit it, the head approves or returns it, and
 * download the PDF (DRAFT-watermarked until approved).
 */
import { Alert, Anchor, Badge, Button, Group, Modal, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  AssessmentReportStatus,
  AssessmentReportView,
  UpdateAssessmentReportBody,
} from '../../shared/contracts/assessment-reports.js';
import { updateAssessmentReportBody } from '../../shared/contracts/assessment-reports.js';
import type { CaseDetail } from '../../shared/contracts/cases.js';
import { api } from '../api.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { formatDateTime } from '../components/labels.js';
import { schemaErrors, useForm } from '../forms.js';
import { useCan } from '../session.js';

export const assessmentReportsKey = (caseId: string) => ['cases', 'assessment-reports', caseId] as const;

const STATUS_COLORS: Record<AssessmentReportStatus, string> = { draft: 'gray', submitted: 'blue', approved: 'teal', returned: 'orange' };

function EditReportModal({ report, onClose }: { report: AssessmentReportView; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const isPhone = useMediaQuery('(max-width: 47.99em)');
  const form = useForm({
    initialValues: {
      nature: report.nature,
      attachmentsNote: report.attachmentsNote,
      subject: report.subject,
      addressee: report.addressee ?? '',
      analysis: report.analysis,
      recommendation: report.recommendation,
    },
    validate: (values, tr) => schemaErrors(updateAssessmentReportBody, values, tr),
  });
  const save = (body: UpdateAssessmentReportBody) =>
    api.patch<AssessmentReportView>(`/cases/${report.caseId}/assessment-reports/${report.id}`, body).then(async () => {
      await queryClient.invalidateQueries({ queryKey: assessmentReportsKey(report.caseId) });
      onClose();
    });
  return (
    <Modal opened onClose={onClose} title={t('assessmentReports.web.editTitle')} fullScreen={isPhone} size="xl">
      <form onSubmit={form.onSubmit((values) => save({ ...values, addressee: values.addressee.trim() || null }))} noValidate>
        <Stack>
          <Group grow align="flex-start">
            <TextInput label={t('fields.nature')} {...form.getInputProps('nature')} />
            <TextInput label={t('fields.attachmentsNote')} {...form.getInputProps('attachmentsNote')} />
          </Group>
          <TextInput label={t('fields.subject')} {...form.getInputProps('subject')} />
          <TextInput label={t('fields.addressee')} {...form.getInputProps('addressee')} data-testid="report-addressee" />
          <Textarea label={t('fields.analysis')} autosize minRows={4} {...form.getInputProps('analysis')} data-testid="report-analysis" />
          <Textarea label={t('fields.recommendation')} autosize minRows={4} {...form.getInputProps('recommendation')} data-testid="report-recommendation" />
          <ApiErrorAlert error={form.error} />
          <Group justify="space-between">
            <Button variant="subtle" onClick={() => void form.onSubmit(() => save({ refreshFromAssessment: true }))()}>
              {t('assessmentReports.web.refresh')}
            </Button>
            <Group>
              <Button variant="default" onClick={onClose}>
                {t('web.common.cancel')}
              </Button>
              <Button type="submit" loading={form.submitting} data-testid="report-save">
                {t('web.common.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function ReturnModal({ report, onClose }: { report: AssessmentReportView; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({ initialValues: { note: '' } });
  return (
    <Modal opened onClose={onClose} title={t('assessmentReports.web.returnTitle')}>
      <form
        onSubmit={form.onSubmit(async ({ note }) => {
          await api.post(`/cases/${report.caseId}/assessment-reports/${report.id}/return`, { note });
          await queryClient.invalidateQueries({ queryKey: assessmentReportsKey(report.caseId) });
          onClose();
        })}
        noValidate
      >
        <Stack>
          <Textarea label={t('assessmentReports.web.returnNote')} autosize minRows={3} {...form.getInputProps('note')} />
          <ApiErrorAlert error={form.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('web.common.cancel')}
            </Button>
            <Button type="submit" color="orange" loading={form.submitting}>
              {t('assessmentReports.web.return')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function ReportCard({ report, isOpen }: { report: AssessmentReportView; isOpen: boolean }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [returning, setReturning] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const step = useMutation({
    mutationFn: (action: 'submit' | 'approve') => api.post<AssessmentReportView>(`/cases/${report.caseId}/assessment-reports/${report.id}/${action}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: assessmentReportsKey(report.caseId) }),
  });
  const editable = report.status === 'draft' || report.status === 'returned';
  const lang = i18n.language === 'en' ? 'en' : 'id';
  return (
    <Paper withBorder radius="md" p="sm" data-testid="assessment-report" data-status={report.status}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Badge color={STATUS_COLORS[report.status]} variant="light" data-testid="report-status">
            {t(`assessmentReports.web.statuses.${report.status}`)}
          </Badge>
          <Text size="sm" ff="monospace" data-testid="report-number">
            {report.letterNumber ? t('assessmentReports.web.number', { number: report.letterNumber }) : t('assessmentReports.web.numberPending')}
          </Text>
        </Group>
        <Text size="sm" fw={600}>
          {report.subject}
        </Text>
        {!report.sourceResponseId && report.findings.length === 0 && (
          <Text size="xs" c="dimmed">
            {t('assessmentReports.web.noSource')}
          </Text>
        )}
        {report.findings.length > 0 && (
          <Text size="xs" c="dimmed">
            {t('assessmentReports.web.findingsCount', { count: report.findings.length })}
          </Text>
        )}
        {report.recommendation && (
          <Text size="sm" lineClamp={3} style={{ whiteSpace: 'pre-line' }}>
            <Text span fw={600}>
              {t('fields.recommendation')}:{' '}
            </Text>
            {report.recommendation}
          </Text>
        )}
        {report.status === 'returned' && report.returnNote && (
          <Alert color="orange" variant="light" p="xs">
            {t('assessmentReports.web.returnedWith', { note: report.returnNote })}
          </Alert>
        )}
        {report.submittedByName && report.submittedAt && (
          <Text size="xs" c="dimmed">
            {t('assessmentReports.web.submittedBy', { name: report.submittedByName, time: formatDateTime(report.submittedAt, i18n.language) })}
          </Text>
        )}
        {report.status === 'approved' && report.decidedByName && (
          <Text size="xs" c="dimmed">
            {t('assessmentReports.web.approvedBy', { name: report.decidedByName, time: formatDateTime(report.decidedAt, i18n.language) })}
          </Text>
        )}
        <ApiErrorAlert error={step.error} />
        <Group gap="xs" wrap="wrap">
          <Anchor href={`${report.pdfUrl}?lang=${lang}`} size="sm" fw={600} download data-testid="report-download">
            {t('assessmentReports.web.download')}
          </Anchor>
          {isOpen && editable && can('cases.write') && (
            <>
              <Button size="xs" variant="default" onClick={() => setEditing(true)} data-testid="report-edit">
                {t('assessmentReports.web.edit')}
              </Button>
              <Button size="xs" onClick={() => step.mutate('submit')} loading={step.isPending && step.variables === 'submit'} data-testid="report-submit">
                {t('assessmentReports.web.submit')}
              </Button>
            </>
          )}
          {isOpen && report.status === 'submitted' && can('cases.approve') && (
            <>
              <Button size="xs" color="teal" onClick={() => setConfirming(true)} data-testid="report-approve">
                {t('assessmentReports.web.approve')}
              </Button>
              <Button size="xs" color="orange" variant="light" onClick={() => setReturning(true)} data-testid="report-return">
                {t('assessmentReports.web.return')}
              </Button>
            </>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {t('assessmentReports.web.downloadHint')}
        </Text>
      </Stack>
      {editing && <EditReportModal report={report} onClose={() => setEditing(false)} />}
      {returning && <ReturnModal report={report} onClose={() => setReturning(false)} />}
      {confirming && (
        <Modal opened onClose={() => setConfirming(false)} title={t('assessmentReports.web.approve')}>
          <Stack>
            <Text size="sm">{t('assessmentReports.web.approveConfirm')}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(false)}>
                {t('web.common.cancel')}
              </Button>
              <Button
                color="teal"
                loading={step.isPending}
                data-testid="report-approve-confirm"
                onClick={() => step.mutate('approve', { onSettled: () => setConfirming(false) })}
              >
                {t('assessmentReports.web.approve')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Paper>
  );
}

/** The assessment reports of a case, newest first, with the actions the user's role allows. */
export function AssessmentReportSection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const reports = useQuery({
    queryKey: assessmentReportsKey(detail.id),
    queryFn: ({ signal }) => api.get<{ items: AssessmentReportView[] }>(`/cases/${detail.id}/assessment-reports`, undefined, signal),
  });
  const generate = useMutation({
    mutationFn: () => api.post<AssessmentReportView>(`/cases/${detail.id}/assessment-reports`, {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: assessmentReportsKey(detail.id) }),
  });
  const items = reports.data?.items ?? [];
  const isOpen = detail.status === 'open';
  const hasUnfinished = items.some((r) => r.status !== 'approved');
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="section" data-testid="assessment-report-section">
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={2} size="h4">
          {t('assessmentReports.web.title')}
        </Title>
        {isOpen && can('cases.write') && !hasUnfinished && (
          <Button size="xs" onClick={() => generate.mutate()} loading={generate.isPending} data-testid="report-generate">
            {t('assessmentReports.web.generate')}
          </Button>
        )}
      </Group>
      <Stack gap="sm">
        <ApiErrorAlert error={reports.error ?? generate.error} />
        {items.length === 0 && !reports.isPending && (
          <>
            <Text size="sm" c="dimmed">
              {t('assessmentReports.web.none')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('assessmentReports.web.noAssessmentHint')}
            </Text>
          </>
        )}
        {items.map((report) => (
          <ReportCard key={report.id} report={report} isOpen={isOpen} />
        ))}
      </Stack>
    </Paper>
  );
}
