import { AppShell, Avatar, Box, Burger, Group, Loader, Menu, NavLink, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { Brand } from '../components/brand.js';
import { Icon } from '../components/icons.js';
import { roleLabel } from '../components/labels.js';
import { LanguageSwitch } from '../components/language-switch.js';
import { NotificationBell } from '../notifications/notification-bell.js';
import { logout, useCan, useSession } from '../session.js';
import { NAV_ITEMS, type NavItem } from './nav.js';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')).toUpperCase();
}

/** The menu item for this page: the longest path that matches (so /cases/new is not also /cases). */
function activeItem(pathname: string, items: NavItem[]): string | undefined {
  const matches = items.filter((item) =>
    item.to === '/' ? pathname === '/' : pathname === item.to || pathname.startsWith(`${item.to}/`),
  );
  return matches.sort((a, b) => b.to.length - a.to.length)[0]?.to;
}

function UserMenu({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signOut = async () => {
    await logout(queryClient).catch(() => undefined);
    navigate('/login', { replace: true });
  };
  return (
    <Menu position="bottom-end" width={260} withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t('web.account.menu', { name: user.name })}>
          <Group gap="xs" wrap="nowrap">
            <Box visibleFrom="sm" ta="right" maw={280}>
              <Text size="sm" fw={600} truncate>
                {user.name}
              </Text>
              <Text size="xs" c="dimmed" truncate>
                {roleLabel(t, user.role)} · {user.organization.name}
              </Text>
            </Box>
            <Avatar color="teal" radius="xl" size={34}>
              {initials(user.name)}
            </Avatar>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Box px="sm" py="xs">
          <Text size="sm" fw={600}>
            {user.name}
          </Text>
          <Text size="xs" c="dimmed">
            @{user.username}
          </Text>
          <Text size="xs">{roleLabel(t, user.role)}</Text>
          <Text size="xs" c="dimmed">
            {user.organization.name}
          </Text>
        </Box>
        <Menu.Divider />
        <Menu.Item component={Link} to="/change-password" onClick={onNavigate} leftSection={<Icon name="key" size={16} />}>
          {t('web.nav.changePassword')}
        </Menu.Item>
        <Menu.Item color="red" leftSection={<Icon name="logout" size={16} />} onClick={() => void signOut()}>
          {t('web.account.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** The frame of every page after login: header with the user and language, navigation on the side. */
export function AppLayout() {
  const { t } = useTranslation();
  const { user } = useSession();
  const can = useCan();
  const { pathname } = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const isPhone = useMediaQuery('(max-width: 47.99em)');
  const items = user.mustChangePassword ? [] : NAV_ITEMS.filter((item) => !item.permission || can(item.permission));
  const hasNav = items.length > 0;
  const activeTo = activeItem(pathname, items);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={hasNav ? { width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } } : undefined}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <AppShell.Header>
        <Group h="100%" px="sm" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap">
            {hasNav && (
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={t(opened ? 'web.nav.close' : 'web.nav.open')}
                aria-expanded={opened}
                aria-controls="app-navigation"
              />
            )}
            <Brand withTagline />
          </Group>
          <Group gap="sm" wrap="nowrap">
            {!user.mustChangePassword && <NotificationBell />}
            <LanguageSwitch />
            <UserMenu onNavigate={close} />
          </Group>
        </Group>
      </AppShell.Header>

      {hasNav && (
        <AppShell.Navbar id="app-navigation" p="xs" inert={isPhone && !opened} aria-label={t('web.nav.label')}>
          <AppShell.Section hiddenFrom="sm" px="xs" pb="sm" mb="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
            <Text size="sm" fw={600}>
              {user.name}
            </Text>
            <Text size="xs">{roleLabel(t, user.role)}</Text>
            <Text size="xs" c="dimmed">
              {user.organization.name}
            </Text>
          </AppShell.Section>
          <AppShell.Section grow component={ScrollArea}>
            <Stack gap={2}>
              {items.map((item) => (
                <NavLink
                  key={item.to}
                  component={Link}
                  to={item.to}
                  label={t(item.label)}
                  leftSection={<Icon name={item.icon} />}
                  active={item.to === activeTo}
                  aria-current={item.to === activeTo ? 'page' : undefined}
                  onClick={close}
                />
              ))}
            </Stack>
          </AppShell.Section>
        </AppShell.Navbar>
      )}

      <AppShell.Main>
        <Suspense
          fallback={
            <Group justify="center" py="xl">
              <Loader aria-label={t('web.common.loading')} />
            </Group>
          }
        >
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
