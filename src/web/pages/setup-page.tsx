import { Button, Divider, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import { setupBody } from '../../shared/contracts/auth.js';
import type { regionListResponse } from '../../shared/contracts/regions.js';
import { api } from '../api.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { PasswordField } from '../components/password-field.js';
import { optionalText, schemaErrors, useForm } from '../forms.js';
import { completeSetup } from '../session.js';

type RegionList = z.infer<typeof regionListResponse>;

function useRegions(parent: string | null, enabled = true) {
  return useQuery({
    queryKey: ['regions', parent ?? ''],
    queryFn: ({ signal }) => api.get<RegionList>('/regions', { parent }, signal),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

const INITIAL = {
  provinceCode: '',
  regencyCode: '',
  unitName: '',
  address: '',
  phone: '',
  adminName: '',
  username: '',
  password: '',
  confirmPassword: '',
};
type SetupForm = typeof INITIAL;

/** The setup request body built from the form. */
function toBody(values: SetupForm) {
  return {
    regencyCode: values.regencyCode,
    unitName: values.unitName.trim(),
    address: optionalText(values.address),
    phone: optionalText(values.phone),
    admin: { name: values.adminName.trim(), username: values.username.trim(), password: values.password },
  };
}

const SERVER_FIELDS = { 'admin.name': 'adminName', 'admin.username': 'username', 'admin.password': 'password' };

/** First start: where this shelter is, what it is called, and its first administrator. */
export function SetupPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useForm({
    initialValues: INITIAL,
    serverFields: SERVER_FIELDS,
    validate: (values, tr) => {
      const errors = schemaErrors(setupBody, toBody(values), tr, {
        ...SERVER_FIELDS,
      });
      if (!values.provinceCode) errors.provinceCode = tr('validation.required');
      if (!values.regencyCode) errors.regencyCode = tr('validation.required');
      if (!errors.confirmPassword && values.confirmPassword !== values.password) {
        errors.confirmPassword = tr('web.validation.passwordsDiffer');
      }
      return errors;
    },
  });
  const provinces = useRegions(null);
  const regencies = useRegions(form.values.provinceCode || null, Boolean(form.values.provinceCode));

  const regencyName = (code: string) => regencies.data?.items.find((item) => item.code === code)?.name ?? '';
  const suggestedName = (code: string) => (code ? t('web.setup.unitNameSuggestion', { regency: regencyName(code) }) : '');

  const chooseProvince = (code: string | null) => {
    const previousSuggestion = suggestedName(form.values.regencyCode);
    form.setValue('provinceCode', code ?? '');
    form.setValue('regencyCode', '');
    if (form.values.unitName === previousSuggestion) form.setValue('unitName', '');
  };

  const chooseRegency = (code: string | null) => {
    // Suggest a unit name unless the user has typed their own.
    const previousSuggestion = suggestedName(form.values.regencyCode);
    form.setValue('regencyCode', code ?? '');
    if (!form.values.unitName.trim() || form.values.unitName === previousSuggestion) {
      form.setValue('unitName', suggestedName(code ?? ''));
    }
  };

  const submit = form.onSubmit(async (values) => {
    await completeSetup(queryClient, toBody(values));
    navigate('/', { replace: true });
  });

  const toOptions = (list: RegionList | undefined) => list?.items.map((item) => ({ value: item.code, label: item.name })) ?? [];

  return (
    <Paper withBorder shadow="sm" radius="md" p={{ base: 'md', sm: 'xl' }}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <div>
            <Title order={1} size="h2">
              {t('web.setup.title')}
            </Title>
            <Text c="dimmed" size="sm" mt={4}>
              {t('web.setup.intro')}
            </Text>
          </div>

          <Title order={2} size="h4">
            {t('web.setup.unitSection')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('web.fields.province')}
              placeholder={t('web.setup.provincePlaceholder')}
              searchable
              required
              data={toOptions(provinces.data)}
              nothingFoundMessage={t('web.common.nothingFound')}
              disabled={provinces.isPending}
              value={form.values.provinceCode || null}
              onChange={chooseProvince}
              error={form.errors.provinceCode ?? (provinces.isError ? provinces.error.message : undefined)}
            />
            <Select
              label={t('fields.regencyCode')}
              placeholder={
                form.values.provinceCode ? t('web.setup.regencyPlaceholder') : t('web.setup.chooseProvinceFirst')
              }
              searchable
              required
              data={toOptions(regencies.data)}
              nothingFoundMessage={t('web.common.nothingFound')}
              disabled={!form.values.provinceCode || regencies.isPending}
              value={form.values.regencyCode || null}
              onChange={chooseRegency}
              error={form.errors.regencyCode ?? (regencies.isError ? regencies.error.message : undefined)}
            />
          </SimpleGrid>
          <TextInput label={t('fields.unitName')} required {...form.getInputProps('unitName')} />
          <TextInput label={t('fields.address')} autoComplete="street-address" {...form.getInputProps('address')} />
          <TextInput label={t('fields.phone')} type="tel" autoComplete="tel" {...form.getInputProps('phone')} />

          <Divider my="xs" />
          <div>
            <Title order={2} size="h4">
              {t('web.setup.adminSection')}
            </Title>
            <Text c="dimmed" size="sm" mt={4}>
              {t('web.setup.adminIntro')}
            </Text>
          </div>
          <TextInput label={t('fields.name')} autoComplete="name" required {...form.getInputProps('adminName')} />
          <TextInput
            label={t('fields.username')}
            description={t('validation.username_format')}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            {...form.getInputProps('username')}
          />
          <PasswordField
              label={t('fields.password')}
              description={t('validation.password_too_short')}
              autoComplete="new-password"
              required
              {...form.getInputProps('password')}
            />
            <PasswordField
              label={t('web.fields.confirmPassword')}
              autoComplete="new-password"
              required
              {...form.getInputProps('confirmPassword')}
            />
          <ApiErrorAlert error={form.error} />
          <Button type="submit" loading={form.submitting}>
            {t('web.setup.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
