/**
 * The case's stay in the shelter: the bed the client is on, nights stayed against the unit's limit
 * (orange near it, red past it), the history, and admit / move / discharge.
 */
import { Alert, Badge, Button, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../shared/contracts/cases.js';
import type { CaseStaysView, RoomView, StayView } from '../../shared/contracts/shelter.js';
import { api } from '../api.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { formatDateTime } from '../components/labels.js';
import { Icon } from '../components/icons.js';
import { optionalText, useForm } from '../forms.js';
import { fromPickerValue, toPickerValue } from './case-format.js';
import { DateTimeField } from './date-fields.js';
import { Facts } from './facts.js';
import { RecordModal, staysKey, useRecordWritten } from './record-kit.js';

/** Free beds of the case's unit, grouped by room, with rooms for the other sex left out. */
function useFreeBeds(detail: CaseDetail, currentBedId: string | null) {
  const { t } = useTranslation();
  const rooms = useQuery({
    queryKey: ['shelter-rooms', detail.organizationId],
    queryFn: ({ signal }) => api.get<RoomView[]>('/shelter/rooms', { organizationId: detail.organizationId }, signal),
  });
  const sex = detail.client.sex;
  const data = (rooms.data ?? [])
    .filter((room) => room.isActive && (room.sex === 'mixed' || sex === 'unknown' || room.sex === sex))
    .map((room) => ({
      group: `${room.name} (${t(`shelter.room_sexes.${room.sex}`)})`,
      items: room.beds
        .filter((bed) => bed.isActive && !bed.isOccupied && bed.id !== currentBedId)
        .map((bed) => ({ value: bed.id, label: `${room.name} · ${bed.label}` })),
    }))
    .filter((group) => group.items.length > 0);
  return { ...rooms, data };
}

function BedForm({ detail, stay, close }: { detail: CaseDetail; stay: StayView | null; close: () => void }) {
  const { t } = useTranslation();
  const written = useRecordWritten(detail.id);
  const beds = useFreeBeds(detail, stay?.bedId ?? null);
  const form = useForm({
    initialValues: { bedId: null as string | null, at: toPickerValue() },
    validate: (values, tr) => (values.bedId ? {} : { bedId: tr('validation.required') }),
    serverFields: { admittedAt: 'at' },
  });
  const submit = form.onSubmit(async (values) => {
    if (stay) await api.post(`/shelter/stays/${stay.id}/move`, { bedId: values.bedId, at: fromPickerValue(values.at) });
    else await api.post('/shelter/stays', { caseId: detail.id, bedId: values.bedId, admittedAt: fromPickerValue(values.at) });
    await written();
    close();
  });
  return (
    <RecordModal title={stay ? t('shelter.move') : t('shelter.admit')} onClose={close} onSubmit={submit} submitting={form.submitting} error={form.error}>
      <ApiErrorAlert error={beds.error} />
      <Select
        label={t('shelter.chooseBed')}
        required
        data={beds.data}
        disabled={beds.isPending}
        nothingFoundMessage={t('shelter.noFreeBed')}
        placeholder={beds.isPending ? t('web.common.loading') : beds.data.length === 0 ? t('shelter.noFreeBed') : undefined}
        comboboxProps={{ withinPortal: true }}
        {...form.getInputProps('bedId')}
      />
      <DateTimeField
        label={stay ? t('fields.at') : t('fields.admittedAt')}
        required
        value={form.values.at}
        onChange={(value) => form.setValue('at', value)}
        error={form.errors.at}
      />
    </RecordModal>
  );
}

function DischargeForm({ detail, stay, close }: { detail: CaseDetail; stay: StayView; close: () => void }) {
  const { t } = useTranslation();
  const written = useRecordWritten(detail.id);
  const form = useForm({ initialValues: { at: toPickerValue(), notes: '' } });
  const submit = form.onSubmit(async (values) => {
    await api.post(`/shelter/stays/${stay.id}/discharge`, { at: fromPickerValue(values.at), notes: optionalText(values.notes) ?? null });
    await written();
    close();
  });
  return (
    <RecordModal
      title={t('shelter.discharge')}
      onClose={close}
      onSubmit={submit}
      submitting={form.submitting}
      error={form.error}
      submitLabel={t('shelter.discharge')}
      submitColor="orange"
    >
      <Text size="sm">{t('shelter.dischargeConfirm', { name: detail.clientName })}</Text>
      <DateTimeField label={t('shelter.dischargedAt')} required value={form.values.at} onChange={(value) => form.setValue('at', value)} error={form.errors.at} />
      <Textarea label={t('fields.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
    </RecordModal>
  );
}

export function ShelterStay({ detail, canWrite }: { detail: CaseDetail; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const [modal, setModal] = useState<'admit' | 'move' | 'discharge' | null>(null);
  const stays = useQuery({
    queryKey: staysKey(detail.id),
    queryFn: ({ signal }) => api.get<CaseStaysView>('/shelter/stays', { caseId: detail.id }, signal),
  });
  if (stays.isPending) return null;
  if (stays.isError) return <ApiErrorAlert error={stays.error} />;
  const view = stays.data;
  const current = view.currentStay;
  const close = () => setModal(null);
  const nights = t('shelter.daysStayedValue', { count: view.daysStayed });

  return (
    <Stack gap="xs" data-testid="shelter-stay">
      {current ? (
        <Facts
          facts={[
            [t('shelter.bed'), `${current.roomName} · ${current.bedLabel}`],
            [t('shelter.onBedSince'), formatDateTime(current.admittedAt, i18n.language)],
          ]}
        />
      ) : (
        <Text size="sm" c="dimmed">
          {t('shelter.notAdmitted')}
        </Text>
      )}
      {view.firstAdmittedAt && (
        <Group gap="xs">
          <Text size="sm">
            {t('shelter.daysStayed')}: <b>{nights}</b> · {t('shelter.stayLimit', { count: view.stayLimitDays })}
          </Text>
          {view.isOverStay ? (
            <Badge color="red" leftSection={<Icon name="alert" size={10} />} tt="none">
              {t('shelter.overStay')}
            </Badge>
          ) : view.isStayWarning ? (
            <Badge color="orange" variant="light" tt="none">
              {t('shelter.stayWarning')} · {t('shelter.daysLeft', { count: view.daysLeft })}
            </Badge>
          ) : null}
        </Group>
      )}
      {view.isOverStay && current && (
        <Alert color="red" variant="light" p="xs">
          <Text size="sm">{t('shelter.stayRule')}</Text>
        </Alert>
      )}
      {view.stays.filter((stay) => stay.dischargedAt).length > 0 && (
        <Stack gap={2}>
          <Text size="xs" fw={600} c="dimmed">
            {t('shelter.stayHistory')}
          </Text>
          {view.stays
            .filter((stay) => stay.dischargedAt)
            .map((stay) => (
              <Text key={stay.id} size="xs" c="dimmed">
                {stay.roomName} · {stay.bedLabel}: {formatDateTime(stay.admittedAt, i18n.language)} – {formatDateTime(stay.dischargedAt, i18n.language)}
              </Text>
            ))}
        </Stack>
      )}
      {canWrite && (
        <Group gap="xs">
          {current ? (
            <>
              <Button size="xs" variant="light" onClick={() => setModal('move')}>
                {t('shelter.move')}
              </Button>
              <Button size="xs" variant="subtle" color="orange" onClick={() => setModal('discharge')}>
                {t('shelter.discharge')}
              </Button>
            </>
          ) : (
            <Button size="xs" variant="light" leftSection={<Icon name="plus" size={14} />} onClick={() => setModal('admit')}>
              {t('shelter.admit')}
            </Button>
          )}
        </Group>
      )}
      {modal === 'admit' && <BedForm detail={detail} stay={null} close={close} />}
      {modal === 'move' && current && <BedForm detail={detail} stay={current} close={close} />}
      {modal === 'discharge' && current && <DischargeForm detail={detail} stay={current} close={close} />}
    </Stack>
  );
}
