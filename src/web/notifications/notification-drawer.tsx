/** The bell's drawer with the latest notifications; loaded the first time the bell is opened. */
import { Anchor, Badge, Button, Drawer, Group, Loader, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { NotificationList } from '../../shared/contracts/notifications.js';
import { api } from '../api.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { NotificationItem } from './notification-item.js';
import { notificationKeys } from './notification-keys.js';

export interface NotificationDrawerProps {
  opened: boolean;
  onClose: () => void;
  /** Whether the live stream is connected (else the count is polled). */
  live: boolean;
  unreadCount: number;
}

export default function NotificationDrawer({ opened, onClose, live, unreadCount }: NotificationDrawerProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const list = useQuery({
    queryKey: notificationKeys.list(false),
    queryFn: ({ signal }) => api.get<NotificationList>('/notifications', { limit: 20 }, signal),
    enabled: opened,
  });
  const markAll = async () => {
    await api.post('/notifications/read', { all: true });
    await queryClient.invalidateQueries({ queryKey: notificationKeys.all });
  };
  return (
    <Drawer opened={opened} onClose={onClose} position="right" size="md" title={t('notifications.title')}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Badge variant="light" color={live ? 'teal' : 'gray'} tt="none">
            {t(live ? 'notifications.live' : 'notifications.polling')}
          </Badge>
          <Button size="xs" variant="subtle" onClick={() => void markAll()} disabled={unreadCount === 0}>
            {t('notifications.markAllRead')}
          </Button>
        </Group>
        <ApiErrorAlert error={list.error} />
        {list.isPending && <Loader size="sm" />}
        {list.data?.items.length === 0 && <Text c="dimmed">{t('notifications.empty')}</Text>}
        {list.data?.items.map((n) => (
          <NotificationItem key={n.id} n={n} onOpen={onClose} />
        ))}
        <Anchor
          component="button"
          size="sm"
          onClick={() => {
            onClose();
            navigate('/notifications');
          }}
        >
          {t('notifications.seeAll')} →
        </Anchor>
      </Stack>
    </Drawer>
  );
}
