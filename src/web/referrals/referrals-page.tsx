/**
 * Referrals, for both sides: the shelter lists what it sent by institution and state; an institution's
 * officer sees its inbox (and shares its availability). The list refreshes by itself, so an answer
 * from the other side shows without reloading.
 */
import { Anchor, Button, Card, Group, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { InstitutionView } from '../../shared/contracts/institutions.js';
import { REFERRAL_STATUSES, type ReferralStatus, type ReferralSummary } from '../../shared/contracts/referrals.js';
import { api } from '../api.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { formatDateTime } from '../components/labels.js';
import { optionalText, useForm } from '../forms.js';
import { useCan } from '../session.js';
import { ReferralStatusBadge } from './referral-bits.js';

const LIVE_MS = 4000;

function Overview() {
  const { t } = useTranslation();
  const { data } = useQuery({
    queryKey: ['referrals', 'overview'],
    queryFn: () => api.get<{ items: { institutionId: string; institutionName: string; status: ReferralStatus; count: number }[] }>('/referrals/overview'),
    refetchInterval: LIVE_MS,
  });
  if (!data || data.items.length === 0) return null;
  const byInstitution = new Map<string, { name: string; counts: Partial<Record<ReferralStatus, number>> }>();
  for (const row of data.items) {
    const entry = byInstitution.get(row.institutionId) ?? { name: row.institutionName, counts: {} };
    entry.counts[row.status] = row.count;
    byInstitution.set(row.institutionId, entry);
  }
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">
        {t('referrals.web.overview')}
      </Title>
      <Table.ScrollContainer minWidth={560}>
        <Table striped fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('fields.institutionId')}</Table.Th>
              {REFERRAL_STATUSES.map((s) => (
                <Table.Th key={s} ta="right">
                  {t(`enums.referral_statuses.${s}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...byInstitution.entries()].map(([id, row]) => (
              <Table.Tr key={id}>
                <Table.Td>{row.name}</Table.Td>
                {REFERRAL_STATUSES.map((s) => (
                  <Table.Td key={s} ta="right">
                    {row.counts[s] ?? '·'}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

/** The partner officer's own institution: share how many places are free now. */
function Availability() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const mine = useQuery({ queryKey: ['institutions', 'mine'], queryFn: () => api.get<InstitutionView>('/institutions/mine') });
  const form = useForm({
    initialValues: { availablePlaces: '' as number | string, availabilityNote: '' },
  });
  const [saved, setSaved] = useState(false);
  if (!mine.data) return <ApiErrorAlert error={mine.error} />;
  const m = mine.data;
  const save = form.onSubmit(async (v) => {
    const updated = await api.put<InstitutionView>(`/institutions/${m.id}/availability`, {
      availablePlaces: v.availablePlaces === '' ? null : Number(v.availablePlaces),
      availabilityNote: optionalText(v.availabilityNote) ?? null,
    });
    queryClient.setQueryData(['institutions', 'mine'], updated);
    setSaved(true);
  });
  return (
    <Card withBorder>
      <form onSubmit={save} noValidate>
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t('referrals.web.availability.title', { name: m.name })}
          </Title>
          <Text size="sm" c="dimmed">
            {m.availablePlaces == null
              ? t('referrals.web.availability.notShared')
              : t('referrals.web.availability.current', { count: m.availablePlaces, at: formatDateTime(m.availabilityUpdatedAt, i18n.language) })}
          </Text>
          <Group align="flex-end" wrap="wrap">
            <NumberInput label={t('fields.availablePlaces')} min={0} w={160} {...form.getInputProps('availablePlaces')} />
            <Textarea label={t('fields.availabilityNote')} autosize style={{ flex: 1, minWidth: 200 }} {...form.getInputProps('availabilityNote')} />
            <Button type="submit" loading={form.submitting}>
              {t('referrals.web.availability.save')}
            </Button>
          </Group>
          {saved && (
            <Text size="sm" c="teal">
              {t('referrals.web.availability.saved')}
            </Text>
          )}
          <ApiErrorAlert error={form.error} />
        </Stack>
      </form>
    </Card>
  );
}

export default function ReferralsPage() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const isShelter = can('referrals.write');
  const [params, setParams] = useSearchParams();
  const box = (params.get('box') as 'all' | 'sent' | 'received' | null) ?? 'all';
  const status = (params.get('status') as ReferralStatus | null) ?? null;
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const list = useQuery({
    queryKey: ['referrals', 'list', box, status],
    queryFn: () => api.get<{ items: ReferralSummary[]; total: number }>('/referrals', { box, status, limit: 200 }),
    placeholderData: keepPreviousData,
    refetchInterval: LIVE_MS,
  });

  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Title order={2}>{isShelter ? t('referrals.web.title') : t('referrals.web.inboxTitle')}</Title>
        {isShelter && (
          <Button component={Link} to="/referrals/new">
            {t('referrals.web.new')}
          </Button>
        )}
      </Group>
      <Group wrap="wrap" align="flex-end">
        {isShelter && (
          <SegmentedControl
            value={box}
            onChange={(v) => set('box', v === 'all' ? null : v)}
            data={[
              { value: 'all', label: t('referrals.web.boxes.all') },
              { value: 'sent', label: t('referrals.web.boxes.sent') },
              { value: 'received', label: t('referrals.web.boxes.received') },
            ]}
          />
        )}
        <Select
          placeholder={t('referrals.web.allStatuses')}
          aria-label={t('referrals.web.status')}
          clearable
          value={status}
          onChange={(v) => set('status', v)}
          data={REFERRAL_STATUSES.map((s) => ({ value: s, label: t(`enums.referral_statuses.${s}`) }))}
          w={220}
        />
      </Group>
      <ApiErrorAlert error={list.error} />
      {list.data && list.data.items.length === 0 && <Text c="dimmed">{t('referrals.web.empty')}</Text>}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {list.data?.items.map((r) => (
          <Card key={r.id} withBorder component={Link} to={`/referrals/${r.id}`} data-testid="referral-card" style={{ textDecoration: 'none', color: 'inherit' }}>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Text fw={600} truncate>
                  {r.clientName}
                </Text>
                <Text size="sm" c="dimmed" truncate>
                  {r.side === 'sender' ? t('referrals.web.to', { name: r.toOrganizationName }) : t('referrals.web.from', { name: r.fromOrganizationName })}
                </Text>
                <Text size="xs" c="dimmed">
                  {[r.letterNumber, r.caseNumber, formatDateTime(r.sentAt ?? r.updatedAt, i18n.language)].filter(Boolean).join(' · ')}
                </Text>
              </Stack>
              <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
                <ReferralStatusBadge status={r.status} />
                {r.urgency !== 'routine' && (
                  <Text size="xs" c="red" fw={600}>
                    {t(`enums.referral_urgencies.${r.urgency}`)}
                  </Text>
                )}
              </Stack>
            </Group>
          </Card>
        ))}
      </SimpleGrid>
      {can('institutions.availability') && !isShelter && <Availability />}
      {isShelter && <Overview />}
      {isShelter && (
        <Anchor component={Link} to="/institutions" size="sm">
          {t('referrals.web.directoryLink')}
        </Anchor>
      )}
    </Stack>
  );
}
