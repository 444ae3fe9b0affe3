import { ActionIcon, Anchor, Badge, Button, Drawer, Group, Indicator, Loader, Stack, Text, UnstyledButton } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { NotificationList, NotificationView, UnreadCount } from '../../shared/contracts/notifications.js';
import { api } from '../api.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { Icon } from '../components/icons.js';

export const notificationKeys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread'] as const,
  list: (unreadOnly: boolean) => ['notifications', 'list', unreadOnly] as const,
};

/** How often the unread count is polled when the live stream is not connected. */
const POLL_MS = 30_000;

/**
 * Live notifications: one EventSource on the stream (the session cookie authenticates it). New
 * notifications refresh the lists and the badge at once; while the stream is down the count is
 * polled instead, and the browser reconnects on its own.
 */
export function useNotificationStream(): boolean {
  const queryClient = useQueryClient();
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/notifications/stream');
    source.addEventListener('open', () => setConnected(true));
    source.addEventListener('error', () => setConnected(source.readyState === EventSource.OPEN));
    source.addEventListener('unread', (event) => {
      queryClient.setQueryData(notificationKeys.unread, JSON.parse((event as MessageEvent).data) as UnreadCount);
    });
    source.addEventListener('notification', () => {
      void queryClient.invalidateQueries({ queryKey: ['notifications', 'list'] });
      // A complaint or raid notification usually means the complaints list changed too.
      void queryClient.invalidateQueries({ queryKey: ['complaints'] });
    });
    return () => source.close();
  }, [queryClient]);
  return connected;
}

export function notificationText(t: (key: string, vars?: Record<string, unknown>) => string, n: NotificationView) {
  return { title: t(n.titleKey, n.vars), body: n.bodyKey ? t(n.bodyKey, n.vars) : '' };
}

function formatTime(iso: string, language: string) {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** One notification row; opening it marks it read and follows its link. */
export function NotificationItem({ n, onOpen }: { n: NotificationView; onOpen?: () => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { title, body } = notificationText(t, n);
  const open = async () => {
    if (!n.readAt) {
      await api.post('/notifications/read', { ids: [n.id] }).catch(() => undefined);
      void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
    }
    onOpen?.();
    if (n.link) navigate(n.link);
  };
  return (
    <UnstyledButton
      onClick={() => void open()}
      p="sm"
      data-testid="notification-item"
      data-unread={!n.readAt}
      style={{
        borderRadius: 8,
        border: '1px solid var(--mantine-color-gray-3)',
        borderLeft: n.readAt ? undefined : '4px solid var(--mantine-color-teal-7)',
        background: n.readAt ? undefined : 'var(--mantine-color-teal-0)',
      }}
    >
      <Text size="sm" fw={n.readAt ? 500 : 700}>
        {title}
      </Text>
      {body && (
        <Text size="sm" c="dimmed">
          {body}
        </Text>
      )}
      <Text size="xs" c="dimmed" mt={4}>
        {formatTime(n.createdAt, i18n.language)}
      </Text>
    </UnstyledButton>
  );
}

/** The bell in the header: the unread badge, and a drawer with the latest notifications. */
export function NotificationBell() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const live = useNotificationStream();
  const unread = useQuery({
    queryKey: notificationKeys.unread,
    queryFn: ({ signal }) => api.get<UnreadCount>('/notifications/unread-count', undefined, signal),
    refetchInterval: live ? false : POLL_MS,
  });
  const list = useQuery({
    queryKey: notificationKeys.list(false),
    queryFn: ({ signal }) => api.get<NotificationList>('/notifications', { limit: 20 }, signal),
    enabled: opened,
  });
  const count = unread.data?.unread ?? 0;
  const markAll = async () => {
    await api.post('/notifications/read', { all: true });
    await queryClient.invalidateQueries({ queryKey: notificationKeys.all });
  };
  return (
    <>
      <Indicator label={count > 99 ? '99+' : count} size={18} color="red" disabled={count === 0} offset={4} data-testid="notification-badge" data-count={count}>
        <ActionIcon variant="subtle" color="gray" size="lg" onClick={() => setOpened(true)} aria-label={t('notifications.open')} data-testid="notification-bell" data-live={live}>
          <Icon name="bell" size={22} />
        </ActionIcon>
      </Indicator>
      <Drawer opened={opened} onClose={() => setOpened(false)} position="right" size="md" title={t('notifications.title')}>
        <Stack gap="sm">
          <Group justify="space-between">
            <Badge variant="light" color={live ? 'teal' : 'gray'} tt="none">
              {t(live ? 'notifications.live' : 'notifications.polling')}
            </Badge>
            <Button size="xs" variant="subtle" onClick={() => void markAll()} disabled={count === 0}>
              {t('notifications.markAllRead')}
            </Button>
          </Group>
          <ApiErrorAlert error={list.error} />
          {list.isPending && <Loader size="sm" />}
          {list.data?.items.length === 0 && <Text c="dimmed">{t('notifications.empty')}</Text>}
          {list.data?.items.map((n) => (
            <NotificationItem key={n.id} n={n} onOpen={() => setOpened(false)} />
          ))}
          <Anchor
            component="button"
            size="sm"
            onClick={() => {
              setOpened(false);
              navigate('/notifications');
            }}
          >
            {t('notifications.seeAll')} →
          </Anchor>
        </Stack>
      </Drawer>
    </>
  );
}
