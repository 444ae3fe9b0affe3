/**
 * A client's identity as a form: name and its quality, aliases, sex, birth date or estimated age,
 * NIK (checked live) and KK, personal details, origin region and addresses, description and marks.
 * Used by the intake of a new client and by "edit identity" on the case page, so both ask the same.
 */
import { NumberInput, Select, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ClientIdentityInput, ClientView } from '../../shared/contracts/cases.js';
import { DATA_QUALITY, type DataQuality, EDUCATION_LEVELS, MARITAL_STATUSES, RELIGIONS } from '../../shared/domain/enums.js';
import { type FieldErrors, optionalText } from '../forms.js';
import { enumOptions } from './case-format.js';
import { BirthDateField } from './date-fields.js';
import { type Sex, SexControl } from './form-parts.js';
import { KkField, NikField } from './nik-check.js';
import { RegionCascade } from './region-cascade.js';

/** The identity part of a form's values; a new client starts empty, an edit starts from the record. */
export function identityValues(client?: ClientView) {
  return {
    name: client?.name ?? '',
    nameQuality: (client?.nameQuality ?? 'full') as DataQuality,
    aliases: client?.aliases ?? ([] as string[]),
    sex: (client?.sex ?? 'unknown') as Sex,
    birthDate: client?.birthDate ?? '',
    estimatedAge: (client?.estimatedAge ?? '') as number | string,
    birthPlace: client?.birthPlace ?? '',
    religion: (client?.religion ?? null) as (typeof RELIGIONS)[number] | null,
    maritalStatus: (client?.maritalStatus ?? null) as (typeof MARITAL_STATUSES)[number] | null,
    education: (client?.education ?? null) as (typeof EDUCATION_LEVELS)[number] | null,
    occupation: client?.occupation ?? '',
    phone: client?.phone ?? '',
    nik: client?.nik ?? '',
    nikQuality: (client?.nik ? client.nikQuality : 'full') as DataQuality,
    kkNumber: client?.kkNumber ?? '',
    originRegionCode: client?.originRegionCode ?? '',
    originAddress: client?.originAddress ?? '',
    lastKnownAddress: client?.lastKnownAddress ?? '',
    physicalDescription: client?.physicalDescription ?? '',
    distinguishingMarks: client?.distinguishingMarks ?? '',
  };
}
export type IdentityValues = ReturnType<typeof identityValues>;

/** The form's field names, which are also the contract's. */
export const IDENTITY_FIELDS = Object.keys(identityValues()) as (keyof IdentityValues)[];

/**
 * The values as the contract wants them. Emptied optional fields become null, so an edit can clear
 * what was recorded (a wrong phone number), not only change it.
 */
export function identityBody(values: IdentityValues): ClientIdentityInput {
  const age = values.estimatedAge === '' ? null : Number(values.estimatedAge);
  const birthDate = values.birthDate || null;
  const text = (value: string) => optionalText(value) ?? null;
  return {
    name: values.name.trim(),
    nameQuality: values.nameQuality,
    aliases: values.aliases.map((alias) => alias.trim()).filter(Boolean),
    sex: values.sex,
    birthDate,
    birthDateQuality: birthDate ? 'full' : age !== null ? 'partial' : 'unknown',
    estimatedAge: Number.isFinite(age) ? age : null,
    birthPlace: text(values.birthPlace),
    religion: values.religion,
    maritalStatus: values.maritalStatus,
    education: values.education,
    occupation: text(values.occupation),
    phone: text(values.phone),
    nik: text(values.nik),
    nikQuality: values.nik ? values.nikQuality : 'unknown',
    kkNumber: text(values.kkNumber),
    originRegionCode: values.originRegionCode || null,
    originAddress: text(values.originAddress),
    lastKnownAddress: text(values.lastKnownAddress),
    physicalDescription: text(values.physicalDescription),
    distinguishingMarks: text(values.distinguishingMarks),
  };
}

type SetIdentityValue = <K extends keyof IdentityValues>(key: K, value: IdentityValues[K]) => void;

/** The identity inputs of a form whose values include `IdentityValues` (and may hold more, as the intake's do). */
export function ClientIdentityFields<V extends IdentityValues>({
  values,
  errors,
  setValue: setFormValue,
  clientId,
}: {
  values: V;
  errors: FieldErrors;
  setValue: <K extends keyof V>(key: K, value: V[K]) => void;
  /** When editing: the client's own record is not a duplicate of itself in the NIK check. */
  clientId?: string;
}) {
  const { t } = useTranslation();
  // The identity keys of V hold the identity types, which TypeScript cannot see through the generic.
  const setValue = setFormValue as unknown as SetIdentityValue;
  const input = <K extends keyof IdentityValues>(key: K) => ({
    value: values[key] as never,
    onChange: (arg: unknown) =>
      setValue(key, (arg && typeof arg === 'object' && 'currentTarget' in arg ? (arg.currentTarget as HTMLInputElement).value : arg) as IdentityValues[K]),
    error: errors[key],
  });
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput label={t('casesWeb.intake.name')} description={t('casesWeb.intake.nameHint')} required autoComplete="off" {...input('name')} />
        <Select
          label={t('fields.nameQuality')}
          data={enumOptions(t, 'data_quality', DATA_QUALITY)}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          {...input('nameQuality')}
        />
      </SimpleGrid>
      <TagsInput
        label={t('fields.aliases')}
        description={t('casesWeb.intake.aliasesHint')}
        clearable
        splitChars={[',']}
        acceptValueOnBlur
        {...input('aliases')}
      />
      <SexControl value={values.sex} onChange={(sex) => setValue('sex', sex)} error={errors.sex} />
      <SimpleGrid cols={2} spacing="sm">
        <BirthDateField label={t('fields.birthDate')} value={values.birthDate} error={errors.birthDate} onChange={(value) => setValue('birthDate', value)} />
        <NumberInput
          label={t('fields.estimatedAge')}
          placeholder={t('casesWeb.intake.estimatedAgePlaceholder')}
          min={0}
          max={120}
          allowDecimal={false}
          allowNegative={false}
          inputMode="numeric"
          {...input('estimatedAge')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <NikField
          label={t('fields.nik')}
          value={values.nik}
          onChange={(nik) => setValue('nik', nik)}
          error={errors.nik}
          recordedSex={values.sex}
          recordedBirthDate={values.birthDate}
          excludeClientId={clientId}
        />
        <KkField label={t('fields.kkNumber')} value={values.kkNumber} error={errors.kkNumber} onChange={(kkNumber) => setValue('kkNumber', kkNumber)} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
        <TextInput label={t('casesWeb.intake.birthPlace')} {...input('birthPlace')} />
        <Select
          label={t('casesWeb.intake.religion')}
          data={enumOptions(t, 'religions', RELIGIONS)}
          clearable
          comboboxProps={{ withinPortal: true }}
          {...input('religion')}
        />
        <Select
          label={t('casesWeb.intake.maritalStatus')}
          data={enumOptions(t, 'marital_statuses', MARITAL_STATUSES)}
          clearable
          comboboxProps={{ withinPortal: true }}
          {...input('maritalStatus')}
        />
        <Select
          label={t('casesWeb.intake.education')}
          data={enumOptions(t, 'education_levels', EDUCATION_LEVELS)}
          clearable
          comboboxProps={{ withinPortal: true }}
          {...input('education')}
        />
        <TextInput label={t('casesWeb.intake.occupation')} {...input('occupation')} />
        <TextInput label={t('fields.phone')} type="tel" inputMode="tel" {...input('phone')} />
      </SimpleGrid>
      <Text fw={600} size="sm" mt="xs">
        {t('fields.originRegionCode')}
      </Text>
      <RegionCascade value={values.originRegionCode} onChange={(code) => setValue('originRegionCode', code)} error={errors.originRegionCode} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Textarea label={t('casesWeb.intake.originAddress')} autosize minRows={2} {...input('originAddress')} />
        <Textarea label={t('casesWeb.intake.lastKnownAddress')} autosize minRows={2} {...input('lastKnownAddress')} />
        <Textarea
          label={t('casesWeb.intake.physicalDescription')}
          description={t('casesWeb.intake.physicalDescriptionHint')}
          autosize
          minRows={2}
          {...input('physicalDescription')}
        />
        <Textarea
          label={t('casesWeb.intake.distinguishingMarks')}
          description={t('casesWeb.intake.distinguishingMarksHint')}
          autosize
          minRows={2}
          {...input('distinguishingMarks')}
        />
      </SimpleGrid>
    </Stack>
  );
}
