/**
 * Route gates: first-run setup comes before anything else, then login, then a forced password
 * change; a page the user lacks the permission for says so instead of failing on every request.
 */
import { Button, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import type { Permission } from '../../shared/permissions.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { ApiError } from '../api.js';
import { useCan, useMe, useSetupStatus } from '../session.js';

export function FullPageLoader() {
  const { t } = useTranslation();
  return (
    <Center h="100dvh">
      <Loader aria-label={t('web.common.loading')} />
    </Center>
  );
}

function LoadFailed({ error, retry }: { error: unknown; retry: () => void }) {
  const { t } = useTranslation();
  return (
    <Center h="100dvh" p="md">
      <Stack maw={420}>
        <ApiErrorAlert error={error instanceof ApiError ? error : new ApiError(0, 'unknown', t('web.errors.unknown'))} />
        <Button onClick={retry}>{t('web.common.retry')}</Button>
      </Stack>
    </Center>
  );
}

/** Sends every page to /setup until the installation is set up, and /setup away afterwards. */
export function SetupGate() {
  const status = useSetupStatus();
  const { pathname } = useLocation();
  if (status.isPending) return <FullPageLoader />;
  if (status.isError) return <LoadFailed error={status.error} retry={() => void status.refetch()} />;
  const onSetupPage = pathname === '/setup';
  if (status.data.needsSetup && !onSetupPage) return <Navigate to="/setup" replace />;
  if (!status.data.needsSetup && onSetupPage) return <Navigate to="/" replace />;
  return <Outlet />;
}

/** Pages for a logged-in user; a user with a temporary password must change it first. */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <FullPageLoader />;
  if (me.isError) return <LoadFailed error={me.error} retry={() => void me.refetch()} />;
  if (!me.data) {
    const next = location.pathname === '/' ? '' : `?next=${encodeURIComponent(location.pathname + location.search)}`;
    return <Navigate to={`/login${next}`} replace />;
  }
  if (me.data.user.mustChangePassword && location.pathname !== '/change-password') {
    return <Navigate to="/change-password" replace />;
  }
  return (
    <Suspense fallback={<FullPageLoader />}>
      <Outlet />
    </Suspense>
  );
}

/** The login page is for logged-out visitors only. */
export function RequireLoggedOut() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <FullPageLoader />;
  if (me.data) {
    const next = new URLSearchParams(location.search).get('next');
    return <Navigate to={next?.startsWith('/') && !next.startsWith('//') ? next : '/'} replace />;
  }
  return <Outlet />;
}

/** Shows a page only to users holding `permission`. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const can = useCan();
  const { t } = useTranslation();
  if (!can(permission)) {
    return (
      <Stack>
        <Title order={2}>{t('web.forbidden.title')}</Title>
        <Text>{t('web.forbidden.body')}</Text>
      </Stack>
    );
  }
  return children;
}
