/** One notification as a row (the drawer and the notifications page). */
import { Text, UnstyledButton } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { NotificationView } from '../../shared/contracts/notifications.js';
import { api } from '../api.js';
import { formatDateTime } from '../components/labels.js';
import { notificationKeys } from './notification-keys.js';

export function notificationText(t: (key: string, vars?: Record<string, unknown>) => string, n: NotificationView) {
  return { title: t(n.titleKey, n.vars), body: n.bodyKey ? t(n.bodyKey, n.vars) : '' };
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
        {formatDateTime(n.createdAt, i18n.language)}
      </Text>
    </UnstyledButton>
  );
}
