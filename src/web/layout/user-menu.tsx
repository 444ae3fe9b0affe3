/**
 * The account menu's dropdown (name, role, organization, change password, log out). Loaded the first
 * time the account button is used: Mantine's Menu brings its floating-position library along.
 */
import { Box, Menu, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Icon } from '../components/icons.js';
import { roleLabel } from '../components/labels.js';
import { logout, useSession } from '../session.js';

export interface UserMenuProps {
  /** The account button (shown the same before and after this code loaded). */
  target: ReactElement;
  onNavigate: () => void;
}

export default function UserMenu({ target, onNavigate }: UserMenuProps) {
  const { t } = useTranslation();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signOut = async () => {
    await logout(queryClient).catch(() => undefined);
    navigate('/login', { replace: true });
  };
  return (
    <Menu position="bottom-end" width={260} withinPortal defaultOpened>
      <Menu.Target>{target}</Menu.Target>
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
