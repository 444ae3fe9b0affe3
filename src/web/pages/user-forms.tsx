/** The dialogs of the users page: create an account, edit it, and set a temporary password. */
import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganizationView } from '../../shared/contracts/organizations.js';
import { createUserBody, resetPasswordBody, updateUserBody, type UserView } from '../../shared/contracts/users.js';
import { ROLES, type Role } from '../../shared/permissions.js';
import { api } from '../api.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { roleLabel } from '../components/labels.js';
import { optionalText, schemaErrors, useForm } from '../forms.js';
import { organizationSelectProps } from '../organizations.js';
import { useSession } from '../session.js';

export const usersKey = ['users'] as const;

/** A temporary password that is easy to read aloud or copy: no 0/O, 1/l/I. */
export function generateTemporaryPassword(length = 12): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const random = crypto.getRandomValues(new Uint32Array(length));
  return Array.from(random, (n) => alphabet[n % alphabet.length]).join('');
}

function FormModal({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const isPhone = useMediaQuery('(max-width: 47.99em)');
  return (
    <Modal opened onClose={onClose} title={title} size="lg" fullScreen={isPhone}>
      {children}
    </Modal>
  );
}

function useRoleOptions() {
  const { t } = useTranslation();
  return ROLES.map((role) => ({ value: role, label: roleLabel(t, role) }));
}

function TemporaryPasswordNotice({ username, password }: { username: string; password: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="teal" variant="light" title={t('web.users.passwordReadyTitle')} role="status">
      <Stack gap="xs">
        <Text size="sm">{t('web.users.passwordReadyBody', { username })}</Text>
        <Group gap="xs">
          <Code fz="md" data-testid="temporary-password">
            {password}
          </Code>
          <CopyButton value={password}>
            {({ copied, copy }) => (
              <Button size="xs" variant="light" onClick={copy}>
                {copied ? t('web.common.copied') : t('web.common.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Stack>
    </Alert>
  );
}

function PasswordField({
  value,
  error,
  onChange,
  label,
}: {
  value: string;
  error?: string;
  onChange: (value: string) => void;
  label: string;
}) {
  const { t } = useTranslation();
  return (
    <Group align="flex-end" gap="xs" wrap="nowrap">
      <TextInput
        label={label}
        description={t('web.users.temporaryPasswordHint')}
        autoComplete="off"
        spellCheck={false}
        required
        value={value}
        error={error}
        onChange={(event) => onChange(event.currentTarget.value)}
        style={{ flex: 1 }}
      />
      <Button variant="default" onClick={() => onChange(generateTemporaryPassword())}>
        {t('web.users.generate')}
      </Button>
    </Group>
  );
}

export function CreateUserModal({ organizations, onClose }: { organizations: OrganizationView[]; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { user: me } = useSession();
  const roles = useRoleOptions();
  const [created, setCreated] = useState<{ username: string; password: string } | null>(null);
  const form = useForm({
    initialValues: {
      name: '',
      username: '',
      role: '' as Role | '',
      organizationId: organizations.some((org) => org.id === me.organization.id) ? me.organization.id : '',
      email: '',
      phone: '',
      nip: '',
      position: '',
      password: generateTemporaryPassword(),
    },
    validate: (values, tr) => schemaErrors(createUserBody, toCreateBody(values), tr),
  });

  const submit = form.onSubmit(async (values) => {
    const body = toCreateBody(values);
    await api.post<UserView>('/users', body);
    await queryClient.invalidateQueries({ queryKey: usersKey });
    setCreated({ username: body.username, password: body.password });
  });

  return (
    <FormModal title={t('web.users.create')} onClose={onClose}>
      {created ? (
        <Stack>
          <TemporaryPasswordNotice username={created.username} password={created.password} />
          <Button onClick={onClose}>{t('web.common.done')}</Button>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <TextInput label={t('fields.name')} required data-autofocus {...form.getInputProps('name')} />
            <TextInput
              label={t('fields.username')}
              description={t('validation.username_format')}
              autoCapitalize="none"
              autoComplete="off"
              spellCheck={false}
              required
              {...form.getInputProps('username')}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select label={t('fields.role')} required data={roles} {...form.getInputProps('role')} />
              <Select
                label={t('fields.organizationId')}
                required
                searchable
                {...organizationSelectProps(organizations)}
                {...form.getInputProps('organizationId')}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('fields.email')} type="email" {...form.getInputProps('email')} />
              <TextInput label={t('fields.phone')} type="tel" {...form.getInputProps('phone')} />
              <TextInput label={t('fields.position')} {...form.getInputProps('position')} />
              <TextInput label={t('fields.nip')} {...form.getInputProps('nip')} />
            </SimpleGrid>
            <PasswordField
              label={t('web.users.temporaryPassword')}
              value={form.values.password}
              error={form.errors.password}
              onChange={(value) => form.setValue('password', value)}
            />
            <ApiErrorAlert error={form.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('web.common.cancel')}
              </Button>
              <Button type="submit" loading={form.submitting}>
                {t('web.common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </FormModal>
  );
}

function toCreateBody(values: {
  name: string;
  username: string;
  role: Role | '';
  organizationId: string;
  email: string;
  phone: string;
  nip: string;
  position: string;
  password: string;
}) {
  return {
    name: values.name.trim(),
    username: values.username.trim().toLowerCase(),
    role: values.role as Role,
    organizationId: values.organizationId,
    email: optionalText(values.email),
    phone: optionalText(values.phone),
    nip: optionalText(values.nip),
    position: optionalText(values.position),
    password: values.password,
  };
}

export function EditUserModal({
  user,
  organizations,
  onClose,
}: {
  user: UserView;
  organizations: OrganizationView[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { user: me } = useSession();
  const roles = useRoleOptions();
  const isSelf = user.id === me.id;
  const form = useForm({
    initialValues: {
      name: user.name,
      role: user.role as Role,
      organizationId: user.organizationId,
      email: user.email ?? '',
      phone: user.phone ?? '',
      nip: user.nip ?? '',
      position: user.position ?? '',
      isActive: user.isActive,
    },
    validate: (values, tr) => schemaErrors(updateUserBody, toUpdateBody(values), tr),
  });
  // The organization list may not include an organization outside this admin's scope: keep it selectable.
  const options = organizations.some((org) => org.id === user.organizationId)
    ? organizations
    : [...organizations, { id: user.organizationId, name: user.organizationName, parentId: null } as OrganizationView];

  const submit = form.onSubmit(async (values) => {
    await api.patch<UserView>(`/users/${user.id}`, toUpdateBody(values));
    await queryClient.invalidateQueries({ queryKey: usersKey });
    onClose();
  });

  return (
    <FormModal title={t('web.users.editTitle', { name: user.name })} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            @{user.username}
          </Text>
          <TextInput label={t('fields.name')} required {...form.getInputProps('name')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select label={t('fields.role')} required data={roles} {...form.getInputProps('role')} />
            <Select
              label={t('fields.organizationId')}
              required
              searchable
              {...organizationSelectProps(options)}
              {...form.getInputProps('organizationId')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('fields.email')} type="email" {...form.getInputProps('email')} />
            <TextInput label={t('fields.phone')} type="tel" {...form.getInputProps('phone')} />
            <TextInput label={t('fields.position')} {...form.getInputProps('position')} />
            <TextInput label={t('fields.nip')} {...form.getInputProps('nip')} />
          </SimpleGrid>
          <Switch
            label={t('web.users.activeLabel')}
            description={isSelf ? t('web.users.cannotDeactivateSelf') : t('web.users.activeHint')}
            disabled={isSelf}
            {...form.getCheckboxProps('isActive')}
          />
          <ApiErrorAlert error={form.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('web.common.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t('web.common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}

function toUpdateBody(values: {
  name: string;
  role: Role;
  organizationId: string;
  email: string;
  phone: string;
  nip: string;
  position: string;
  isActive: boolean;
}) {
  return {
    name: values.name.trim(),
    role: values.role,
    organizationId: values.organizationId,
    email: optionalText(values.email) ?? null,
    phone: optionalText(values.phone) ?? null,
    nip: optionalText(values.nip) ?? null,
    position: optionalText(values.position) ?? null,
    isActive: values.isActive,
  };
}

export function ResetPasswordModal({ user, onClose }: { user: UserView; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [done, setDone] = useState<string | null>(null);
  const form = useForm({
    initialValues: { newPassword: generateTemporaryPassword() },
    validate: (values, tr) => schemaErrors(resetPasswordBody, values, tr),
  });

  const submit = form.onSubmit(async ({ newPassword }) => {
    await api.post(`/users/${user.id}/reset-password`, { newPassword });
    await queryClient.invalidateQueries({ queryKey: usersKey });
    setDone(newPassword);
  });

  return (
    <FormModal title={t('web.users.resetTitle', { name: user.name })} onClose={onClose}>
      {done ? (
        <Stack>
          <TemporaryPasswordNotice username={user.username} password={done} />
          <Button onClick={onClose}>{t('web.common.done')}</Button>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm">{t('web.users.resetIntro', { name: user.name })}</Text>
            <PasswordField
              label={t('web.users.temporaryPassword')}
              value={form.values.newPassword}
              error={form.errors.newPassword}
              onChange={(value) => form.setValue('newPassword', value)}
            />
            <ApiErrorAlert error={form.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('web.common.cancel')}
              </Button>
              <Button type="submit" loading={form.submitting}>
                {t('web.users.resetSubmit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </FormModal>
  );
}
