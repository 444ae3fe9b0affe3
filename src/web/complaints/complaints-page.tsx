import { Anchor, Badge, Button, Card, Group, Image, Modal, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { ComplaintList, ComplaintStatus, ComplaintView } from '../../shared/contracts/complaints.js';
import { whatsappLink } from '../../shared/whatsapp.js';
import { api } from '../api.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { Icon } from '../components/icons.js';
import { formatDateTime } from '../components/labels.js';
import { useForm } from '../forms.js';
import { useCan } from '../session.js';

const STATUS_COLOR: Record<ComplaintStatus, string> = { new: 'red', dismissed: 'gray', handled: 'teal' };

/** `95` → "1 j 35 m" style durations, in minutes below an hour. */
export function formatMinutes(t: (k: string, v?: Record<string, unknown>) => string, minutes: number): string {
  if (minutes < 60) return t('complaints.minutes', { count: minutes });
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return t('complaints.hoursMinutes', { h, m });
}

function DismissModal({ complaint, onClose }: { complaint: ComplaintView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({ initialValues: { reason: '' }, validate: (v) => ({ reason: v.reason.trim().length < 3 ? t('validation.required') : undefined }) });
  const submit = form.onSubmit(async (values) => {
    await api.post(`/complaints/${complaint?.id}/dismiss`, { reason: values.reason });
    await queryClient.invalidateQueries({ queryKey: ['complaints'] });
    form.reset();
    onClose();
  });
  return (
    <Modal opened={Boolean(complaint)} onClose={onClose} title={t('complaints.dismiss')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Textarea label={t('complaints.dismissReason')} autosize minRows={3} required data-autofocus {...form.getInputProps('reason')} />
          <ApiErrorAlert error={form.error} />
          <Button type="submit" color="red" loading={form.submitting}>
            {t('complaints.dismissSave')}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}

function ComplaintCard({ c, highlighted, onDismiss }: { c: ComplaintView; highlighted: boolean; onDismiss: () => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const waited = Math.round((Date.now() - new Date(c.receivedAt).getTime()) / 60_000);
  const wa = whatsappLink(c.reporterPhone, t('complaints.whatsappText', { code: c.trackingCode }));
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      id={`complaint-${c.id}`}
      data-testid="complaint-card"
      data-code={c.trackingCode}
      style={{ borderLeft: c.status === 'new' ? '4px solid var(--mantine-color-red-7)' : undefined, outline: highlighted ? '2px solid var(--mantine-color-teal-6)' : undefined }}
    >
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs">
            <Text fw={700} ff="monospace">
              {c.trackingCode}
            </Text>
            <Badge color={STATUS_COLOR[c.status]} variant={c.status === 'new' ? 'filled' : 'light'} tt="none">
              {t(`complaints.statuses.${c.status}`)}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed">
            {t('complaints.received')} {formatDateTime(c.receivedAt, i18n.language)}
          </Text>
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {c.description}
        </Text>
        <Group gap={6} wrap="nowrap" align="flex-start">
          <Icon name="mapPin" size={16} />
          <Text size="sm">
            {c.address}
            {c.latitude !== null && c.longitude !== null && (
              <>
                {' · '}
                <Anchor href={`https://www.openstreetmap.org/?mlat=${c.latitude}&mlon=${c.longitude}#map=18/${c.latitude}/${c.longitude}`} target="_blank" rel="noreferrer" size="sm">
                  {t('complaints.map')}
                </Anchor>
              </>
            )}
          </Text>
        </Group>
        {c.seenAt && (
          <Text size="xs" c="dimmed">
            {t('fields.seenAt')}: {formatDateTime(c.seenAt, i18n.language)}
          </Text>
        )}
        {c.hasPhoto && <Image src={`/api/complaints/${c.id}/photo`} alt={t('complaints.photo')} mah={220} w="auto" fit="contain" radius="sm" />}
        <Text size="xs" c="dimmed">
          {t('complaints.reporter')}: {[c.reporterName, c.reporterPhone, c.reporterEmail].filter(Boolean).join(' · ') || t('complaints.noContact')}
          {wa && (
            <>
              {' · '}
              <Anchor href={wa} target="_blank" rel="noreferrer" size="xs">
                {t('complaints.whatsappReporter')}
              </Anchor>
            </>
          )}
        </Text>
        <Text size="sm" data-testid="complaint-response">
          {t('complaints.responseTime')}:{' '}
          {c.responseMinutes !== null ? <b>{formatMinutes(t, c.responseMinutes)}</b> : <Text span c="red.8">{t('complaints.waiting', { value: formatMinutes(t, waited) })}</Text>}
        </Text>
        {c.status === 'dismissed' && c.dismissReason && (
          <Text size="sm" c="dimmed">
            {t('complaints.dismissReason')}: {c.dismissReason}
          </Text>
        )}
        {c.caseId && (
          <Anchor component={Link} to={`/cases/${c.caseId}`} size="sm">
            {t('complaints.openCase')} →
          </Anchor>
        )}
        {c.status === 'new' && can('cases.write') && (
          <Group gap="xs" mt={4}>
            <Button size="sm" onClick={() => navigate(`/cases/new?complaintId=${c.id}`)} data-testid="complaint-to-intake">
              {t('complaints.toIntake')}
            </Button>
            <Button size="sm" variant="light" color="red" onClick={onDismiss}>
              {t('complaints.dismiss')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

/** Community complaints of the user's units: newest first, filtered by status, with response times. */
export default function ComplaintsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') ?? 'new') as ComplaintStatus | 'all';
  const openId = params.get('open');
  const [dismissing, setDismissing] = useState<ComplaintView | null>(null);
  const list = useQuery({
    queryKey: ['complaints', 'list', status],
    queryFn: ({ signal }) => api.get<ComplaintList>('/complaints', { status: status === 'all' ? undefined : status, limit: 100 }, signal),
    refetchInterval: 60_000,
  });
  useEffect(() => {
    if (openId && list.data) document.getElementById(`complaint-${openId}`)?.scrollIntoView({ block: 'center' });
  }, [openId, list.data]);
  const average = list.data?.averageResponseMinutes;
  return (
    <Stack maw={900} gap="md">
      <Title order={1} size="h2">
        {t('complaints.title')}
      </Title>
      <SegmentedControl
        value={status}
        onChange={(value) => setParams(value === 'new' ? {} : { status: value })}
        data={[
          { value: 'new', label: t('complaints.statuses.new') },
          { value: 'handled', label: t('complaints.statuses.handled') },
          { value: 'dismissed', label: t('complaints.statuses.dismissed') },
          { value: 'all', label: t('complaints.all') },
        ]}
        fullWidth
      />
      {average !== null && average !== undefined && (
        <Text size="sm" c="dimmed" data-testid="average-response">
          {t('complaints.averageResponse', { value: formatMinutes(t, average) })}
        </Text>
      )}
      <ApiErrorAlert error={list.error} />
      {list.data?.items.length === 0 && <Text c="dimmed">{t('complaints.empty')}</Text>}
      {list.data?.items.map((c) => (
        <ComplaintCard key={c.id} c={c} highlighted={c.id === openId} onDismiss={() => setDismissing(c)} />
      ))}
      <DismissModal complaint={dismissing} onClose={() => setDismissing(null)} />
    </Stack>
  );
}
