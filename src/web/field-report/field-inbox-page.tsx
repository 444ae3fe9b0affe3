/** Field reports waiting at the shelter: open a case for the person, or decline with a reason the submitter sees. */
import { Anchor, Button, Card, Group, Image, Modal, SegmentedControl, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { FieldReportView } from '../../shared/contracts/field-reports.js';
import { api } from '../api.js';
import { CategoryBadges } from '../cases/case-bits.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { formatDateTime } from '../components/labels.js';
import { useForm } from '../forms.js';
import { useCan } from '../session.js';

function DeclineModal({ report, onClose }: { report: FieldReportView; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({ initialValues: { reason: '' }, validate: (v, tr) => ({ reason: v.reason.trim().length >= 3 ? undefined : tr('validation.required') }) });
  const submit = form.onSubmit(async (v) => {
    await api.post(`/field-reports/${report.id}/decline`, { reason: v.reason });
    await queryClient.invalidateQueries({ queryKey: ['field-reports'] });
    onClose();
  });
  return (
    <Modal opened onClose={onClose} title={t('referrals.fieldReport.decline')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Textarea label={t('referrals.fieldReport.declineReason')} required autosize minRows={3} data-autofocus {...form.getInputProps('reason')} />
          <ApiErrorAlert error={form.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('web.common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={form.submitting}>
              {t('referrals.fieldReport.decline')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export default function FieldInboxPage() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const [status, setStatus] = useState('pending');
  const [declining, setDeclining] = useState<FieldReportView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ['field-reports', 'inbox', status],
    queryFn: () => api.get<{ items: FieldReportView[] }>('/field-reports', { status, limit: 100 }),
    refetchInterval: 10000,
  });
  const accept = async (r: FieldReportView) => {
    setError(null);
    setBusy(r.id);
    try {
      const { caseId } = await api.post<{ caseId: string }>(`/field-reports/${r.id}/accept`, {});
      navigate(`/cases/${caseId}`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Stack>
      <Title order={2}>{t('referrals.fieldReport.inboxTitle')}</Title>
      <SegmentedControl
        value={status}
        onChange={setStatus}
        data={(['pending', 'accepted', 'declined'] as const).map((s) => ({ value: s, label: t(`enums.field_report_statuses.${s}`) }))}
        style={{ alignSelf: 'flex-start' }}
      />
      <ApiErrorAlert error={list.error ?? error} />
      {list.data?.items.length === 0 && <Text c="dimmed">{t('referrals.fieldReport.inboxEmpty')}</Text>}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {list.data?.items.map((r) => (
          <Card key={r.id} withBorder data-testid="field-report-card">
            <Stack gap={6}>
              {r.photoUrl && <Image src={r.photoUrl} alt={t('referrals.fieldReport.photoAlt')} h={180} fit="cover" radius="sm" />}
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {r.description}
              </Text>
              <CategoryBadges codes={r.categories} />
              <Text size="xs" c="dimmed">
                {[formatDateTime(r.foundAt, i18n.language), r.personName, r.submittedByName, r.submitterOrganizationName].filter(Boolean).join(' · ')}
              </Text>
              {(r.locationText || r.latitude != null) && (
                <Text size="xs">
                  {r.locationText}
                  {r.latitude != null && r.longitude != null && (
                    <>
                      {' '}
                      <Anchor href={`https://www.openstreetmap.org/?mlat=${r.latitude}&mlon=${r.longitude}#map=18/${r.latitude}/${r.longitude}`} target="_blank" rel="noopener">
                        {r.latitude.toFixed(5)}, {r.longitude.toFixed(5)}
                      </Anchor>
                    </>
                  )}
                </Text>
              )}
              {r.caseId && (
                <Anchor component={Link} to={`/cases/${r.caseId}`} size="sm">
                  {t('referrals.fieldReport.openCase')}
                </Anchor>
              )}
              {r.declineReason && <Text size="xs">{r.declineReason}</Text>}
              {r.status === 'pending' && can('cases.write') && (
                <Group justify="flex-end">
                  <Button variant="light" color="red" onClick={() => setDeclining(r)}>
                    {t('referrals.fieldReport.decline')}
                  </Button>
                  <Button loading={busy === r.id} onClick={() => accept(r)}>
                    {t('referrals.fieldReport.accept')}
                  </Button>
                </Group>
              )}
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
      {declining && <DeclineModal report={declining} onClose={() => setDeclining(null)} />}
    </Stack>
  );
}
