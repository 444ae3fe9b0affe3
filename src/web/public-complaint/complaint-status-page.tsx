/** Public status of a complaint by its tracking code (`/aduan/status?code=ADU-…`): status and dates only. */
import { Alert, Anchor, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { PublicComplaintStatus } from '../../shared/contracts/complaints.js';
import { ApiError, api } from '../api.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { formatDateTime } from '../components/labels.js';

const COLORS = { new: 'orange', handled: 'teal', dismissed: 'gray' } as const;

export default function ComplaintStatusPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const code = (params.get('code') ?? '').toUpperCase();
  const [input, setInput] = useState(code);
  const status = useQuery({
    queryKey: ['public', 'complaint-status', code],
    queryFn: ({ signal }) => api.get<PublicComplaintStatus>(`/public/complaints/${encodeURIComponent(code)}`, undefined, signal),
    enabled: code.length > 0,
    retry: false,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setParams({ code: input.trim().toUpperCase() });
  };
  const notFound = status.error instanceof ApiError && (status.error.status === 404 || status.error.status === 400);
  return (
    <Card withBorder radius="md" padding="md">
      <Stack>
        <Title order={1} size="h3">
          {t('complaints.public.statusTitle')}
        </Title>
        <form onSubmit={submit}>
          <Group align="flex-end" wrap="nowrap" gap="xs">
            <TextInput
              label={t('complaints.public.trackingCode')}
              placeholder="ADU-XXXXXX"
              value={input}
              onChange={(e) => setInput(e.currentTarget.value)}
              style={{ flex: 1 }}
              autoCapitalize="characters"
              styles={{ input: { fontFamily: 'monospace' } }}
            />
            <Button type="submit">{t('complaints.public.check')}</Button>
          </Group>
        </form>
        {notFound ? <Alert color="orange">{t('complaints.public.notFound')}</Alert> : <ApiErrorAlert error={status.error} />}
        {status.data && (
          <Alert color={COLORS[status.data.status]} variant="light" data-testid="public-status" data-status={status.data.status} title={t(`complaints.statuses.${status.data.status}`)}>
            <Stack gap={4}>
              <Text size="sm">{t(`complaints.publicStatuses.${status.data.status}`)}</Text>
              <Text size="sm" c="dimmed">
                {status.data.unitName}
              </Text>
              <Text size="xs">{t('complaints.public.receivedAt', { date: formatDateTime(status.data.receivedAt, i18n.language) })}</Text>
              {status.data.triagedAt && <Text size="xs">{t('complaints.public.triagedAt', { date: formatDateTime(status.data.triagedAt, i18n.language) })}</Text>}
            </Stack>
          </Alert>
        )}
        <Anchor component={Link} to="/aduan" size="sm">
          ← {t('complaints.public.title')}
        </Anchor>
      </Stack>
    </Card>
  );
}
