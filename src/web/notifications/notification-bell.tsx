import { ActionIcon, Indicator } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnreadCount } from '../../shared/contracts/notifications.js';
import { api } from '../api.js';
import { Icon } from '../components/icons.js';
import { lazyPage } from '../lazy-page.js';
import { notificationKeys } from './notification-keys.js';

export { notificationKeys } from './notification-keys.js';

// The drawer (Mantine's modal machinery) is not needed until the bell is opened.
const NotificationDrawer = lazyPage(() => import('./notification-drawer.js'));

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

/** The bell in the header: the unread badge, and a drawer with the latest notifications. */
export function NotificationBell() {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  // Once opened, the drawer stays mounted so that closing it animates.
  const [drawerLoaded, setDrawerLoaded] = useState(false);
  const live = useNotificationStream();
  const unread = useQuery({
    queryKey: notificationKeys.unread,
    queryFn: ({ signal }) => api.get<UnreadCount>('/notifications/unread-count', undefined, signal),
    refetchInterval: live ? false : POLL_MS,
  });
  const count = unread.data?.unread ?? 0;
  const open = () => {
    void NotificationDrawer.preload().then(
      () => {
        setDrawerLoaded(true);
        setOpened(true);
      },
      () => undefined,
    );
  };
  return (
    <>
      <Indicator label={count > 99 ? '99+' : count} size={18} color="red" disabled={count === 0} offset={4} data-testid="notification-badge" data-count={count}>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="lg"
          onClick={open}
          onPointerEnter={() => void NotificationDrawer.preload().catch(() => undefined)}
          aria-label={t('notifications.open')}
          data-testid="notification-bell"
          data-live={live}
        >
          <Icon name="bell" size={22} />
        </ActionIcon>
      </Indicator>
      {drawerLoaded && (
        <Suspense fallback={null}>
          <NotificationDrawer opened={opened} onClose={() => setOpened(false)} live={live} unreadCount={count} />
        </Suspense>
      )}
    </>
  );
}
