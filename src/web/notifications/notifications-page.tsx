import { Button, Group, Pagination, Stack, Switch, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotificationList } from '../../shared/contracts/notifications.js';
import { api } from '../api.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { NotificationItem } from './notification-item.js';
import { notificationKeys } from './notification-keys.js';

const PAGE = 20;

/** All of the user's notifications, newest first. */
export default function NotificationsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: [...notificationKeys.list(unreadOnly), page],
    queryFn: ({ signal }) => api.get<NotificationList>('/notifications', { unread: unreadOnly, limit: PAGE, offset: (page - 1) * PAGE }, signal),
  });
  const markAll = async () => {
    await api.post('/notifications/read', { all: true });
    await queryClient.invalidateQueries({ queryKey: notificationKeys.all });
  };
  return (
    <Stack maw={760} gap="md">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('notifications.title')}
        </Title>
        <Button variant="light" onClick={() => void markAll()} disabled={!list.data?.unread}>
          {t('notifications.markAllRead')}
        </Button>
      </Group>
      <Switch label={t('notifications.unreadOnly')} checked={unreadOnly} onChange={(e) => setUnreadOnly(e.currentTarget.checked)} />
      <ApiErrorAlert error={list.error} />
      {list.data?.items.length === 0 && <Text c="dimmed">{t('notifications.empty')}</Text>}
      {list.data?.items.map((n) => (
        <NotificationItem key={n.id} n={n} />
      ))}
      {(list.data?.total ?? 0) > PAGE && <Pagination total={Math.ceil((list.data?.total ?? 0) / PAGE)} value={page} onChange={setPage} />}
    </Stack>
  );
}
