import { Alert, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { changePasswordBody } from '../../shared/contracts/auth.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { PasswordField } from '../components/password-field.js';
import { schemaErrors, useForm } from '../forms.js';
import { changePassword, useSession } from '../session.js';

const EMPTY = { currentPassword: '', newPassword: '', confirmPassword: '' };

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [isDone, setIsDone] = useState(false);
  const isForced = user.mustChangePassword;
  const form = useForm({
    initialValues: EMPTY,
    validate: (values, tr) => {
      const errors = schemaErrors(changePasswordBody, values, tr);
      if (!errors.confirmPassword && values.confirmPassword !== values.newPassword) {
        errors.confirmPassword = tr('web.validation.passwordsDiffer');
      }
      return errors;
    },
  });

  const submit = form.onSubmit(async ({ currentPassword, newPassword }) => {
    await changePassword(queryClient, { currentPassword, newPassword });
    form.reset(EMPTY);
    setIsDone(true);
    if (isForced) navigate('/', { replace: true });
  });

  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }} maw={480}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={1} size="h2">
            {t('web.changePassword.title')}
          </Title>
          {isForced ? (
            <Alert color="yellow" variant="light" title={t('web.changePassword.forcedTitle')}>
              {t('web.changePassword.forcedBody')}
            </Alert>
          ) : (
            <Text size="sm" c="dimmed">
              {t('web.changePassword.hint')}
            </Text>
          )}
          {isDone && (
            <Alert color="teal" variant="light" role="status">
              {t('web.changePassword.done')}
            </Alert>
          )}
          <PasswordField
            label={t('fields.currentPassword')}
            autoComplete="current-password"
            required
            {...form.getInputProps('currentPassword')}
          />
          <PasswordField
            label={t('fields.newPassword')}
            description={t('validation.password_too_short')}
            autoComplete="new-password"
            required
            {...form.getInputProps('newPassword')}
          />
          <PasswordField
            label={t('web.fields.confirmPassword')}
            autoComplete="new-password"
            required
            {...form.getInputProps('confirmPassword')}
          />
          <ApiErrorAlert error={form.error} />
          <Button type="submit" loading={form.submitting}>
            {t('web.changePassword.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
