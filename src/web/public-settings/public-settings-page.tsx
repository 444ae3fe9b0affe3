/** /settings/public — the administrator edits a unit's public page and its printed SOP's identity. */
import { Alert, Anchor, Button, Group, NumberInput, Paper, SimpleGrid, Stack, Switch, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { PublicProfileView, UpsertPublicProfileBody } from '../../shared/contracts/public-profile.js';
import type { SopDocumentSettings, sopDocumentSettingsView } from '../../shared/contracts/publications.js';
import { api } from '../api.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { optionalText, useForm } from '../forms.js';
import { UnitSelect, useUnitPicker } from './unit-picker.js';
import { DayField } from '../cases/date-fields.js';

type SopDocView = z.infer<typeof sopDocumentSettingsView>;

const EMPTY = {
  slug: '',
  description: '',
  servesWhom: '',
  requirements: '',
  handoverInstructions: '',
  dutyPhone: '',
  whatsapp: '',
  openingHours: '',
  latitude: '' as number | string,
  longitude: '' as number | string,
  isPublished: true,
};

function ProfileForm({ unitId, view }: { unitId: string; view: PublicProfileView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const p = view.profile;
  const form = useForm({
    initialValues: p
      ? {
          slug: p.slug,
          description: p.description,
          servesWhom: p.servesWhom ?? '',
          requirements: p.requirements ?? '',
          handoverInstructions: p.handoverInstructions ?? '',
          dutyPhone: p.dutyPhone ?? '',
          whatsapp: p.whatsapp ?? '',
          openingHours: p.openingHours ?? '',
          latitude: p.latitude ?? '',
          longitude: p.longitude ?? '',
          isPublished: p.isPublished,
        }
      : EMPTY,
  });
  const submit = form.onSubmit(async (v) => {
    const body: UpsertPublicProfileBody = {
      slug: v.slug.trim().toLowerCase(),
      description: v.description.trim(),
      servesWhom: optionalText(v.servesWhom) ?? null,
      requirements: optionalText(v.requirements) ?? null,
      handoverInstructions: optionalText(v.handoverInstructions) ?? null,
      dutyPhone: optionalText(v.dutyPhone) ?? null,
      whatsapp: optionalText(v.whatsapp) ?? null,
      openingHours: optionalText(v.openingHours) ?? null,
      latitude: v.latitude === '' ? null : Number(v.latitude),
      longitude: v.longitude === '' ? null : Number(v.longitude),
      isPublished: v.isPublished,
    };
    const next = await api.put<PublicProfileView>(`/public-profile?organizationId=${unitId}`, body);
    queryClient.setQueryData(['public-profile', unitId], next);
    setSaved(true);
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {!p && <Alert color="yellow">{t('public.settings.notYet')}</Alert>}
        {p && (
          <Group>
            <Anchor href={p.publicPath} target="_blank">
              {t('public.settings.open')}
            </Anchor>
            <Anchor href={p.surveyPath} target="_blank">
              {t('public.settings.openSurvey')}
            </Anchor>
          </Group>
        )}
        <TextInput label={t('fields.slug')} description={t('public.settings.slugHint')} required {...form.getInputProps('slug')} />
        <Textarea label={t('public.settings.description')} autosize minRows={3} required {...form.getInputProps('description')} />
        <Textarea label={t('fields.servesWhom')} autosize minRows={2} {...form.getInputProps('servesWhom')} />
        <Textarea label={t('fields.requirements')} description={t('public.settings.linesHint')} autosize minRows={3} {...form.getInputProps('requirements')} />
        <Textarea label={t('fields.handoverInstructions')} description={t('public.settings.linesHint')} autosize minRows={3} {...form.getInputProps('handoverInstructions')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('fields.dutyPhone')} type="tel" {...form.getInputProps('dutyPhone')} />
          <TextInput label={t('fields.whatsapp')} description={t('public.settings.whatsappHint')} type="tel" {...form.getInputProps('whatsapp')} />
        </SimpleGrid>
        <TextInput label={t('fields.openingHours')} {...form.getInputProps('openingHours')} />
        <Text size="sm" c="dimmed">
          {t('public.settings.mapHint')}
        </Text>
        <SimpleGrid cols={2}>
          <NumberInput label={t('fields.latitude')} decimalScale={6} {...form.getInputProps('latitude')} />
          <NumberInput label={t('fields.longitude')} decimalScale={6} {...form.getInputProps('longitude')} />
        </SimpleGrid>
        <Switch label={t('public.settings.published')} {...form.getCheckboxProps('isPublished')} />
        <ApiErrorAlert error={form.error} />
        {saved && !form.error && <Alert color="green">{t('public.settings.saved')}</Alert>}
        <Group>
          <Button type="submit" loading={form.submitting}>
            {t('public.settings.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const LIST_FIELDS = ['legalBasis', 'qualifications', 'relatedSops', 'equipment', 'warnings', 'records'] as const;

function SopDocumentForm({ unitId, view }: { unitId: string; view: SopDocView }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  const form = useForm({
    initialValues: {
      number: view.number ?? '',
      madeOn: view.madeOn ?? '',
      revisedOn: view.revisedOn ?? '',
      effectiveOn: view.effectiveOn ?? '',
      ...Object.fromEntries(LIST_FIELDS.map((f) => [f, view[f].join('\n')])),
    } as Record<string, string>,
  });
  const submit = form.onSubmit(async (v) => {
    const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean);
    const body: SopDocumentSettings = {
      number: optionalText(v.number) ?? null,
      madeOn: optionalText(v.madeOn) ?? null,
      revisedOn: optionalText(v.revisedOn) ?? null,
      effectiveOn: optionalText(v.effectiveOn) ?? null,
      legalBasis: lines(v.legalBasis),
      qualifications: lines(v.qualifications),
      relatedSops: lines(v.relatedSops),
      equipment: lines(v.equipment),
      warnings: lines(v.warnings),
      records: lines(v.records),
    };
    await api.put(`/publications/sop-document?organizationId=${unitId}`, body);
    setSaved(true);
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {view.isDefault && <Text size="sm" c="dimmed">{t('public.settings.sopDefault')}</Text>}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('publications.sop.number')} {...form.getInputProps('number')} />
          <DayField label={t('fields.madeOn')} {...form.getInputProps('madeOn')} />
          <DayField label={t('fields.revisedOn')} {...form.getInputProps('revisedOn')} />
          <DayField label={t('fields.effectiveOn')} {...form.getInputProps('effectiveOn')} />
        </SimpleGrid>
        {LIST_FIELDS.map((f) => (
          <Textarea key={f} label={t(`fields.${f}`)} description={t('public.settings.linesHint')} autosize minRows={2} {...form.getInputProps(f)} />
        ))}
        <ApiErrorAlert error={form.error} />
        {saved && !form.error && <Alert color="green">{t('public.settings.sopSaved')}</Alert>}
        <Group>
          <Button type="submit" loading={form.submitting}>
            {t('public.settings.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export default function PublicSettingsPage() {
  const { t } = useTranslation();
  const picker = useUnitPicker();
  const unitId = picker.unitId;
  const profile = useQuery({
    queryKey: ['public-profile', unitId],
    queryFn: ({ signal }) => api.get<PublicProfileView>('/public-profile', { organizationId: unitId }, signal),
    enabled: Boolean(unitId),
  });
  const sopDoc = useQuery({
    queryKey: ['sop-document', unitId],
    queryFn: ({ signal }) => api.get<SopDocView>('/publications/sop-document', { organizationId: unitId }, signal),
    enabled: Boolean(unitId),
  });
  useEffect(() => {
    document.title = t('public.settings.title');
  }, [t]);
  return (
    <Stack>
      <Title order={2}>{t('public.settings.title')}</Title>
      <Text c="dimmed">{t('public.settings.intro')}</Text>
      <UnitSelect units={picker.units} value={unitId} onChange={picker.setUnitId} />
      {!picker.loading && picker.units.length === 0 && <Alert>{t('public.settings.noUnits')}</Alert>}
      <ApiErrorAlert error={profile.error ?? sopDoc.error} />
      {unitId && profile.data && (
        <Paper withBorder p="md" radius="md">
          <ProfileForm key={unitId} unitId={unitId} view={profile.data} />
        </Paper>
      )}
      {unitId && sopDoc.data && (
        <Paper withBorder p="md" radius="md">
          <Stack>
            <Title order={3}>{t('public.settings.sopTitle')}</Title>
            <Text size="sm" c="dimmed">
              {t('public.settings.sopIntro')}
            </Text>
            <SopDocumentForm key={unitId} unitId={unitId} view={sopDoc.data} />
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
