/**
 * What the stages of a case record (GET /api/cases/:id/records), each with its forms: the health
 * check, identity documents requested from Dukcapil, family tracing, rehabilitation services (SPM),
 * the return home with its handover record, follow-ups and deposited belongings. The section of the
 * stage in progress opens first.
 */
import {
  Accordion,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../shared/contracts/cases.js';
import {
  type BelongingView,
  type CaseRecordsView,
  createHealthCheckBody,
  createIdentityDocumentBody,
  createServiceBody,
  createTracingAttemptBody,
  depositBelongingBody,
  type FollowUpView,
  followUpDoneBody,
  type IdentityDocumentView,
  returnBelongingBody,
  reunificationBody,
  scheduleFollowUpBody,
} from '../../shared/contracts/casework.js';
import {
  FOLLOW_UP_CHANNELS,
  IDENTITY_DOCUMENT_TYPES,
  INSURANCE_TYPES,
  MENTAL_STATES,
  REUNIFICATION_DESTINATIONS,
  SPM_SERVICES,
  TRACING_CHANNELS,
  TRACING_RESULTS,
} from '../../shared/domain/enums.js';
import { formatNumber } from '../../shared/i18n/numbers.js';
import { api } from '../api.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { Icon } from '../components/icons.js';
import { formatDateTime } from '../components/labels.js';
import { optionalText, schemaErrors, useForm } from '../forms.js';
import { CaseAttachments } from './case-attachments.js';
import { enumLabel, enumOptions, formatDate, fromPickerValue, todayDate, toPickerValue } from './case-format.js';
import { DatesScope, DateTimeField } from './date-fields.js';
import { Facts } from './facts.js';
import { CountBadge, DateField, NoRecords, RecordModal, recordsKey, toNumber, useRecordWritten } from './record-kit.js';
import { RegionCascade } from './region-cascade.js';
import { ShelterStay } from './shelter-stay.js';

type Open = (modal: ReactNode) => void;

interface SectionProps {
  detail: CaseDetail;
  records: CaseRecordsView;
  canWrite: boolean;
  open: Open;
  close: () => void;
}

function ItemCard({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <Paper withBorder radius="sm" p="xs" data-testid={testId}>
      <Stack gap={4}>{children}</Stack>
    </Paper>
  );
}

function RecordedBy({ name, at }: { name: string | null; at: string }) {
  const { i18n } = useTranslation();
  return (
    <Text size="xs" c="dimmed">
      {formatDateTime(at, i18n.language)}
      {name ? ` · ${name}` : ''}
    </Text>
  );
}

// ---------------------------------------------------------------------------------------------
// Health check

function HealthCheckForm({ caseId, close }: { caseId: string; close: () => void }) {
  const { t, i18n } = useTranslation();
  const decimalSeparator = i18n.language === 'en' ? '.' : ',';
  const written = useRecordWritten(caseId);
  const initialValues = {
    checkedAt: toPickerValue(),
    bloodPressure: '',
    pulse: '' as number | string,
    temperature: '' as number | string,
    respiration: '' as number | string,
    weightKg: '' as number | string,
    visibleConditions: '',
    mentalState: null as (typeof MENTAL_STATES)[number] | null,
    suspectedPsychosis: false,
    referredTo: '',
    insuranceType: null as (typeof INSURANCE_TYPES)[number] | null,
    insuranceNumber: '',
    notes: '',
  };
  const form = useForm({
    initialValues,
    validate: (values, tr) => schemaErrors(createHealthCheckBody, toBody(values), tr),
  });
  function toBody(values: typeof initialValues) {
    return {
      checkedAt: fromPickerValue(values.checkedAt),
      bloodPressure: optionalText(values.bloodPressure) ?? null,
      pulse: toNumber(values.pulse),
      temperature: toNumber(values.temperature),
      respiration: toNumber(values.respiration),
      weightKg: toNumber(values.weightKg),
      visibleConditions: optionalText(values.visibleConditions) ?? null,
      mentalState: values.mentalState,
      suspectedPsychosis: values.suspectedPsychosis || values.mentalState === 'suspected_psychosis',
      referredTo: optionalText(values.referredTo) ?? null,
      insuranceType: values.insuranceType,
      insuranceNumber: optionalText(values.insuranceNumber) ?? null,
      notes: optionalText(values.notes) ?? null,
    };
  }
  const submit = form.onSubmit(async (values) => {
    await api.post(`/cases/${caseId}/health-checks`, toBody(values));
    await written();
    close();
  });
  const unit = (text: string) => (
    <Text size="xs" c="dimmed" pr={6}>
      {text}
    </Text>
  );
  return (
    <RecordModal title={t('casework.actions.record_health_check')} onClose={close} onSubmit={submit} submitting={form.submitting} error={form.error}>
      <DateTimeField label={t('fields.checkedAt')} value={form.values.checkedAt} onChange={(v) => form.setValue('checkedAt', v)} error={form.errors.checkedAt} />
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
        <TextInput label={t('fields.bloodPressure')} placeholder="120/80" inputMode="numeric" rightSection={unit('mmHg')} rightSectionWidth={52} {...form.getInputProps('bloodPressure')} />
        <NumberInput label={t('fields.pulse')} allowDecimal={false} hideControls rightSection={unit(t('casesWeb.records.perMinute'))} rightSectionWidth={52} {...form.getInputProps('pulse')} />
        <NumberInput label={t('fields.temperature')} decimalScale={1} decimalSeparator={decimalSeparator} hideControls rightSection={unit('°C')} {...form.getInputProps('temperature')} />
        <NumberInput label={t('fields.respiration')} allowDecimal={false} hideControls rightSection={unit(t('casesWeb.records.perMinute'))} rightSectionWidth={52} {...form.getInputProps('respiration')} />
        <NumberInput label={t('fields.weightKg')} decimalScale={1} decimalSeparator={decimalSeparator} hideControls rightSection={unit('kg')} {...form.getInputProps('weightKg')} />
      </SimpleGrid>
      <Textarea label={t('fields.visibleConditions')} autosize minRows={2} {...form.getInputProps('visibleConditions')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select label={t('fields.mentalState')} data={enumOptions(t, 'mental_states', MENTAL_STATES)} clearable comboboxProps={{ withinPortal: true }} {...form.getInputProps('mentalState')} />
        <TextInput label={t('fields.referredTo')} {...form.getInputProps('referredTo')} />
      </SimpleGrid>
      <Checkbox label={t('fields.suspectedPsychosis')} {...form.getCheckboxProps('suspectedPsychosis')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select label={t('fields.insuranceType')} data={enumOptions(t, 'insurance_types', INSURANCE_TYPES)} clearable comboboxProps={{ withinPortal: true }} {...form.getInputProps('insuranceType')} />
        <TextInput label={t('fields.insuranceNumber')} inputMode="numeric" {...form.getInputProps('insuranceNumber')} />
      </SimpleGrid>
      <Textarea label={t('fields.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
    </RecordModal>
  );
}

function HealthSection({ detail, records, canWrite, open, close }: SectionProps) {
  const { t, i18n } = useTranslation();
  const decimal = (n: number | null) => (n === null ? null : formatNumber(n, i18n.language));
  return (
    <Stack gap="xs">
      {records.healthChecks.length === 0 && <NoRecords />}
      {records.healthChecks.map((check) => {
        const vitals = [
          check.bloodPressure && `${t('fields.bloodPressure')} ${check.bloodPressure} mmHg`,
          check.pulse !== null && `${t('fields.pulse')} ${check.pulse}${t('casesWeb.records.perMinute')}`,
          check.temperature !== null && `${t('fields.temperature')} ${decimal(check.temperature)} °C`,
          check.respiration !== null && `${t('fields.respiration')} ${check.respiration}${t('casesWeb.records.perMinute')}`,
          check.weightKg !== null && `${t('fields.weightKg')} ${decimal(check.weightKg)} kg`,
        ].filter(Boolean);
        return (
          <ItemCard key={check.id} testId="health-check">
            <Group gap="xs">
              {check.mentalState && (
                <Badge variant="light" color={check.mentalState === 'calm' ? 'teal' : 'orange'} tt="none">
                  {enumLabel(t, 'mental_states', check.mentalState)}
                </Badge>
              )}
              {check.suspectedPsychosis && (
                <Badge color="orange" tt="none">
                  {t('fields.suspectedPsychosis')}
                </Badge>
              )}
            </Group>
            {vitals.length > 0 && <Text size="sm">{vitals.join(' · ')}</Text>}
            <Facts
              facts={[
                [t('fields.visibleConditions'), check.visibleConditions],
                [t('fields.referredTo'), check.referredTo],
                [t('fields.insuranceType'), check.insuranceType ? `${enumLabel(t, 'insurance_types', check.insuranceType)}${check.insuranceNumber ? ` · ${check.insuranceNumber}` : ''}` : null],
                [t('fields.notes'), check.notes],
              ]}
            />
            <RecordedBy name={check.recordedByName} at={check.checkedAt} />
          </ItemCard>
        );
      })}
      {canWrite && (
        <Button variant="light" size="xs" style={{ alignSelf: 'flex-start' }} leftSection={<Icon name="plus" size={14} />} onClick={() => open(<HealthCheckForm caseId={detail.id} close={close} />)}>
          {t('casework.actions.record_health_check')}
        </Button>
      )}
    </Stack>
  );
}

// ---------------------------------------------------------------------------------------------
// Identity documents

function RequestDocumentForm({ caseId, close }: { caseId: string; close: () => void }) {
  const { t } = useTranslation();
  const written = useRecordWritten(caseId);
  const form = useForm({
    initialValues: { documentType: null as (typeof IDENTITY_DOCUMENT_TYPES)[number] | null, notes: '' },
    validate: (values, tr) => schemaErrors(createIdentityDocumentBody, { documentType: values.documentType ?? undefined, notes: optionalText(values.notes) }, tr),
  });
  const submit = form.onSubmit(async (values) => {
    await api.post(`/cases/${caseId}/identity-documents`, { documentType: values.documentType, notes: optionalText(values.notes) ?? null });
    await written();
    close();
  });
  return (
    <RecordModal title={t('casework.actions.request_document')} onClose={close} onSubmit={submit} submitting={form.submitting} error={form.error}>
      <Select label={t('fields.documentType')} required data={enumOptions(t, 'identity_document_types', IDENTITY_DOCUMENT_TYPES)} comboboxProps={{ withinPortal: true }} {...form.getInputProps('documentType')} />
      <Textarea label={t('fields.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
    </RecordModal>
  );
}

function DocumentTransitionForm({ caseId, document, to, close }: { caseId: string; document: IdentityDocumentView; to: IdentityDocumentView['status']; close: () => void }) {
  const { t } = useTranslation();
  const written = useRecordWritten(caseId);
  const needsNumber = to === 'issued' || to === 'recorded';
  const form = useForm({
    initialValues: { at: toPickerValue(), documentNumber: document.documentNumber ?? '', refusalReason: '' },
    validate: (values, tr) => (to === 'refused' && !values.refusalReason.trim() ? { refusalReason: tr('validation.required') } : {}),
  });
  const submit = form.onSubmit(async (values) => {
    await api.post(`/cases/${caseId}/identity-documents/${document.id}/transition`, {
      to,
      at: fromPickerValue(values.at),
      documentNumber: needsNumber ? (optionalText(values.documentNumber) ?? null) : undefined,
      refusalReason: to === 'refused' ? values.refusalReason.trim() : undefined,
    });
    await written();
    close();
  });
  return (
    <RecordModal
      title={`${enumLabel(t, 'identity_document_types', document.documentType)}: ${enumLabel(t, 'identity_document_statuses', to)}`}
      onClose={close}
      onSubmit={submit}
      submitting={form.submitting}
      error={form.error}
      submitColor={to === 'refused' ? 'red' : undefined}
    >
      <DateTimeField label={t('fields.at')} value={form.values.at} onChange={(v) => form.setValue('at', v)} error={form.errors.at} required />
      {needsNumber && <TextInput label={t('fields.documentNumber')} inputMode="numeric" {...form.getInputProps('documentNumber')} />}
      {to === 'refused' && <Textarea label={t('fields.refusalReason')} required autosize minRows={2} {...form.getInputProps('refusalReason')} />}
    </RecordModal>
  );
}

const DOCUMENT_STATUS_COLORS: Record<IdentityDocumentView['status'], string> = {
  prepared: 'gray',
  submitted: 'blue',
  recorded: 'cyan',
  issued: 'teal',
  refused: 'red',
};

function IdentityDocumentsSection({ detail, records, canWrite, open, close }: SectionProps) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="xs">
      <Text size="sm">
        <Text span c="dimmed" size="sm">
          {t('casework.labels.civil_registration')}:{' '}
        </Text>
        {enumLabel(t, 'civil_registration', records.civilRegistration)}
      </Text>
      {records.identityDocuments.length === 0 && <NoRecords />}
      {records.identityDocuments.map((document) => (
        <ItemCard key={document.id}>
          <Group justify="space-between" gap="xs">
            <Text size="sm" fw={600}>
              {enumLabel(t, 'identity_document_types', document.documentType)}
            </Text>
            <Badge color={DOCUMENT_STATUS_COLORS[document.status]} variant="light" tt="none">
              {enumLabel(t, 'identity_document_statuses', document.status)}
            </Badge>
          </Group>
          <Facts
            facts={[
              [t('fields.preparedAt'), formatDateTime(document.preparedAt, i18n.language)],
              [enumLabel(t, 'identity_document_statuses', 'submitted'), document.submittedAt ? formatDateTime(document.submittedAt, i18n.language) : null],
              [enumLabel(t, 'identity_document_statuses', 'recorded'), document.recordedAt ? formatDateTime(document.recordedAt, i18n.language) : null],
              [enumLabel(t, 'identity_document_statuses', 'issued'), document.issuedAt ? formatDateTime(document.issuedAt, i18n.language) : null],
              [t('fields.documentNumber'), document.documentNumber],
              [t('fields.refusalReason'), document.refusalReason],
              [t('fields.notes'), document.notes],
            ]}
          />
          {canWrite && document.allowedTransitions.length > 0 && (
            <Group gap="xs">
              {document.allowedTransitions.map((to) => (
                <Button
                  key={to}
                  size="compact-sm"
                  variant={to === 'refused' ? 'subtle' : 'light'}
                  color={to === 'refused' ? 'red' : undefined}
                  onClick={() => open(<DocumentTransitionForm caseId={detail.id} document={document} to={to} close={close} />)}
                >
                  {t('casesWeb.records.markAs', { status: enumLabel(t, 'identity_document_statuses', to) })}
                </Button>
              ))}
            </Group>
          )}
        </ItemCard>
      ))}
      {canWrite && (
        <Button variant="light" size="xs" style={{ alignSelf: 'flex-start' }} leftSection={<Icon name="plus" size={14} />} onClick={() => open(<RequestDocumentForm caseId={detail.id} close={close} />)}>
          {t('casework.actions.request_document')}
        </Button>
      )}
    </Stack>
  );
}

// ---------------------------------------------------------------------------------------------
// Family tracing

function TracingAttemptForm({ caseId, close }: { caseId: string; close: () => void }) {
  const { t } = useTranslation();
  const written = useRecordWritten(caseId);
  const initialValues = {
    attemptedAt: toPickerValue(),
    channel: null as (typeof TRACING_CHANNELS)[number] | null,
    byName: '',
    result: null as (typeof TRACING_RESULTS)[number] | null,
    notes: '',
  };
  const form = useForm({
    initialValues,
    validate: (values, tr) => schemaErrors(createTracingAttemptBody, toBody(values), tr),
  });
  function toBody(values: typeof initialValues) {
    return {
      attemptedAt: fromPickerValue(values.attemptedAt),
      channel: values.channel ?? undefined,
      byName: optionalText(values.byName) ?? null,
      result: values.result ?? undefined,
      notes: optionalText(values.notes) ?? null,
    };
  }
  const submit = form.onSubmit(async (values) => {
    await api.post(`/cases/${caseId}/tracing-attempts`, toBody(values));
    await written();
    close();
  });
  return (
    <RecordModal title={t('casework.actions.record_attempt')} onClose={close} onSubmit={submit} submitting={form.submitting} error={form.error}>
      <DateTimeField label={t('fields.attemptedAt')} value={form.values.attemptedAt} onChange={(v) => form.setValue('attemptedAt', v)} error={form.errors.attemptedAt} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select label={t('fields.channel')} required data={enumOptions(t, 'tracing_channels', TRACING_CHANNELS)} comboboxProps={{ withinPortal: true }} {...form.getInputProps('channel')} />
        <Select label={t('fields.result')} required data={enumOptions(t, 'tracing_results', TRACING_RESULTS)} comboboxProps={{ withinPortal: true }} {...form.getInputProps('result')} />
      </SimpleGrid>
      <TextInput label={t('fields.byName')} {...form.getInputProps('byName')} />
      <Textarea label={t('fields.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
    </RecordModal>
  );
}

function CloseTracingForm({ caseId, close }: { caseId: string; close: () => void }) {
  const { t } = useTranslation();
  const written = useRecordWritten(caseId);
  const form = useForm({ initialValues: {} });
  const submit = form.onSubmit(async () => {
    await api.post(`/cases/${caseId}/tracing/close`, {});
    await written();
    close();
  });
  return (
    <RecordModal title={t('casework.actions.close_tracing')} onClose={close} onSubmit={submit} submitting={form.submitting} error={form.error} submitLabel={t('casework.actions.close_tracing')} submitColor="orange">
      <Text size="sm">{t('casesWeb.records.closeTracingConfirm')}</Text>
    </RecordModal>
  );
}

function TracingSection({ detail, records, canWrite, open, close }: SectionProps) {
  const { t } = useTranslation();
  const status = records.tracing.status;
  const isSettled = status === 'found' || status === 'closed_not_found';
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Text size="sm" c="dimmed">
          {t('casework.labels.tracing_status')}:
        </Text>
        <Badge variant="light" color={status === 'found' ? 'teal' : status === 'closed_not_found' ? 'gray' : status === 'in_progress' ? 'blue' : 'gray'} tt="none">
          {enumLabel(t, 'tracing_statuses', status)}
        </Badge>
      </Group>
      {records.tracing.attempts.length === 0 && <NoRecords />}
      {records.tracing.attempts.map((attempt) => (
        <ItemCard key={attempt.id}>
          <Group gap="xs">
            <Text size="sm" fw={600}>
              {enumLabel(t, 'tracing_channels', attempt.channel)}
            </Text>
            <Badge size="sm" variant="light" color={attempt.result === 'found' ? 'teal' : attempt.result === 'lead' ? 'blue' : 'gray'} tt="none">
              {enumLabel(t, 'tracing_results', attempt.result)}
            </Badge>
          </Group>
          <Facts facts={[[t('fields.byName'), attempt.byName], [t('fields.notes'), attempt.notes]]} />
          <RecordedBy name={attempt.recordedByName} at={attempt.attemptedAt} />
        </ItemCard>
      ))}
      {canWrite && !isSettled && (
        <Group gap="xs">
          <Button variant="light" size="xs" leftSection={<Icon name="plus" size={14} />} onClick={() => open(<TracingAttemptForm caseId={detail.id} close={close} />)}>
            {t('casework.actions.record_attempt')}
          </Button>
          {records.tracing.attempts.length > 0 && (
            <Button variant="subtle" color="orange" size="xs" onClick={() => open(<CloseTracingForm caseId={detail.id} close={close} />)}>
              {t('casework.actions.close_tracing')}
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}

// ---------------------------------------------------------------------------------------------
// Rehabilitation services (SPM)

function ServiceForm({ caseId, close }: { caseId: string; close: () => void }) {
  const { t } = useTranslation();
  const written = useRecordWritten(caseId);
  const initialValues = { service: null as (typeof SPM_SERVICES)[number] | null, serviceDate: todayDate(), quantity: 1 as number | string, notes: '' };
  const form = useForm({
    initialValues,
    validate: (values, tr) => schemaErrors(createServiceBody, toBody(values), tr),
  });
  function toBody(values: typeof initialValues) {
    return { service: values.service ?? undefined, serviceDate: values.serviceDate, quantity: toNumber(values.quantity) ?? 1, notes: optionalText(values.notes) ?? null };
  }
  const submit = form.onSubmit(async (values) => {
    await api.post(`/cases/${caseId}/services`, toBody(values));
    await written();
    close();
  });
  return (
    <RecordModal title={t('casework.actions.record_service')} onClose={close} onSubmit={submit} submitting={form.submitting} error={form.error}>
      <Select label={t('fields.service')} required data={enumOptions(t, 'spm_services', SPM_SERVICES)} comboboxProps={{ withinPortal: true }} {...form.getInputProps('service')} />
      <SimpleGrid cols={2} spacing="sm">
        <DateField label={t('fields.serviceDate')} required value={form.values.serviceDate} onChange={(v) => form.setValue('serviceDate', v)} error={form.errors.serviceDate} />
        <NumberInput label={t('fields.quantity')} min={1} max={1000} allowDecimal={false} {...form.getInputProps('quantity')} />
      </SimpleGrid>
      <Textarea label={t('fields.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
    </RecordModal>
  );
}

function ServicesSection({ detail, records, canWrite, open, close }: SectionProps) {
  const { t, i18n } = useTranslation();
  const { totals } = records.services;
  return (
    <Stack gap="xs">
      {totals.length === 0 ? (
        <NoRecords />
      ) : (
        <Table.ScrollContainer minWidth={300}>
          <Table fz="sm" verticalSpacing={4} data-testid="service-totals">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fields.service')}</Table.Th>
                <Table.Th ta="right">{t('casework.labels.total_quantity')}</Table.Th>
                <Table.Th ta="right">{t('casework.labels.service_days')}</Table.Th>
                <Table.Th visibleFrom="sm">{t('casesWeb.records.period')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {totals.map((total) => (
                <Table.Tr key={total.service}>
                  <Table.Td>{enumLabel(t, 'spm_services', total.service)}</Table.Td>
                  <Table.Td ta="right">{total.quantity}</Table.Td>
                  <Table.Td ta="right">{total.days}</Table.Td>
                  <Table.Td visibleFrom="sm" style={{ whiteSpace: 'nowrap' }}>
                    {formatDate(total.firstDate, i18n.language)}
                    {total.lastDate !== total.firstDate && ` – ${formatDate(total.lastDate, i18n.language)}`}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canWrite && (
        <Button variant="light" size="xs" style={{ alignSelf: 'flex-start' }} leftSection={<Icon name="plus" size={14} />} onClick={() => open(<ServiceForm caseId={detail.id} close={close} />)}>
          {t('casework.actions.record_service')}
        </Button>
      )}
    </Stack>
  );
}

// ---------------------------------------------------------------------------------------------
// Reunification / return home

function ReunificationForm({ detail, existing, close }: { detail: CaseDetail; existing: CaseRecordsView['reunification']; close: () => void }) {
  const { t } = useTranslation();
  const written = useRecordWritten(detail.id);
  const initialValues = {
    destinationType: (existing?.destinationType ?? null) as (typeof REUNIFICATION_DESTINATIONS)[number] | null,
    destinationName: existing?.destinationName ?? '',
    destinationAddress: existing?.destinationAddress ?? '',
    destinationRegionCode: existing?.destinationRegionCode ?? detail.client.originRegionCode ?? '',
    travelMode: existing?.travelMode ?? '',
    travelCost: (existing?.travelCost ?? '') as number | string,
    receivedByName: existing?.receivedByName ?? '',
    receivedByRelation: existing?.receivedByRelation ?? '',
    receivedByIdNumber: existing?.receivedByIdNumber ?? '',
    handedOverAt: existing ? toPickerValue(new Date(existing.handedOverAt)) : toPickerValue(),
    handoverNumber: existing?.handoverNumber ?? '',
    notes: existing?.notes ?? '',
  };
  const form = useForm({
    initialValues,
    validate: (values, tr) => schemaErrors(reunificationBody, toBody(values), tr),
  });
  function toBody(values: typeof initialValues) {
    return {
      destinationType: values.destinationType ?? undefined,
      destinationName: values.destinationName.trim(),
      destinationAddress: optionalText(values.destinationAddress) ?? null,
      destinationRegionCode: values.destinationRegionCode || null,
      travelMode: optionalText(values.travelMode) ?? null,
      travelCost: toNumber(values.travelCost),
      receivedByName: values.receivedByName.trim(),
      receivedByRelation: optionalText(values.receivedByRelation) ?? null,
      receivedByIdNumber: optionalText(values.receivedByIdNumber) ?? null,
      handedOverAt: fromPickerValue(values.handedOverAt),
      handoverNumber: optionalText(values.handoverNumber) ?? null,
      notes: optionalText(values.notes) ?? null,
    };
  }
  const submit = form.onSubmit(async (values) => {
    await api.post(`/cases/${detail.id}/reunification`, toBody(values));
    await written();
    close();
  });
  return (
    <RecordModal title={t('casework.actions.record_reunification')} onClose={close} onSubmit={submit} submitting={form.submitting} error={form.error}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select label={t('fields.destinationType')} required data={enumOptions(t, 'reunification_destinations', REUNIFICATION_DESTINATIONS)} comboboxProps={{ withinPortal: true }} {...form.getInputProps('destinationType')} />
        <TextInput label={t('fields.destinationName')} required {...form.getInputProps('destinationName')} />
      </SimpleGrid>
      <Textarea label={t('fields.destinationAddress')} autosize minRows={2} {...form.getInputProps('destinationAddress')} />
      <Text size="sm" fw={500}>
        {t('fields.destinationRegionCode')}
      </Text>
      <RegionCascade value={form.values.destinationRegionCode} onChange={(code) => form.setValue('destinationRegionCode', code)} error={form.errors.destinationRegionCode} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput label={t('fields.travelMode')} {...form.getInputProps('travelMode')} />
        <NumberInput label={t('fields.travelCost')} leftSection={<Text size="xs">Rp</Text>} thousandSeparator="." decimalSeparator="," allowDecimal={false} min={0} hideControls {...form.getInputProps('travelCost')} />
        <TextInput label={t('fields.receivedByName')} required {...form.getInputProps('receivedByName')} />
        <TextInput label={t('fields.receivedByRelation')} {...form.getInputProps('receivedByRelation')} />
        <TextInput label={t('fields.receivedByIdNumber')} inputMode="numeric" {...form.getInputProps('receivedByIdNumber')} />
        <DateTimeField label={t('fields.handedOverAt')} required value={form.values.handedOverAt} onChange={(v) => form.setValue('handedOverAt', v)} error={form.errors.handedOverAt} />
        <TextInput label={t('fields.handoverNumber')} {...form.getInputProps('handoverNumber')} />
      </SimpleGrid>
      <Textarea label={t('fields.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
    </RecordModal>
  );
}

function ReunificationSection({ detail, records, canWrite, open, close }: SectionProps) {
  const { t, i18n } = useTranslation();
  const reunification = records.reunification;
  return (
    <Stack gap="xs">
      {!reunification && <NoRecords />}
      {reunification && (
        <ItemCard testId="reunification">
          <Facts
            facts={[
              [t('fields.destinationType'), enumLabel(t, 'reunification_destinations', reunification.destinationType)],
              [t('fields.destinationName'), reunification.destinationName],
              [t('fields.destinationAddress'), reunification.destinationAddress],
              [t('fields.travelMode'), reunification.travelMode],
              [t('fields.travelCost'), reunification.travelCost !== null ? `Rp ${reunification.travelCost.toLocaleString('id-ID')}` : null],
              [t('fields.receivedByName'), [reunification.receivedByName, reunification.receivedByRelation].filter(Boolean).join(', ')],
              [t('fields.receivedByIdNumber'), reunification.receivedByIdNumber],
              [t('fields.handedOverAt'), formatDateTime(reunification.handedOverAt, i18n.language)],
              [t('fields.handoverNumber'), reunification.handoverNumber],
              [t('fields.notes'), reunification.notes],
            ]}
          />
          <Group gap="xs">
            <Anchor href={`/api/cases/${detail.id}/reunification/handover.pdf?lang=${i18n.language === 'en' ? 'en' : 'id'}`} size="sm" fw={600} download>
              {t('casework.actions.download_handover')}
            </Anchor>
          </Group>
        </ItemCard>
      )}
      {canWrite && (
        <Button
          variant="light"
          size="xs"
          style={{ alignSelf: 'flex-start' }}
          leftSection={reunification ? undefined : <Icon name="plus" size={14} />}
          onClick={() => open(<ReunificationForm detail={detail} existing={reunification} close={close} />)}
        >
          {reunification ? t('casesWeb.records.correct') : t('casework.actions.record_reunification')}
        </Button>
      )}
    </Stack>
  );
}

// ---------------------------------------------------------------------------------------------
// Monitoring and evaluation follow-ups

function ScheduleFollowUpForm({ caseId, close }: { caseId: string; close: () => void }) {
  const { t } = useTranslation();
  const written = useRecordWritten(caseId);
  const form = useForm({
    initialValues: { dueDate: '', notes: '' },
    validate: (values, tr) => schemaErrors(scheduleFollowUpBody, { dueDate: values.dueDate || undefined, notes: optionalText(values.notes) }, tr),
  });
  const submit = form.onSubmit(async (values) => {
    await api.post(`/cases/${caseId}/follow-ups`, { dueDate: values.dueDate, notes: optionalText(values.notes) ?? null });
    await written();
    close();
  });
  return (
    <RecordModal title={t('casework.actions.schedule_follow_up')} onClose={close} onSubmit={submit} submitting={form.submitting} error={form.error}>
      <DateField label={t('fields.dueDate')} required notAfterToday={false} minDate={todayDate()} value={form.values.dueDate} onChange={(v) => form.setValue('dueDate', v)} error={form.errors.dueDate} />
      <Textarea label={t('fields.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
    </RecordModal>
  );
}

function FollowUpDoneForm({ caseId, followUp, close }: { caseId: string; followUp: FollowUpView; close: () => void }) {
  const { t } = useTranslation();
  const written = useRecordWritten(caseId);
  const initialValues = { doneAt: toPickerValue(), channel: null as (typeof FOLLOW_UP_CHANNELS)[number] | null, situation: '', notes: '' };
  const form = useForm({
    initialValues,
    validate: (values, tr) => schemaErrors(followUpDoneBody, toBody(values), tr),
  });
  function toBody(values: typeof initialValues) {
    return { doneAt: fromPickerValue(values.doneAt), channel: values.channel ?? undefined, situation: values.situation.trim(), notes: optionalText(values.notes) ?? null };
  }
  const submit = form.onSubmit(async (values) => {
    await api.post(`/cases/${caseId}/follow-ups/${followUp.id}/done`, toBody(values));
    await written();
    close();
  });
  return (
    <RecordModal title={t('casework.actions.record_follow_up_done')} onClose={close} onSubmit={submit} submitting={form.submitting} error={form.error}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <DateTimeField label={t('fields.doneAt')} value={form.values.doneAt} onChange={(v) => form.setValue('doneAt', v)} error={form.errors.doneAt} />
        <Select label={t('fields.channel')} required data={enumOptions(t, 'follow_up_channels', FOLLOW_UP_CHANNELS)} comboboxProps={{ withinPortal: true }} {...form.getInputProps('channel')} />
      </SimpleGrid>
      <Textarea label={t('fields.situation')} required autosize minRows={3} {...form.getInputProps('situation')} />
      <Textarea label={t('fields.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
    </RecordModal>
  );
}

function FollowUpsSection({ detail, records, canWrite, open, close }: SectionProps) {
  const { t, i18n } = useTranslation();
  const today = todayDate();
  return (
    <Stack gap="xs">
      {records.followUps.length === 0 && <NoRecords />}
      {records.followUps.map((followUp) => {
        const isOverdue = !followUp.doneAt && followUp.dueDate < today;
        return (
          <ItemCard key={followUp.id}>
            <Group justify="space-between" gap="xs">
              <Text size="sm" fw={600}>
                {t('casework.labels.due')}: {formatDate(followUp.dueDate, i18n.language)}
              </Text>
              <Badge variant="light" color={followUp.doneAt ? 'teal' : isOverdue ? 'red' : 'blue'} tt="none">
                {followUp.doneAt ? t('casework.labels.done') : isOverdue ? t('casework.labels.overdue') : t('casework.labels.due')}
              </Badge>
            </Group>
            <Facts
              facts={[
                [t('fields.doneAt'), followUp.doneAt ? formatDateTime(followUp.doneAt, i18n.language) : null],
                [t('fields.channel'), followUp.channel ? enumLabel(t, 'follow_up_channels', followUp.channel) : null],
                [t('fields.situation'), followUp.situation],
                [t('fields.notes'), followUp.notes],
              ]}
            />
            {canWrite && !followUp.doneAt && (
              <Button size="compact-sm" variant="light" style={{ alignSelf: 'flex-start' }} onClick={() => open(<FollowUpDoneForm caseId={detail.id} followUp={followUp} close={close} />)}>
                {t('casework.actions.record_follow_up_done')}
              </Button>
            )}
          </ItemCard>
        );
      })}
      {canWrite && (
        <Button variant="light" size="xs" style={{ alignSelf: 'flex-start' }} leftSection={<Icon name="plus" size={14} />} onClick={() => open(<ScheduleFollowUpForm caseId={detail.id} close={close} />)}>
          {t('casework.actions.schedule_follow_up')}
        </Button>
      )}
    </Stack>
  );
}

// ---------------------------------------------------------------------------------------------
// Belongings

function DepositForm({ caseId, close }: { caseId: string; close: () => void }) {
  const { t } = useTranslation();
  const written = useRecordWritten(caseId);
  const initialValues = { description: '', quantity: 1 as number | string, depositedAt: toPickerValue() };
  const form = useForm({
    initialValues,
    validate: (values, tr) => schemaErrors(depositBelongingBody, toBody(values), tr),
  });
  function toBody(values: typeof initialValues) {
    return { description: values.description.trim(), quantity: toNumber(values.quantity) ?? 1, depositedAt: fromPickerValue(values.depositedAt) };
  }
  const submit = form.onSubmit(async (values) => {
    await api.post(`/cases/${caseId}/belongings`, toBody(values));
    await written();
    close();
  });
  return (
    <RecordModal title={t('casework.actions.deposit_belonging')} onClose={close} onSubmit={submit} submitting={form.submitting} error={form.error}>
      <TextInput label={t('fields.description')} required placeholder={t('casesWeb.records.belongingPlaceholder')} {...form.getInputProps('description')} />
      <SimpleGrid cols={2} spacing="sm">
        <NumberInput label={t('fields.quantity')} min={1} allowDecimal={false} {...form.getInputProps('quantity')} />
        <DateTimeField label={t('fields.depositedAt')} value={form.values.depositedAt} onChange={(v) => form.setValue('depositedAt', v)} error={form.errors.depositedAt} />
      </SimpleGrid>
    </RecordModal>
  );
}

function ReturnForm({ caseId, belonging, close }: { caseId: string; belonging: BelongingView; close: () => void }) {
  const { t } = useTranslation();
  const written = useRecordWritten(caseId);
  const form = useForm({
    initialValues: { returnedTo: '', returnedAt: toPickerValue() },
    validate: (values, tr) => schemaErrors(returnBelongingBody, { returnedTo: values.returnedTo.trim(), returnedAt: fromPickerValue(values.returnedAt) }, tr),
  });
  const submit = form.onSubmit(async (values) => {
    await api.post(`/cases/${caseId}/belongings/${belonging.id}/return`, { returnedTo: values.returnedTo.trim(), returnedAt: fromPickerValue(values.returnedAt) });
    await written();
    close();
  });
  return (
    <RecordModal title={`${t('casework.actions.return_belonging')}: ${belonging.description}`} onClose={close} onSubmit={submit} submitting={form.submitting} error={form.error}>
      <TextInput label={t('fields.returnedTo')} required {...form.getInputProps('returnedTo')} />
      <DateTimeField label={t('fields.returnedAt')} value={form.values.returnedAt} onChange={(v) => form.setValue('returnedAt', v)} error={form.errors.returnedAt} />
    </RecordModal>
  );
}

function BelongingsSection({ detail, records, canWrite, open, close }: SectionProps) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="xs">
      {records.belongings.length === 0 && <NoRecords />}
      {records.belongings.map((item) => (
        <ItemCard key={item.id}>
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
              {item.description}
              {item.quantity > 1 ? ` × ${item.quantity}` : ''}
            </Text>
            <Badge variant="light" color={item.returnedAt ? 'teal' : 'blue'} tt="none" style={{ flexShrink: 0 }}>
              {item.returnedAt ? t('casework.labels.returned') : t('casework.labels.in_custody')}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed">
            {t('fields.depositedAt')}: {formatDateTime(item.depositedAt, i18n.language)}
            {item.returnedAt && ` · ${t('fields.returnedTo')}: ${item.returnedTo} (${formatDateTime(item.returnedAt, i18n.language)})`}
          </Text>
          {canWrite && !item.returnedAt && (
            <Button size="compact-sm" variant="light" style={{ alignSelf: 'flex-start' }} onClick={() => open(<ReturnForm caseId={detail.id} belonging={item} close={close} />)}>
              {t('casework.actions.return_belonging')}
            </Button>
          )}
        </ItemCard>
      ))}
      {canWrite && (
        <Button variant="light" size="xs" style={{ alignSelf: 'flex-start' }} leftSection={<Icon name="plus" size={14} />} onClick={() => open(<DepositForm caseId={detail.id} close={close} />)}>
          {t('casework.actions.deposit_belonging')}
        </Button>
      )}
    </Stack>
  );
}

// ---------------------------------------------------------------------------------------------

const SECTION_BY_STAGE: Record<string, string[]> = {
  reception: ['belongings'],
  initial_identification: ['health', 'belongings'],
  health_civil_check: ['health', 'identity_documents'],
  family_tracing: ['tracing'],
  assessment: ['attachments'],
  rehabilitation: ['shelter', 'services'],
  reunification: ['reunification', 'belongings'],
  monitoring_evaluation: ['follow_ups'],
};

/** The records of every stage, as sections that open by the stage in progress. */
export function CaseRecords({ detail, canWrite: mayWrite }: { detail: CaseDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const [modal, setModal] = useState<ReactNode>(null);
  const current = detail.stages.find((stage) => stage.status === 'in_progress')?.key ?? '';
  const [opened, setOpened] = useState<string[]>(() => SECTION_BY_STAGE[current] ?? []);
  // Moving on to the next stage opens the sections it works with.
  useEffect(() => {
    const sections = SECTION_BY_STAGE[current] ?? [];
    setOpened((open) => (sections.every((key) => open.includes(key)) ? open : [...new Set([...open, ...sections])]));
  }, [current]);
  const records = useQuery({
    queryKey: recordsKey(detail.id),
    queryFn: ({ signal }) => api.get<CaseRecordsView>(`/cases/${detail.id}/records`, undefined, signal),
  });
  const canWrite = mayWrite && detail.status === 'open';
  const open: Open = (node) => setModal(node);
  const close = () => setModal(null);

  if (records.isError) return <ApiErrorAlert error={records.error} />;
  const data = records.data;
  const props = data ? { detail, records: data, canWrite, open, close } : null;
  const sections: { key: string; title: string; count?: number; countColor?: string; body: ReactNode }[] = [
    { key: 'health', title: t('casework.sections.health'), count: data?.healthChecks.length, body: props && <HealthSection {...props} /> },
    {
      key: 'identity_documents',
      title: t('casework.sections.identity_documents'),
      count: data?.identityDocuments.length,
      body: props && <IdentityDocumentsSection {...props} />,
    },
    { key: 'tracing', title: t('casework.sections.tracing'), count: data?.tracing.attempts.length, body: props && <TracingSection {...props} /> },
    { key: 'shelter', title: t('shelter.title'), body: <ShelterStay detail={detail} canWrite={canWrite} /> },
    { key: 'services', title: t('casework.sections.services'), count: data?.services.totals.length, body: props && <ServicesSection {...props} /> },
    {
      key: 'reunification',
      title: t('casework.sections.reunification'),
      count: data?.reunification ? 1 : 0,
      countColor: 'teal',
      body: props && <ReunificationSection {...props} />,
    },
    {
      key: 'follow_ups',
      title: t('casework.sections.follow_ups'),
      count: data?.followUps.filter((f) => !f.doneAt).length,
      countColor: 'blue',
      body: props && <FollowUpsSection {...props} />,
    },
    {
      key: 'belongings',
      title: t('casework.sections.belongings'),
      count: data?.belongings.filter((b) => !b.returnedAt).length,
      countColor: 'blue',
      body: props && <BelongingsSection {...props} />,
    },
    { key: 'attachments', title: t('attachments.title'), body: <CaseAttachments detail={detail} canWrite={mayWrite} /> },
  ];

  return (
    <DatesScope>
      <Accordion multiple value={opened} onChange={setOpened} variant="separated" radius="md" chevronPosition="right" data-testid="case-records">
        {sections.map((section) => (
          <Accordion.Item key={section.key} value={section.key} data-testid={`records-${section.key}`}>
            <Accordion.Control>
              <Group gap="xs" wrap="nowrap">
                <Text fw={600} size="sm">
                  {section.title}
                </Text>
                <CountBadge count={section.count ?? 0} color={section.countColor} />
              </Group>
            </Accordion.Control>
            <Accordion.Panel>{section.body ?? <NoRecords />}</Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
      {modal}
    </DatesScope>
  );
}
