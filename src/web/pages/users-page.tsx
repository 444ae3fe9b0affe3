import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Menu,
  Pagination,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../shared/contracts/users.js';
import { api } from '../api.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { Icon } from '../components/icons.js';
import { formatDateTime, roleLabel } from '../components/labels.js';
import { organizationSelectProps, useOrganizations } from '../organizations.js';
import { useCan, useSession } from '../session.js';
import { CreateUserModal, EditUserModal, ResetPasswordModal, usersKey } from './user-forms.js';

const PAGE_SIZE = 20;

/** Administrators' list of accounts: search, create, edit role/organization/active, reset password. */
export function UsersPage() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const { user: me } = useSession();
  const canWrite = can('users.write');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserView | null>(null);
  const [resetting, setResetting] = useState<UserView | null>(null);
  const organizations = useOrganizations();

  const offset = (page - 1) * PAGE_SIZE;
  const users = useQuery({
    queryKey: [...usersKey, { q, organizationId, offset }],
    queryFn: ({ signal }) =>
      api.get<{ items: UserView[]; total: number }>('/users', { q, organizationId, limit: PAGE_SIZE, offset }, signal),
    placeholderData: keepPreviousData,
  });
  const pages = Math.max(1, Math.ceil((users.data?.total ?? 0) / PAGE_SIZE));

  return (
    <Stack maw={1200}>
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2">
          {t('web.users.title')}
        </Title>
        {canWrite && (
          <Button leftSection={<Icon name="plus" size={16} />} onClick={() => setCreating(true)}>
            {t('web.users.create')}
          </Button>
        )}
      </Group>

      <Group grow preventGrowOverflow={false} wrap="wrap" gap="sm">
        <TextInput
          label={t('web.users.search')}
          placeholder={t('web.users.searchPlaceholder')}
          leftSection={<Icon name="search" size={16} />}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            setPage(1);
          }}
          miw={220}
        />
        <Select
          label={t('fields.organizationId')}
          placeholder={t('web.users.allOrganizations')}
          searchable
          clearable
          {...organizationSelectProps(organizations.data)}
          value={organizationId}
          onChange={(value) => {
            setOrganizationId(value);
            setPage(1);
          }}
          miw={220}
        />
      </Group>

      <ApiErrorAlert error={users.error} />

      <Table.ScrollContainer minWidth={320}>
        <Table verticalSpacing="sm" highlightOnHover aria-busy={users.isFetching}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('fields.name')}</Table.Th>
              <Table.Th visibleFrom="sm">{t('fields.role')}</Table.Th>
              <Table.Th visibleFrom="md">{t('fields.organizationId')}</Table.Th>
              <Table.Th>{t('web.users.status')}</Table.Th>
              <Table.Th visibleFrom="lg">{t('web.users.lastLogin')}</Table.Th>
              {canWrite && (
                <Table.Th w={48}>
                  <VisuallyHidden>{t('web.common.actions')}</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.data?.items.map((user) => (
              <Table.Tr key={user.id}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {user.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    @{user.username}
                  </Text>
                  <Text size="xs" hiddenFrom="sm">
                    {roleLabel(t, user.role)}
                  </Text>
                  <Text size="xs" c="dimmed" hiddenFrom="md">
                    {user.organizationName}
                  </Text>
                </Table.Td>
                <Table.Td visibleFrom="sm">{roleLabel(t, user.role)}</Table.Td>
                <Table.Td visibleFrom="md">{user.organizationName}</Table.Td>
                <Table.Td>
                  <Stack gap={4} align="flex-start">
                    <Badge color={user.isActive ? 'teal' : 'gray'} variant="light">
                      {user.isActive ? t('web.users.active') : t('web.users.inactive')}
                    </Badge>
                    {user.mustChangePassword && (
                      <Badge color="yellow" variant="light">
                        {t('web.users.temporaryPassword')}
                      </Badge>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td visibleFrom="lg">{formatDateTime(user.lastLoginAt, i18n.language)}</Table.Td>
                {canWrite && (
                  <Table.Td>
                    <Menu position="bottom-end" withinPortal>
                      <Menu.Target>
                        <ActionIcon size="lg" variant="subtle" color="gray" aria-label={t('web.users.actionsFor', { name: user.name })}>
                          <Icon name="dots" />
                        </ActionIcon>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item onClick={() => setEditing(user)}>{t('web.users.edit')}</Menu.Item>
                        <Menu.Item onClick={() => setResetting(user)} disabled={user.id === me.id}>
                          {t('web.users.resetPassword')}
                        </Menu.Item>
                      </Menu.Dropdown>
                    </Menu>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      {users.data && users.data.items.length === 0 && (
        <Text c="dimmed" ta="center" py="lg">
          {q || organizationId ? t('web.users.noMatches') : t('web.users.empty')}
        </Text>
      )}
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('web.common.totalCount', { count: users.data?.total ?? 0 })}
        </Text>
        {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} size="sm" />}
      </Group>

      {creating && <CreateUserModal organizations={organizations.data ?? []} onClose={() => setCreating(false)} />}
      {editing && (
        <EditUserModal user={editing} organizations={organizations.data ?? []} onClose={() => setEditing(null)} />
      )}
      {resetting && <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />}
    </Stack>
  );
}

export default UsersPage;
