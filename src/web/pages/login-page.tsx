import { Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { PasswordField } from '../components/password-field.js';
import { requiredErrors, useForm } from '../forms.js';
import { login } from '../session.js';

export function LoginPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { username: '', password: '' },
    // Only presence is checked here; the server answers wrong credentials with its own message.
    validate: (values, tr) => requiredErrors(values, ['username', 'password'], tr),
  });

  // After login the session changes and the route gate moves on to the requested page.
  const submit = form.onSubmit((values) => login(queryClient, values));

  return (
    <Paper withBorder shadow="sm" radius="md" p={{ base: 'md', sm: 'xl' }} maw={420} mx="auto">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={1} size="h2">
            {t('web.login.title')}
          </Title>
          <TextInput
            label={t('fields.username')}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            {...form.getInputProps('username')}
          />
          <PasswordField label={t('fields.password')} autoComplete="current-password" required {...form.getInputProps('password')} />
          <ApiErrorAlert error={form.error} />
          <Button type="submit" loading={form.submitting} fullWidth>
            {t('web.login.submit')}
          </Button>
          <Text size="sm" c="dimmed" ta="center">
            {t('web.login.forgot')}
          </Text>
        </Stack>
      </form>
    </Paper>
  );
}
