/**
 * Rooms and beds of a shelter unit: create a room with its beds, rename it, set who it is for, add
 * beds, and take a bed or a room out of service (refused while someone is on it). Managed by the
 * administrator and the head of the unit; caseworkers see the list read-only.
 */
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Input,
  Loader,
  Menu,
  Modal,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type BedView, createRoomBody, ROOM_SEXES, type RoomSex, type RoomView, updateRoomBody } from '../../shared/contracts/shelter.js';
import { type ApiError, api } from '../api.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { Icon } from '../components/icons.js';
import { schemaErrors } from '../forms.js';
import { type FieldErrors, MANAGE_ROOMS, newRowId, SettingsHeader, splitApiError, useCanAny, useSettingsUnit } from './settings-common.js';

const SEX_COLORS: Record<RoomSex, string> = { male: 'blue', female: 'pink', mixed: 'grape' };

type Dialog =
  | { mode: 'create' }
  | { mode: 'edit'; room: RoomView }
  | { mode: 'addBed'; room: RoomView }
  | { mode: 'editBed'; room: RoomView; bed: BedView };

/** Send one write, then refresh every list of this unit's rooms (the case pages keep their own). */
function useRoomWrite(organizationId: string) {
  const queryClient = useQueryClient();
  return async <T,>(write: () => Promise<T>): Promise<T> => {
    const result = await write();
    await queryClient.invalidateQueries({ queryKey: ['shelter-rooms', organizationId] });
    return result;
  };
}

function SexControl({ value, onChange, labelId }: { value: RoomSex; onChange: (sex: RoomSex) => void; labelId: string }) {
  const { t } = useTranslation();
  return (
    <div>
      <Input.Label id={labelId} mb={4}>
        {t('shelter.roomFor')}
      </Input.Label>
      <SegmentedControl
        aria-labelledby={labelId}
        fullWidth
        data={ROOM_SEXES.map((sex) => ({ value: sex, label: t(`shelter.room_sexes.${sex}`) }))}
        value={value}
        onChange={(next) => onChange(next as RoomSex)}
      />
    </div>
  );
}

function RoomDialog({ dialog, organizationId, onClose }: { dialog: Dialog; organizationId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 47.99em)');
  const write = useRoomWrite(organizationId);
  const room = dialog.mode === 'create' ? null : dialog.room;
  const [name, setName] = useState(room?.name ?? '');
  const [sex, setSex] = useState<RoomSex>(room?.sex ?? 'mixed');
  const [beds, setBeds] = useState<{ rowId: string; label: string }[]>(() =>
    dialog.mode === 'create' ? [{ rowId: newRowId(), label: '' }] : [],
  );
  const [label, setLabel] = useState(dialog.mode === 'editBed' ? dialog.bed.label : '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const title =
    dialog.mode === 'create'
      ? t('shelter.addRoom')
      : dialog.mode === 'edit'
        ? t('settingsWeb.rooms.editTitle', { room: dialog.room.name })
        : dialog.mode === 'addBed'
          ? t('settingsWeb.rooms.addBedTitle', { room: dialog.room.name })
          : t('settingsWeb.rooms.editBedTitle', { bed: dialog.bed.label, room: dialog.room.name });

  const run = async (check: FieldErrors, send: () => Promise<unknown>) => {
    setError(null);
    if (Object.keys(check).length > 0) {
      setErrors(check);
      return;
    }
    setErrors({});
    setSubmitting(true);
    try {
      await write(send);
      onClose();
    } catch (caught) {
      const { fields, rest } = splitApiError(caught, (field) => ['name', 'sex', 'label'].includes(field) || field.startsWith('bedLabels'));
      setErrors(fields);
      setError(Object.keys(fields).length > 0 && rest.fields.length === 0 ? null : rest);
    } finally {
      setSubmitting(false);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (dialog.mode === 'create') {
      const body = { organizationId, name: name.trim(), sex, bedLabels: beds.map((b) => b.label.trim()).filter(Boolean) };
      const check = schemaErrors(createRoomBody, body, t);
      const labels = body.bedLabels.map((l) => l.toLowerCase());
      labels.forEach((l, i) => {
        if (labels.indexOf(l) !== i) check[`bedLabels.${i}`] = t('errors.shelter.bed_label_taken');
      });
      await run(check, () => api.post<RoomView>('/shelter/rooms', body));
    } else if (dialog.mode === 'edit') {
      const body = { name: name.trim(), sex };
      await run(schemaErrors(updateRoomBody, body, t), () => api.patch<RoomView>(`/shelter/rooms/${dialog.room.id}`, body));
    } else if (dialog.mode === 'addBed') {
      const check: FieldErrors = label.trim() ? {} : { label: t('validation.required') };
      await run(check, () => api.post<RoomView>(`/shelter/rooms/${dialog.room.id}/beds`, { label: label.trim() }));
    } else {
      const check: FieldErrors = label.trim() ? {} : { label: t('validation.required') };
      await run(check, () => api.patch<RoomView>(`/shelter/beds/${dialog.bed.id}`, { label: label.trim() }));
    }
  };

  // Bed label errors from the server point at positions among the non-empty labels sent.
  const sentIndex = (rowIndex: number) => beds.slice(0, rowIndex).filter((b) => b.label.trim()).length;

  return (
    <Modal opened onClose={onClose} title={title} size="md" fullScreen={isPhone}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {(dialog.mode === 'create' || dialog.mode === 'edit') && (
            <>
              <TextInput
                label={t('shelter.roomName')}
                required
                data-autofocus
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                error={errors.name}
              />
              <SexControl value={sex} onChange={setSex} labelId="room-sex-label" />
            </>
          )}
          {dialog.mode === 'create' && (
            <Stack gap="xs">
              <Input.Label>{t('shelter.beds')}</Input.Label>
              {beds.map((bed, i) => (
                <Group key={bed.rowId} gap="xs" wrap="nowrap" align="flex-start">
                  <TextInput
                    aria-label={t('settingsWeb.rooms.bedLabelN', { n: i + 1 })}
                    placeholder={t('settingsWeb.rooms.bedLabelPlaceholder', { n: i + 1 })}
                    value={bed.label}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      setBeds((current) => current.map((b) => (b.rowId === bed.rowId ? { ...b, label: value } : b)));
                    }}
                    error={bed.label.trim() ? errors[`bedLabels.${sentIndex(i)}`] : undefined}
                    style={{ flex: 1 }}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    aria-label={t('settingsWeb.rooms.removeBedRow', { n: i + 1 })}
                    onClick={() => setBeds((current) => current.filter((b) => b.rowId !== bed.rowId))}
                  >
                    <Icon name="x" size={16} />
                  </ActionIcon>
                </Group>
              ))}
              <Button
                variant="subtle"
                size="compact-sm"
                w="fit-content"
                leftSection={<Icon name="plus" size={14} />}
                onClick={() => setBeds((current) => [...current, { rowId: newRowId(), label: '' }])}
              >
                {t('shelter.addBed')}
              </Button>
              <Text size="xs" c="dimmed">
                {t('settingsWeb.rooms.bedsHelp')}
              </Text>
            </Stack>
          )}
          {(dialog.mode === 'addBed' || dialog.mode === 'editBed') && (
            <TextInput
              label={t('shelter.bedLabel')}
              required
              data-autofocus
              value={label}
              onChange={(e) => setLabel(e.currentTarget.value)}
              error={errors.label}
            />
          )}
          <ApiErrorAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('web.common.cancel')}
            </Button>
            <Button type="submit" loading={submitting}>
              {t('web.common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function BedChip({
  room,
  bed,
  canManage,
  onOpen,
  onToggle,
}: {
  room: RoomView;
  bed: BedView;
  canManage: boolean;
  onOpen: (dialog: Dialog) => void;
  onToggle: (bed: BedView) => void;
}) {
  const { t } = useTranslation();
  const status = !bed.isActive ? 'inactive' : bed.isOccupied ? 'occupied' : 'free';
  const color = status === 'inactive' ? 'gray' : status === 'occupied' ? 'orange' : 'teal';
  const chip = (
    <Badge
      size="lg"
      radius="sm"
      variant={status === 'inactive' ? 'outline' : 'light'}
      color={color}
      data-testid={`bed-${room.name}-${bed.label}`}
      data-status={status}
      style={{ textTransform: 'none', cursor: canManage ? 'pointer' : undefined }}
      rightSection={canManage ? <Icon name="dots" size={12} /> : undefined}
    >
      {bed.label} · {t(`shelter.${status}`)}
    </Badge>
  );
  if (!canManage) return chip;
  return (
    <Menu position="bottom-start" withinPortal>
      <Menu.Target>
        <button
          type="button"
          aria-label={t('settingsWeb.rooms.bedActions', { bed: bed.label, room: room.name })}
          style={{ all: 'unset', cursor: 'pointer', borderRadius: 4 }}
        >
          {chip}
        </button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => onOpen({ mode: 'editBed', room, bed })}>{t('settingsWeb.rooms.renameBed')}</Menu.Item>
        <Menu.Item color={bed.isActive ? 'red' : undefined} onClick={() => onToggle(bed)}>
          {bed.isActive ? t('shelter.takeOutOfService') : t('shelter.putInService')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

function RoomCard({ room, canManage, onOpen }: { room: RoomView; canManage: boolean; onOpen: (dialog: Dialog) => void }) {
  const { t } = useTranslation();
  const write = useRoomWrite(room.organizationId);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const activeBeds = room.beds.filter((b) => b.isActive);
  const occupied = activeBeds.filter((b) => b.isOccupied).length;

  const send = async (action: () => Promise<unknown>) => {
    setError(null);
    setBusy(true);
    try {
      await write(action);
    } catch (caught) {
      setError(splitApiError(caught, () => false).rest);
    } finally {
      setBusy(false);
    }
  };
  const toggleRoom = () => send(() => api.patch(`/shelter/rooms/${room.id}`, { isActive: !room.isActive }));
  const toggleBed = (bed: BedView) => send(() => api.patch(`/shelter/beds/${bed.id}`, { isActive: !bed.isActive }));

  return (
    <Card withBorder radius="md" padding="sm" data-testid={`room-${room.name}`} opacity={room.isActive ? 1 : 0.75}>
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <div style={{ minWidth: 0 }}>
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {room.name}
          </Text>
          <Group gap={6} mt={4}>
            <Badge size="sm" variant="light" color={SEX_COLORS[room.sex]}>
              {t(`shelter.room_sexes.${room.sex}`)}
            </Badge>
            {!room.isActive && (
              <Badge size="sm" variant="outline" color="gray">
                {t('shelter.inactive')}
              </Badge>
            )}
            <Text size="xs" c="dimmed">
              {t('shelter.totals', { occupied, beds: activeBeds.length })}
            </Text>
          </Group>
        </div>
        {canManage && (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon size="lg" variant="subtle" color="gray" loading={busy} aria-label={t('settingsWeb.rooms.roomActions', { room: room.name })}>
                <Icon name="dots" />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => onOpen({ mode: 'edit', room })}>{t('shelter.editRoom')}</Menu.Item>
              <Menu.Item onClick={() => onOpen({ mode: 'addBed', room })} disabled={!room.isActive}>
                {t('shelter.addBed')}
              </Menu.Item>
              <Menu.Item color={room.isActive ? 'red' : undefined} onClick={() => void toggleRoom()}>
                {room.isActive ? t('shelter.takeOutOfService') : t('shelter.putInService')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
      <Group gap={6} mt="sm">
        {room.beds.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('settingsWeb.rooms.noBeds')}
          </Text>
        )}
        {room.beds.map((bed) => (
          <BedChip key={bed.id} room={room} bed={bed} canManage={canManage} onOpen={onOpen} onToggle={(b) => void toggleBed(b)} />
        ))}
      </Group>
      {error && (
        <Alert color="red" variant="light" mt="sm" withCloseButton onClose={() => setError(null)} role="alert">
          {error.message}
        </Alert>
      )}
    </Card>
  );
}

/** `/settings/rooms` */
export function RoomsPage() {
  const { t } = useTranslation();
  const canAny = useCanAny();
  const canManage = canAny(MANAGE_ROOMS);
  const unit = useSettingsUnit();
  // Everything is fetched, out-of-service included, so a bed or room taken out of service stays in
  // sight (greyed) and can be put back; the switch only hides them.
  const [hideInactive, setHideInactive] = useState(false);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const rooms = useQuery({
    queryKey: ['shelter-rooms', unit.unitId, 'settings'],
    queryFn: ({ signal }) => api.get<RoomView[]>('/shelter/rooms', { organizationId: unit.unitId, includeInactive: 'true' }, signal),
    enabled: Boolean(unit.unitId),
  });
  const all = rooms.data ?? [];
  const list = [
    ...all.filter((r) => r.isActive).map((r) => (hideInactive ? { ...r, beds: r.beds.filter((b) => b.isActive) } : r)),
    ...(hideInactive ? [] : all.filter((r) => !r.isActive)),
  ];
  const beds = all.filter((r) => r.isActive).flatMap((r) => r.beds.filter((b) => b.isActive));

  return (
    <Stack maw={1100}>
      <SettingsHeader
        title={t('settingsWeb.rooms.title')}
        intro={t(canManage ? 'settingsWeb.rooms.intro' : 'settingsWeb.rooms.introReadOnly')}
        unit={unit}
        actions={
          canManage && unit.unitId ? (
            <Button leftSection={<Icon name="plus" size={16} />} onClick={() => setDialog({ mode: 'create' })}>
              {t('shelter.addRoom')}
            </Button>
          ) : undefined
        }
      />
      <Group justify="space-between" gap="xs">
        <Text size="sm" data-testid="rooms-totals">
          {t('settingsWeb.rooms.summary', { rooms: all.filter((r) => r.isActive).length, beds: beds.length, occupied: beds.filter((b) => b.isOccupied).length })}
        </Text>
        <Switch label={t('settingsWeb.rooms.hideInactive')} checked={hideInactive} onChange={(e) => setHideInactive(e.currentTarget.checked)} />
      </Group>
      <ApiErrorAlert error={unit.error ?? rooms.error} />
      {(unit.isPending || rooms.isPending) && <Loader aria-label={t('web.common.loading')} />}
      {rooms.isSuccess && all.length === 0 && (
        <Text c="dimmed">{canManage ? t('settingsWeb.rooms.emptyManage') : t('settingsWeb.rooms.empty')}</Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {list.map((room) => (
          <RoomCard key={room.id} room={room} canManage={canManage} onOpen={setDialog} />
        ))}
      </SimpleGrid>
      {dialog && unit.unitId && <RoomDialog dialog={dialog} organizationId={unit.unitId} onClose={() => setDialog(null)} />}
    </Stack>
  );
}

export default RoomsPage;
