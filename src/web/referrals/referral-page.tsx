/**
 * One referral, as the viewer's side sees it: the facts, the shared part of the client record, the
 * documents, the next steps this side can take, the letter, and the thread both sides write in.
 * It refreshes by itself, so the other side's answer appears without reloading.
 */
import { Alert, Anchor, Badge, Button, Card, FileButton, Group, Modal, SegmentedControl, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ReferralAction, ReferralDetail } from '../../shared/contracts/referrals.js';
import { api } from '../api.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { formatDateTime } from '../components/labels.js';
import { optionalText, useForm } from '../forms.js';
import { currentLanguage } from '../i18n.js';
import { useSession } from '../session.js';
import { postMultipart, ReferralStatusBadge } from './referral-bits.js';
import { fromPickerValue, toPickerValue } from '../cases/case-format.js';
import { DateTimeField } from '../cases/date-fields.js';

const LIVE_MS = 3000;

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {children || '—'}
      </Text>
    </div>
  );
}

type Dialog = 'decline' | 'cancel' | 'hand_over' | null;

function ActionDialog({ kind, referral, onDone, onClose }: { kind: Exclude<Dialog, null>; referral: ReferralDetail; onDone: (r: ReferralDetail) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 47.99em)');
  const [openedAt] = useState(() => toPickerValue());
  const form = useForm({
    initialValues: { note: '', receivedByName: '', handedOverAt: openedAt },
    serverFields: { reason: 'note' },
    validate: (v, tr) => ({
      note: kind !== 'hand_over' && v.note.trim().length < 3 ? tr('validation.required') : undefined,
      receivedByName: kind === 'hand_over' && v.receivedByName.trim().length < 2 ? tr('validation.required') : undefined,
    }),
  });
  const submit = form.onSubmit(async (v) => {
    const updated =
      kind === 'cancel'
        ? await api.post<ReferralDetail>(`/referrals/${referral.id}/cancel`, { reason: v.note })
        : await api.post<ReferralDetail>(`/referrals/${referral.id}/respond`, {
            action: kind,
            note: optionalText(v.note) ?? null,
            ...(kind === 'hand_over'
              ? {
                  receivedByName: v.receivedByName,
                  // Left as it was: "now" on the server (the input holds minutes only).
                  ...(v.handedOverAt && v.handedOverAt !== openedAt ? { handedOverAt: fromPickerValue(v.handedOverAt) } : {}),
                }
              : {}),
          });
    onDone(updated);
  });
  return (
    <Modal opened onClose={onClose} title={t(`enums.referral_actions.${kind}`)} fullScreen={isPhone}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {kind === 'hand_over' && (
            <>
              <TextInput label={t('referrals.web.receivedBy')} required data-autofocus {...form.getInputProps('receivedByName')} />
              <DateTimeField label={t('referrals.web.handedOverAt')} {...form.getInputProps('handedOverAt')} />
            </>
          )}
          <Textarea
            label={kind === 'decline' ? t('referrals.web.declineReason') : kind === 'cancel' ? t('referrals.web.cancelReason') : t('referrals.web.note')}
            required={kind !== 'hand_over'}
            autosize
            minRows={3}
            data-autofocus={kind !== 'hand_over' || undefined}
            {...form.getInputProps('note')}
          />
          <ApiErrorAlert error={form.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('web.common.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting} color={kind === 'hand_over' ? undefined : 'red'} data-testid={`confirm-${kind}`}>
              {t(`enums.referral_actions.${kind}`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function Thread({ referral, onChange }: { referral: ReferralDetail; onChange: (r: ReferralDetail) => void }) {
  const { t, i18n } = useTranslation();
  const { csrfToken } = useSession();
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [uploading, setUploading] = useState(false);
  const form = useForm({
    initialValues: { kind: 'message', body: '' },
    validate: (v, tr) => ({ body: v.body.trim() ? undefined : tr('validation.required') }),
  });
  const send = form.onSubmit(async (v) => {
    onChange(await api.post<ReferralDetail>(`/referrals/${referral.id}/messages`, { kind: v.kind, body: v.body }));
    form.reset({ kind: v.kind, body: '' });
  });
  const upload = async (file: File | null) => {
    if (!file) return;
    setUploadError(null);
    setUploading(true);
    try {
      const body = new FormData();
      body.append('file', file, file.name);
      onChange(await postMultipart<ReferralDetail>(`/referrals/${referral.id}/files`, csrfToken, body));
    } catch (error) {
      setUploadError(error);
    } finally {
      setUploading(false);
    }
  };
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="sm">
        {t('referrals.web.thread')}
      </Title>
      <Stack gap="sm" data-testid="referral-thread">
        {referral.events.map((e) => (
          <Card key={e.id} padding="xs" radius="sm" bg={e.side === 'receiver' ? 'teal.0' : 'gray.0'}>
            <Group justify="space-between" gap="xs" wrap="wrap">
              <Text size="xs" fw={600}>
                {[e.authorName, e.authorOrganizationName].filter(Boolean).join(' · ')}
              </Text>
              <Text size="xs" c="dimmed">
                {formatDateTime(e.createdAt, i18n.language)}
              </Text>
            </Group>
            {e.kind === 'status' && e.toStatus && (
              <Group gap={6} mt={4}>
                <Text size="sm">{t('referrals.web.statusChanged')}</Text>
                <ReferralStatusBadge status={e.toStatus} />
              </Group>
            )}
            {e.kind === 'progress_note' && (
              <Badge size="xs" variant="outline" mt={4}>
                {t('referrals.web.progressNote')}
              </Badge>
            )}
            {e.body && (
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {e.body}
              </Text>
            )}
            {e.files.map((f) => (
              <Anchor key={f.id} href={f.url} size="sm" target="_blank" rel="noopener">
                {f.fileName}
              </Anchor>
            ))}
          </Card>
        ))}
      </Stack>
      {referral.canPost && (
        <form onSubmit={send} noValidate>
          <Stack gap="xs" mt="md">
            <SegmentedControl
              size="xs"
              value={form.values.kind}
              onChange={(v) => form.setValue('kind', v)}
              data={[
                { value: 'message', label: t('referrals.web.message') },
                { value: 'progress_note', label: t('referrals.web.progressNote') },
              ]}
            />
            <Textarea aria-label={t('fields.body')} placeholder={t('referrals.web.writeMessage')} autosize minRows={2} {...form.getInputProps('body')} />
            <Group justify="space-between" wrap="wrap">
              <FileButton onChange={upload} accept="image/jpeg,image/png,image/webp,application/pdf">
                {(props) => (
                  <Button variant="default" loading={uploading} {...props}>
                    {t('referrals.web.attachFile')}
                  </Button>
                )}
              </FileButton>
              <Button type="submit" loading={form.submitting} data-testid="send-message">
                {t('referrals.web.send')}
              </Button>
            </Group>
            <ApiErrorAlert error={form.error ?? uploadError} />
          </Stack>
        </form>
      )}
    </Card>
  );
}

export default function ReferralPage() {
  const { t, i18n } = useTranslation();
  const { referralId } = useParams();
  const queryClient = useQueryClient();
  const key = ['referrals', 'detail', referralId];
  const query = useQuery({ queryKey: key, queryFn: () => api.get<ReferralDetail>(`/referrals/${referralId}`), refetchInterval: LIVE_MS });
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState<ReferralAction | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const r = query.data;
  if (!r) return <ApiErrorAlert error={query.error} />;

  const update = (next: ReferralDetail) => {
    queryClient.setQueryData(key, next);
    void queryClient.invalidateQueries({ queryKey: ['referrals', 'list'] });
  };
  const direct = async (action: ReferralAction) => {
    setActionError(null);
    setBusy(action);
    try {
      update(
        action === 'send'
          ? await api.post<ReferralDetail>(`/referrals/${r.id}/send`, {})
          : await api.post<ReferralDetail>(`/referrals/${r.id}/respond`, { action }),
      );
    } catch (error) {
      setActionError(error);
    } finally {
      setBusy(null);
    }
  };
  const onBehalf = r.side === 'sender' && !r.institutionHasAccount && r.actions.some((a) => ['accept', 'decline', 'hand_over', 'complete'].includes(a));
  const when = (value: string | null) => formatDateTime(value, i18n.language);

  return (
    <Stack>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={2}>
          <Anchor component={Link} to="/referrals" size="sm">
            ← {t('referrals.web.back')}
          </Anchor>
          <Title order={2}>{t('referrals.web.detailTitle', { client: r.client.name })}</Title>
          <Group gap="xs">
            <ReferralStatusBadge status={r.status} />
            <Text size="sm" c="dimmed">
              {r.letterNumber ?? t('referrals.web.noNumber')}
            </Text>
          </Group>
        </Stack>
        <Button component="a" variant="default" href={`/api/referrals/${r.id}/letter.pdf?lang=${currentLanguage()}`} target="_blank" rel="noopener">
          {t('referrals.web.letter')}
        </Button>
      </Group>

      {r.actions.length > 0 && (
        <Card withBorder>
          <Stack gap="xs">
            {onBehalf && (
              <Alert color="yellow" variant="light">
                {t('referrals.web.onBehalf')}
              </Alert>
            )}
            <Group wrap="wrap">
              {r.actions.map((a) =>
                a === 'decline' || a === 'cancel' || a === 'hand_over' ? (
                  <Button key={a} variant={a === 'hand_over' ? 'filled' : 'light'} color={a === 'hand_over' ? undefined : 'red'} onClick={() => setDialog(a)} data-testid={`action-${a}`}>
                    {t(`enums.referral_actions.${a}`)}
                  </Button>
                ) : (
                  <Button key={a} loading={busy === a} onClick={() => direct(a)} data-testid={`action-${a}`}>
                    {t(`enums.referral_actions.${a}`)}
                  </Button>
                ),
              )}
            </Group>
            <ApiErrorAlert error={actionError} />
          </Stack>
        </Card>
      )}
      {dialog && <ActionDialog kind={dialog} referral={r} onClose={() => setDialog(null)} onDone={(next) => {
            update(next);
            setDialog(null);
          }} />}

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Stack gap="xs">
            <Title order={3} size="h5">
              {t('referrals.web.facts')}
            </Title>
            <Fact label={t('referrals.web.fromLabel')}>{r.fromOrganizationName}</Fact>
            <Fact label={t('referrals.web.toLabel')}>{r.toOrganizationName}</Fact>
            {r.caseId && (
              <Fact label={t('referrals.web.case')}>
                <Anchor component={Link} to={`/cases/${r.caseId}`} size="sm">
                  {r.caseNumber}
                </Anchor>
              </Fact>
            )}
            <Fact label={t('fields.urgency')}>{t(`enums.referral_urgencies.${r.urgency}`)}</Fact>
            <Fact label={t('referrals.web.reason')}>{r.reason}</Fact>
            <Fact label={t('fields.services')}>{[...r.services.map((s) => t(`enums.spm_services.${s}`)), r.servicesNote].filter(Boolean).join(', ')}</Fact>
            <Fact label={t('fields.consent')}>{t(`enums.referral_consents.${r.consent}`)}</Fact>
            {r.legalBasis && <Fact label={t('referrals.web.legalBasis')}>{r.legalBasis}</Fact>}
            {r.sentAt && <Fact label={t('referrals.web.sentAt')}>{when(r.sentAt)}</Fact>}
            {r.respondedAt && <Fact label={t('referrals.web.respondedAt')}>{when(r.respondedAt)}</Fact>}
            {r.declineReason && <Fact label={t('referrals.web.declineReason')}>{r.declineReason}</Fact>}
            {r.handedOverAt && (
              <Fact label={t('referrals.web.handedOver')}>{t('referrals.web.handedOverText', { at: when(r.handedOverAt), name: r.receivedByName })}</Fact>
            )}
            {r.completedAt && <Fact label={t('referrals.web.completedAt')}>{when(r.completedAt)}</Fact>}
            {r.cancelledAt && <Fact label={t('referrals.web.cancelReason')}>{r.cancelReason}</Fact>}
            {r.receivingCaseNumber && (
              <Fact label={t('referrals.web.receivingCase')}>
                {r.receivingCaseId ? (
                  <Anchor component={Link} to={`/cases/${r.receivingCaseId}`} size="sm">
                    {r.receivingCaseNumber}
                  </Anchor>
                ) : (
                  r.receivingCaseNumber
                )}
              </Fact>
            )}
          </Stack>
        </Card>
        <Stack>
          <Card withBorder>
            <Stack gap="xs">
              <Title order={3} size="h5">
                {t('referrals.web.client')}
              </Title>
              <Fact label={t('fields.name')}>{r.client.name}</Fact>
              <Fact label={t('fields.sex')}>{t(`enums.sexes.${r.client.sex}`)}</Fact>
              <Fact label={t('referrals.web.birthOrAge')}>
                {r.client.birthDate ?? (r.client.estimatedAge != null ? t('referrals.web.ageYears', { age: r.client.estimatedAge }) : null)}
              </Fact>
              <Fact label={t('fields.categories')}>{r.client.categories.map((c) => t(`ppks.${c}`)).join(', ')}</Fact>
            </Stack>
          </Card>
          <Card withBorder>
            <Title order={3} size="h5" mb="xs">
              {t('referrals.web.documents')}
            </Title>
            {r.documents.length === 0 && <Text size="sm" c="dimmed">{t('referrals.web.noDocuments')}</Text>}
            <Stack gap={4}>
              {r.documents.map((d) => (
                <Anchor key={d.id} href={d.url} size="sm" target="_blank" rel="noopener">
                  {d.caption || d.fileName}
                </Anchor>
              ))}
            </Stack>
          </Card>
        </Stack>
      </SimpleGrid>
      <Thread referral={r} onChange={update} />
    </Stack>
  );
}
