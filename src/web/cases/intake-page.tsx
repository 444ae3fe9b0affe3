/**
 * Intake of one client (`/cases/new`): who brought them, from where and when (the clock starts at
 * arrival), the receiving unit, the PPKS categories and the presenting problem, and the client: a
 * returning client found by search, or a new identity record with a live NIK check.
 */
import { Alert, Button, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { type CaseDetail, type CreateIntakeBody, createIntakeBody } from '../../shared/contracts/cases.js';
import { CASE_SOURCES, type CaseSource } from '../../shared/domain/enums.js';
import { api } from '../api.js';
import { useComplaintPrefill } from '../complaints/complaint-prefill.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { type FieldErrors, optionalText, schemaErrors, useForm } from '../forms.js';
import { CategorySelect } from './category-select.js';
import { enumOptions, fromPickerValue, toPickerValue } from './case-format.js';
import { casesKey, useShelterUnits } from './case-queries.js';
import { ClientIdentityFields, IDENTITY_FIELDS, identityBody, identityValues } from './client-identity-fields.js';
import { ClientSearch, type ClientSearchResult } from './client-search.js';
import { DatesScope, DateTimeField } from './date-fields.js';
import { FormSection, UnitSelect } from './form-parts.js';

const initialValues = () => ({
  source: '' as CaseSource | '',
  broughtByName: '',
  broughtByAgency: '',
  letterNumber: '',
  foundLocation: '',
  foundAt: '',
  arrivedAt: toPickerValue(),
  receptionCompletedAt: '',
  organizationId: '',
  categories: [] as string[],
  presentingProblem: '',
  // The client's identity (ignored when a returning client is chosen)
  ...identityValues(),
});
type Values = ReturnType<typeof initialValues>;

const CLIENT_PATHS = Object.fromEntries(IDENTITY_FIELDS.map((field) => [`client.${field}`, field]));

function toBody(values: Values, existingClientId: string | null): CreateIntakeBody {
  return {
    source: values.source as CaseSource,
    broughtByName: optionalText(values.broughtByName),
    broughtByAgency: optionalText(values.broughtByAgency),
    letterNumber: optionalText(values.letterNumber),
    foundLocation: optionalText(values.foundLocation),
    foundAt: fromPickerValue(values.foundAt) ?? null,
    arrivedAt: fromPickerValue(values.arrivedAt) as string,
    receptionCompletedAt: fromPickerValue(values.receptionCompletedAt) ?? null,
    organizationId: values.organizationId,
    categories: values.categories,
    presentingProblem: optionalText(values.presentingProblem),
    ...(existingClientId ? { existingClientId } : { client: identityBody(values) }),
  };
}

function validate(values: Values, existingClientId: string | null, t: TFunction): FieldErrors {
  const errors = schemaErrors(createIntakeBody, toBody(values, existingClientId), t, CLIENT_PATHS);
  if (!values.arrivedAt) errors.arrivedAt = t('validation.required');
  if (values.source === '') errors.source = t('validation.required');
  if (values.categories.length === 0) errors.categories = t('validation.required');
  return errors;
}

export function IntakePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { units, isPending: unitsPending, error: unitsError } = useShelterUnits();
  const [existing, setExisting] = useState<ClientSearchResult | null>(null);
  const form = useForm<Values>({
    initialValues: initialValues(),
    validate: (values, tr) => validate(values, existing?.id ?? null, tr),
    serverFields: CLIENT_PATHS,
  });
  const { setValue } = form;
  // Opened from a community complaint: prefill it, and link the new case to the complaint.
  const fromComplaint = useComplaintPrefill((prefill) => form.setValues((v) => ({ ...v, ...prefill })));

  // One unit: preselect it, so the officer has nothing to choose.
  useEffect(() => {
    if (units.length === 1 && !form.values.organizationId) setValue('organizationId', units[0].id);
  }, [units, form.values.organizationId, setValue]);

  const submit = form.onSubmit(async (values) => {
    const created = await api.post<CaseDetail>('/intakes', toBody(values, existing?.id ?? null));
    await fromComplaint.link(created.id);
    await queryClient.invalidateQueries({ queryKey: casesKey });
    navigate(`/cases/${created.id}`, { state: { created: true } });
  });

  const hasErrors = Object.keys(form.errors).length > 0;

  return (
    <DatesScope>
      <form onSubmit={submit} noValidate>
        <Stack maw={880} gap="md">
          <div>
            <Title order={1} size="h2">
              {t('casesWeb.intake.title')}
            </Title>
            <Text c="dimmed" size="sm">
              {t('casesWeb.intake.intro')}
            </Text>
          </div>
          {fromComplaint.banner}

          <FormSection title={t('casesWeb.intake.arrivalSection')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Select
                label={t('fields.source')}
                required
                data={enumOptions(t, 'case_sources', CASE_SOURCES)}
                placeholder={t('casesWeb.intake.chooseSource')}
                comboboxProps={{ withinPortal: true }}
                {...form.getInputProps('source')}
              />
              <DateTimeField
                label={t('fields.arrivedAt')}
                description={t('casesWeb.intake.arrivedAtHint')}
                required
                value={form.values.arrivedAt}
                error={form.errors.arrivedAt}
                onChange={(value) => setValue('arrivedAt', value)}
              />
              <DateTimeField
                label={t('fields.receptionCompletedAt')}
                description={t('casesWeb.intake.receptionCompletedAtHint')}
                value={form.values.receptionCompletedAt}
                error={form.errors.receptionCompletedAt}
                onChange={(value) => setValue('receptionCompletedAt', value)}
              />
              <TextInput label={t('casesWeb.intake.broughtByName')} autoComplete="off" {...form.getInputProps('broughtByName')} />
              <TextInput
                label={t('casesWeb.intake.broughtByAgency')}
                placeholder={t('casesWeb.intake.broughtByAgencyPlaceholder')}
                {...form.getInputProps('broughtByAgency')}
              />
              <TextInput label={t('casesWeb.intake.letterNumber')} {...form.getInputProps('letterNumber')} />
              <UnitSelect
                units={units}
                disabled={unitsPending}
                placeholder={unitsPending ? t('web.common.loading') : undefined}
                {...form.getInputProps('organizationId')}
              />
              <TextInput label={t('fields.foundLocation')} {...form.getInputProps('foundLocation')} />
              <DateTimeField
                label={t('fields.foundAt')}
                value={form.values.foundAt}
                error={form.errors.foundAt}
                onChange={(value) => setValue('foundAt', value)}
              />
            </SimpleGrid>
            <ApiErrorAlert error={unitsError} />
          </FormSection>

          <FormSection title={t('casesWeb.intake.clientSection')} description={t('casesWeb.intake.clientIntro')}>
            <ClientSearch selected={existing} onSelect={setExisting} />
            {!existing && (
              <Stack gap="sm">
                <Text fw={600} size="sm" mt="xs">
                  {t('casesWeb.intake.newClient')}
                </Text>
                <ClientIdentityFields values={form.values} errors={form.errors} setValue={setValue} />
              </Stack>
            )}
          </FormSection>

          <FormSection title={t('casesWeb.intake.problemSection')}>
            <CategorySelect
              label={t('fields.categories')}
              description={t('casesWeb.intake.categoriesHint')}
              required
              {...form.getInputProps('categories')}
            />
            <Textarea label={t('casesWeb.intake.presentingProblem')} autosize minRows={3} {...form.getInputProps('presentingProblem')} />
          </FormSection>

          {hasErrors && !form.error && (
            <Alert color="red" variant="light" role="alert">
              {t('casesWeb.intake.fixErrors')}
            </Alert>
          )}
          <ApiErrorAlert error={form.error} />
          <Group justify="flex-end">
            <Button variant="default" component={Link} to="/cases">
              {t('web.common.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t('casesWeb.intake.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </DatesScope>
  );
}

export default IntakePage;
