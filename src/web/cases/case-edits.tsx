/**
 * Changes after intake, from the case page: correct the client's identity (the same fields and live
 * NIK check as the intake), the client's family members and contacts, the case details (categories,
 * presenting problem, civil registration, who brought the client) and the worker responsible.
 */
import { Button, Group, Modal, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type AssignableWorker,
  type CaseDetail,
  clientIdentityInput,
  type FamilyMemberView,
  familyMemberInput,
  updateCaseBody,
} from '../../shared/contracts/cases.js';
import { CIVIL_REGISTRATION } from '../../shared/domain/enums.js';
import { api, request } from '../api.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { Icon } from '../components/icons.js';
import { roleLabel } from '../components/labels.js';
import { optionalText, schemaErrors, useForm } from '../forms.js';
import { CategorySelect } from './category-select.js';
import { enumOptions } from './case-format.js';
import { ClientIdentityFields, identityBody, identityValues } from './client-identity-fields.js';
import { DatesScope } from './date-fields.js';
import { NoRecords, RecordModal, useRecordWritten } from './record-kit.js';

const familyKey = (clientId: string) => ['clients', clientId, 'family-members'] as const;
const nullableText = (value: string) => optionalText(value) ?? null;

/** Correct or complete the client's identity (PATCH /api/clients/:id); every change is audited. */
export function EditClientModal({ detail, onClose }: { detail: CaseDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const written = useRecordWritten(detail.id);
  const form = useForm({
    initialValues: identityValues(detail.client),
    validate: (values, tr) => schemaErrors(clientIdentityInput, identityBody(values), tr),
  });
  const submit = form.onSubmit(async (values) => {
    await api.patch(`/clients/${detail.client.id}`, identityBody(values));
    await written();
    onClose();
  });
  return (
    <DatesScope>
      <RecordModal title={t('caseEdit.editClient')} onClose={onClose} onSubmit={submit} submitting={form.submitting} error={form.error}>
        <ClientIdentityFields values={form.values} errors={form.errors} setValue={form.setValue} clientId={detail.client.id} />
      </RecordModal>
    </DatesScope>
  );
}

/** Categories, presenting problem, civil registration and who brought the client (PATCH /api/cases/:id). */
export function EditCaseModal({ detail, onClose }: { detail: CaseDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const written = useRecordWritten(detail.id);
  const form = useForm({
    initialValues: {
      categories: detail.categories,
      presentingProblem: detail.presentingProblem ?? '',
      civilRegistration: detail.civilRegistration as string,
      broughtByName: detail.broughtByName ?? '',
      broughtByAgency: detail.broughtByAgency ?? '',
      letterNumber: detail.letterNumber ?? '',
      foundLocation: detail.foundLocation ?? '',
    },
    validate: (values, tr) => {
      const errors = schemaErrors(updateCaseBody, toBody(values), tr);
      if (values.categories.length === 0) errors.categories = tr('validation.required');
      return errors;
    },
  });
  type Values = typeof form.values;
  function toBody(values: Values) {
    return {
      categories: values.categories,
      presentingProblem: nullableText(values.presentingProblem),
      civilRegistration: values.civilRegistration,
      broughtByName: nullableText(values.broughtByName),
      broughtByAgency: nullableText(values.broughtByAgency),
      letterNumber: nullableText(values.letterNumber),
      foundLocation: nullableText(values.foundLocation),
    };
  }
  const submit = form.onSubmit(async (values) => {
    await api.patch(`/cases/${detail.id}`, toBody(values));
    await written();
    onClose();
  });
  return (
    <RecordModal title={t('caseEdit.editCase')} onClose={onClose} onSubmit={submit} submitting={form.submitting} error={form.error}>
      <CategorySelect label={t('fields.categories')} description={t('casesWeb.intake.categoriesHint')} required {...form.getInputProps('categories')} />
      <Textarea label={t('casesWeb.intake.presentingProblem')} autosize minRows={3} {...form.getInputProps('presentingProblem')} />
      <Select
        label={t('casesWeb.case.civilRegistration')}
        data={enumOptions(t, 'civil_registration', CIVIL_REGISTRATION)}
        allowDeselect={false}
        comboboxProps={{ withinPortal: true }}
        {...form.getInputProps('civilRegistration')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput label={t('casesWeb.intake.broughtByName')} autoComplete="off" {...form.getInputProps('broughtByName')} />
        <TextInput label={t('casesWeb.intake.broughtByAgency')} {...form.getInputProps('broughtByAgency')} />
        <TextInput label={t('casesWeb.intake.letterNumber')} {...form.getInputProps('letterNumber')} />
        <TextInput label={t('fields.foundLocation')} {...form.getInputProps('foundLocation')} />
      </SimpleGrid>
    </RecordModal>
  );
}

/** Choose the worker responsible for the case, from those the server says may take it. */
export function AssignWorkerModal({ detail, onClose }: { detail: CaseDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const written = useRecordWritten(detail.id);
  const workers = useQuery({
    queryKey: ['cases', 'assignable-workers', detail.id],
    queryFn: ({ signal }) => api.get<{ items: AssignableWorker[] }>(`/cases/${detail.id}/assignable-workers`, undefined, signal),
    select: (data) => data.items,
  });
  const form = useForm({ initialValues: { assignedWorkerId: detail.assignedWorkerId as string | null } });
  const submit = form.onSubmit(async (values) => {
    await api.patch(`/cases/${detail.id}`, { assignedWorkerId: values.assignedWorkerId });
    await written();
    onClose();
  });
  return (
    <RecordModal title={t('caseEdit.assignTitle')} onClose={onClose} onSubmit={submit} submitting={form.submitting} error={form.error}>
      <Text size="sm" c="dimmed">
        {t('caseEdit.assignIntro')}
      </Text>
      <ApiErrorAlert error={workers.error} />
      <Select
        label={t('caseEdit.worker')}
        placeholder={workers.isPending ? t('web.common.loading') : t('caseEdit.chooseWorker')}
        data={(workers.data ?? []).map((w) => ({ value: w.id, label: `${w.name} · ${roleLabel(t, w.role)}` }))}
        disabled={workers.isPending}
        searchable
        clearable
        nothingFoundMessage={t('web.common.nothingFound')}
        comboboxProps={{ withinPortal: true }}
        {...form.getInputProps('assignedWorkerId')}
      />
    </RecordModal>
  );
}

const emptyFamilyMember = { name: '', relation: '', phone: '', address: '', notes: '' };

function familyMemberBody(values: typeof emptyFamilyMember) {
  return {
    name: values.name.trim(),
    relation: values.relation.trim(),
    phone: nullableText(values.phone),
    address: nullableText(values.address),
    notes: nullableText(values.notes),
  };
}

function AddFamilyMemberModal({ clientId, caseId, onClose }: { clientId: string; caseId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const written = useRecordWritten(caseId);
  const form = useForm({
    initialValues: emptyFamilyMember,
    validate: (values, tr) => schemaErrors(familyMemberInput, familyMemberBody(values), tr),
  });
  const submit = form.onSubmit(async (values) => {
    await api.post(`/clients/${clientId}/family-members`, familyMemberBody(values));
    await Promise.all([queryClient.invalidateQueries({ queryKey: familyKey(clientId) }), written()]);
    onClose();
  });
  return (
    <RecordModal title={t('caseEdit.family.addTitle')} onClose={onClose} onSubmit={submit} submitting={form.submitting} error={form.error}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput label={t('caseEdit.family.name')} required autoComplete="off" {...form.getInputProps('name')} />
        <TextInput
          label={t('caseEdit.family.relation')}
          placeholder={t('caseEdit.family.relationPlaceholder')}
          required
          {...form.getInputProps('relation')}
        />
        <TextInput label={t('caseEdit.family.phone')} type="tel" inputMode="tel" {...form.getInputProps('phone')} />
      </SimpleGrid>
      <Textarea label={t('caseEdit.family.address')} autosize minRows={2} {...form.getInputProps('address')} />
      <Textarea label={t('caseEdit.family.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
    </RecordModal>
  );
}

function RemoveFamilyMemberModal({ member, clientId, caseId, onClose }: { member: FamilyMemberView; clientId: string; caseId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const written = useRecordWritten(caseId);
  const [error, setError] = useState<unknown>(null);
  const [removing, setRemoving] = useState(false);
  const remove = async () => {
    setRemoving(true);
    try {
      await request('DELETE', `/clients/${clientId}/family-members/${member.id}`);
      await Promise.all([queryClient.invalidateQueries({ queryKey: familyKey(clientId) }), written()]);
      onClose();
    } catch (caught) {
      setError(caught);
    } finally {
      setRemoving(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={t('caseEdit.family.removeTitle')}>
      <Stack>
        <Text size="sm">{t('caseEdit.family.removeConfirm', { name: member.name })}</Text>
        <ApiErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('web.common.cancel')}
          </Button>
          <Button color="red" loading={removing} onClick={remove}>
            {t('caseEdit.family.remove')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The client's family members and contacts, with add and remove for those who may change client records. */
export function FamilyMembers({ detail, canWrite }: { detail: CaseDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const clientId = detail.client.id;
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<FamilyMemberView | null>(null);
  const members = useQuery({
    queryKey: familyKey(clientId),
    queryFn: ({ signal }) => api.get<{ items: FamilyMemberView[] }>(`/clients/${clientId}/family-members`, undefined, signal),
    select: (data) => data.items,
  });
  return (
    <Stack gap="xs" data-testid="family-members">
      <ApiErrorAlert error={members.error} />
      {members.data && members.data.length === 0 && <NoRecords />}
      {members.data?.map((member) => (
        <Paper key={member.id} withBorder radius="sm" p="xs" data-testid="family-member">
          <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                {member.name} <Text span size="sm" c="dimmed" fw={400}>({member.relation})</Text>
              </Text>
              {member.phone && (
                <Text size="sm" ff="monospace">
                  {member.phone}
                </Text>
              )}
              {member.address && (
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-line' }}>
                  {member.address}
                </Text>
              )}
              {member.notes && (
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-line' }}>
                  {member.notes}
                </Text>
              )}
            </Stack>
            {canWrite && (
              <Button size="compact-xs" variant="subtle" color="red" onClick={() => setRemoving(member)} aria-label={`${t('caseEdit.family.remove')} ${member.name}`}>
                <Icon name="trash" size={14} />
              </Button>
            )}
          </Group>
        </Paper>
      ))}
      {canWrite && (
        <Group>
          <Button size="xs" variant="light" leftSection={<Icon name="plus" size={14} />} onClick={() => setAdding(true)}>
            {t('caseEdit.family.add')}
          </Button>
        </Group>
      )}
      {adding && <AddFamilyMemberModal clientId={clientId} caseId={detail.id} onClose={() => setAdding(false)} />}
      {removing && <RemoveFamilyMemberModal member={removing} clientId={clientId} caseId={detail.id} onClose={() => setRemoving(null)} />}
    </Stack>
  );
}
