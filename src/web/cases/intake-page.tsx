/**
 * Intake of one client (`/cases/new`): who brought them, from where and when (the clock starts at
 * arrival), the receiving unit, the PPKS categories and the presenting problem, and the client: a
 * returning client found by search, or a new identity record with a live NIK check.
 */
import { Alert, Button, Group, NumberInput, Select, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { type CaseDetail, type CreateIntakeBody, createIntakeBody } from '../../shared/contracts/cases.js';
import { CASE_SOURCES, type CaseSource, DATA_QUALITY, type DataQuality, EDUCATION_LEVELS, MARITAL_STATUSES, RELIGIONS } from '../../shared/domain/enums.js';
import { api } from '../api.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { type FieldErrors, optionalText, schemaErrors, useForm } from '../forms.js';
import { CategorySelect } from './case-bits.js';
import { enumOptions, fromPickerValue, toPickerValue } from './case-format.js';
import { casesKey, useShelterUnits } from './case-queries.js';
import { ClientSearch, type ClientSearchResult } from './client-search.js';
import { BirthDateField, DatesScope, DateTimeField } from './date-fields.js';
import { FormSection, type Sex, SexControl, UnitSelect } from './form-parts.js';
import { KkField, NikField } from './nik-check.js';
import { RegionCascade } from './region-cascade.js';

const initialValues = () => ({
  source: '' as CaseSource | '',
  broughtByName: '',
  broughtByAgency: '',
  letterNumber: '',
  foundLocation: '',
  foundAt: '',
  arrivedAt: toPickerValue(),
  organizationId: '',
  categories: [] as string[],
  presentingProblem: '',
  // The client's identity (ignored when a returning client is chosen)
  name: '',
  nameQuality: 'full' as DataQuality,
  aliases: [] as string[],
  sex: 'unknown' as Sex,
  birthDate: '',
  estimatedAge: '' as number | string,
  birthPlace: '',
  religion: null as (typeof RELIGIONS)[number] | null,
  maritalStatus: null as (typeof MARITAL_STATUSES)[number] | null,
  education: null as (typeof EDUCATION_LEVELS)[number] | null,
  occupation: '',
  phone: '',
  nik: '',
  nikQuality: 'full' as DataQuality,
  kkNumber: '',
  originRegionCode: '',
  originAddress: '',
  lastKnownAddress: '',
  physicalDescription: '',
  distinguishingMarks: '',
});
type Values = ReturnType<typeof initialValues>;

const CLIENT_FIELDS = [
  'name',
  'nameQuality',
  'aliases',
  'sex',
  'birthDate',
  'estimatedAge',
  'birthPlace',
  'religion',
  'maritalStatus',
  'education',
  'occupation',
  'phone',
  'nik',
  'nikQuality',
  'kkNumber',
  'originRegionCode',
  'originAddress',
  'lastKnownAddress',
  'physicalDescription',
  'distinguishingMarks',
] as const;
const CLIENT_PATHS = Object.fromEntries(CLIENT_FIELDS.map((field) => [`client.${field}`, field]));

function toBody(values: Values, existingClientId: string | null): CreateIntakeBody {
  const age = values.estimatedAge === '' ? null : Number(values.estimatedAge);
  const birthDate = values.birthDate || null;
  return {
    source: values.source as CaseSource,
    broughtByName: optionalText(values.broughtByName),
    broughtByAgency: optionalText(values.broughtByAgency),
    letterNumber: optionalText(values.letterNumber),
    foundLocation: optionalText(values.foundLocation),
    foundAt: fromPickerValue(values.foundAt) ?? null,
    arrivedAt: fromPickerValue(values.arrivedAt) as string,
    organizationId: values.organizationId,
    categories: values.categories,
    presentingProblem: optionalText(values.presentingProblem),
    ...(existingClientId
      ? { existingClientId }
      : {
          client: {
            name: values.name.trim(),
            nameQuality: values.nameQuality,
            aliases: values.aliases.map((alias) => alias.trim()).filter(Boolean),
            sex: values.sex,
            birthDate,
            birthDateQuality: birthDate ? 'full' : age !== null ? 'partial' : 'unknown',
            estimatedAge: Number.isFinite(age) ? age : null,
            birthPlace: optionalText(values.birthPlace),
            religion: values.religion,
            maritalStatus: values.maritalStatus,
            education: values.education,
            occupation: optionalText(values.occupation),
            phone: optionalText(values.phone),
            nik: optionalText(values.nik) ?? null,
            nikQuality: values.nik ? values.nikQuality : 'unknown',
            kkNumber: optionalText(values.kkNumber) ?? null,
            originRegionCode: values.originRegionCode || null,
            originAddress: optionalText(values.originAddress),
            lastKnownAddress: optionalText(values.lastKnownAddress),
            physicalDescription: optionalText(values.physicalDescription),
            distinguishingMarks: optionalText(values.distinguishingMarks),
          },
        }),
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

  // One unit: preselect it, so the officer has nothing to choose.
  useEffect(() => {
    if (units.length === 1 && !form.values.organizationId) setValue('organizationId', units[0].id);
  }, [units, form.values.organizationId, setValue]);

  const submit = form.onSubmit(async (values) => {
    const created = await api.post<CaseDetail>('/intakes', toBody(values, existing?.id ?? null));
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
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  <TextInput
                    label={t('casesWeb.intake.name')}
                    description={t('casesWeb.intake.nameHint')}
                    required
                    autoComplete="off"
                    {...form.getInputProps('name')}
                  />
                  <Select
                    label={t('fields.nameQuality')}
                    data={enumOptions(t, 'data_quality', DATA_QUALITY)}
                    allowDeselect={false}
                    comboboxProps={{ withinPortal: true }}
                    {...form.getInputProps('nameQuality')}
                  />
                </SimpleGrid>
                <TagsInput
                  label={t('fields.aliases')}
                  description={t('casesWeb.intake.aliasesHint')}
                  clearable
                  splitChars={[',']}
                  acceptValueOnBlur
                  {...form.getInputProps('aliases')}
                />
                <SexControl value={form.values.sex} onChange={(sex) => setValue('sex', sex)} error={form.errors.sex} />
                <SimpleGrid cols={2} spacing="sm">
                  <BirthDateField
                    label={t('fields.birthDate')}
                    value={form.values.birthDate}
                    error={form.errors.birthDate}
                    onChange={(value) => setValue('birthDate', value)}
                  />
                  <NumberInput
                    label={t('fields.estimatedAge')}
                    placeholder={t('casesWeb.intake.estimatedAgePlaceholder')}
                    min={0}
                    max={120}
                    allowDecimal={false}
                    allowNegative={false}
                    inputMode="numeric"
                    {...form.getInputProps('estimatedAge')}
                  />
                </SimpleGrid>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  <NikField
                    label={t('fields.nik')}
                    value={form.values.nik}
                    onChange={(nik) => setValue('nik', nik)}
                    error={form.errors.nik}
                    recordedSex={form.values.sex}
                    recordedBirthDate={form.values.birthDate}
                  />
                  <KkField
                    label={t('fields.kkNumber')}
                    value={form.values.kkNumber}
                    error={form.errors.kkNumber}
                    onChange={(kkNumber) => setValue('kkNumber', kkNumber)}
                  />
                </SimpleGrid>
                <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
                  <TextInput label={t('casesWeb.intake.birthPlace')} {...form.getInputProps('birthPlace')} />
                  <Select
                    label={t('casesWeb.intake.religion')}
                    data={enumOptions(t, 'religions', RELIGIONS)}
                    clearable
                    comboboxProps={{ withinPortal: true }}
                    {...form.getInputProps('religion')}
                  />
                  <Select
                    label={t('casesWeb.intake.maritalStatus')}
                    data={enumOptions(t, 'marital_statuses', MARITAL_STATUSES)}
                    clearable
                    comboboxProps={{ withinPortal: true }}
                    {...form.getInputProps('maritalStatus')}
                  />
                  <Select
                    label={t('casesWeb.intake.education')}
                    data={enumOptions(t, 'education_levels', EDUCATION_LEVELS)}
                    clearable
                    comboboxProps={{ withinPortal: true }}
                    {...form.getInputProps('education')}
                  />
                  <TextInput label={t('casesWeb.intake.occupation')} {...form.getInputProps('occupation')} />
                  <TextInput label={t('fields.phone')} type="tel" inputMode="tel" {...form.getInputProps('phone')} />
                </SimpleGrid>
                <Text fw={600} size="sm" mt="xs">
                  {t('fields.originRegionCode')}
                </Text>
                <RegionCascade
                  value={form.values.originRegionCode}
                  onChange={(code) => setValue('originRegionCode', code)}
                  error={form.errors.originRegionCode}
                />
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  <Textarea label={t('casesWeb.intake.originAddress')} autosize minRows={2} {...form.getInputProps('originAddress')} />
                  <Textarea label={t('casesWeb.intake.lastKnownAddress')} autosize minRows={2} {...form.getInputProps('lastKnownAddress')} />
                  <Textarea
                    label={t('casesWeb.intake.physicalDescription')}
                    description={t('casesWeb.intake.physicalDescriptionHint')}
                    autosize
                    minRows={2}
                    {...form.getInputProps('physicalDescription')}
                  />
                  <Textarea
                    label={t('casesWeb.intake.distinguishingMarks')}
                    description={t('casesWeb.intake.distinguishingMarksHint')}
                    autosize
                    minRows={2}
                    {...form.getInputProps('distinguishingMarks')}
                  />
                </SimpleGrid>
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
