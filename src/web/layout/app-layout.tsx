import { AppShell, Avatar, Box, Burger, Group, Loader, NavLink, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { Brand } from '../components/brand.js';
import { Icon } from '../components/icons.js';
import { roleLabel } from '../components/labels.js';
import { LanguageSwitch } from '../components/language-switch.js';
import { NotificationBell } from '../notifications/notification-bell.js';
import { lazyPage } from '../lazy-page.js';
import { useCan, useSession } from '../session.js';
import { initials } from './initials.js';
import { NAV_ITEMS, type NavItem } from './nav.js';

/** The menu item for this page: the longest path that matches (so /cases/new is not also /cases). */
function activeItem(pathname: string, items: NavItem[]): string | undefined {
  const matches = items.filter((item) =>
    item.to === '/' ? pathname === '/' : pathname === item.to || pathname.startsWith(`${item.to}/`),
  );
  return matches.sort((a, b) => b.to.length - a.to.length)[0]?.to;
}

// The account menu's code (Mantine Menu and its positioning library) loads on first use.
const UserMenuDropdown = lazyPage(() => import('./user-menu.js'), { texts: 'first-screen' });

/** The account button: the user's name and role (wide screens) and initials; opens the account menu. */
function UserMenu({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [menuLoaded, setMenuLoaded] = useState(false);
  const preload = () => void UserMenuDropdown.preload().catch(() => undefined);
  const target = (
    <UnstyledButton
      aria-label={t('web.account.menu', { name: user.name })}
      aria-haspopup="menu"
      onPointerEnter={preload}
      onFocus={preload}
      onClick={
        menuLoaded
          ? undefined
          : () =>
              void UserMenuDropdown.preload().then(
                () => setMenuLoaded(true),
                () => undefined,
              )
      }
    >
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
  );
  if (!menuLoaded) return target;
  return (
    <Suspense fallback={target}>
      <UserMenuDropdown target={target} onNavigate={onNavigate} />
    </Suspense>
  );
}

/** The frame of every page after login: header with the user and language, navigation on the side. */
export function AppLayout() {
  const { t } = useTranslation();
  const { user } = useSession();
  const can = useCan();
  const { pathname } = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const isPhone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
  // On a phone the menu is off screen until the burger opens it: its contents are rendered from then on
  // (and kept, for the closing slide), not with the page's first render.
  const [menuUsed, setMenuUsed] = useState(false);
  const showMenuContents = !isPhone || opened || menuUsed;
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
                onClick={() => {
                  setMenuUsed(true);
                  toggle();
                }}
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
          {showMenuContents && (
            <>
              <AppShell.Section hiddenFrom="sm" px="xs" pb="sm" mb="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
                <Text size="sm" fw={600}>
                  {user.name}
                </Text>
                <Text size="xs">{roleLabel(t, user.role)}</Text>
                <Text size="xs" c="dimmed">
                  {user.organization.name}
                </Text>
              </AppShell.Section>
              {/* Plain overflow scrolling: Mantine's ScrollArea would add its code to the first download. */}
              <AppShell.Section grow style={{ overflowY: 'auto', overscrollBehavior: 'contain' }}>
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
            </>
          )}
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
