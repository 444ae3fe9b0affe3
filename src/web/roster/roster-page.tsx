/**
 * The 24-hour duty roster (`/roster`): who is on duty now, the week (seven columns on a desktop, a
 * list of days on a phone), planning shifts and recurring patterns (head, administrator), swaps and
 * the handover note (everyone on the roster).
 */
import { ActionIcon, Badge, Button, Card, Group, Menu, Modal, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PatternView, RosterView, ShiftView } from '../../shared/contracts/roster.js';
import { api, request } from '../api.js';
import { ClockField, DayField } from '../cases/date-fields.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { Icon } from '../components/icons.js';
import { useForm } from '../forms.js';
import { useCan, useSession } from '../session.js';
import { OnDutyCard } from './on-duty-card.js';

function ymd(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return ymd(new Date(y, m - 1, d + days));
}
/** A shift that ends at the time it started, the next day (e.g. 07:00–07:00): 24 hours, not a night shift. */
export const isFullDay = (shift: { startTime: string; endTime: string }) => shift.startTime === shift.endTime;
/** A whole `HH:mm` time (the time field gives '' while one is half typed). */
const isWholeTime = (value: string) => /^\d{2}:\d{2}/.test(value);
/** The Monday of the week containing `date`. */
function mondayOf(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const weekday = (new Date(y, m - 1, d).getDay() + 6) % 7;
  return addDays(date, -weekday);
}
function dayLabel(date: string, language: string) {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'id-ID', { weekday: 'short', day: 'numeric', month: 'short' }).format(new Date(y, m - 1, d));
}

const rosterKey = ['roster'] as const;

function useInvalidateRoster() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: rosterKey });
}

function ShiftFormModal({ opened, onClose, roster, date }: { opened: boolean; onClose: () => void; roster: RosterView; date: string }) {
  const { t } = useTranslation();
  const invalidate = useInvalidateRoster();
  const form = useForm({
    initialValues: { shiftDate: date, startTime: '07:00', endTime: '15:00', officerUserId: '', roleNote: '' },
    validate: (v) => ({
      startTime: isWholeTime(v.startTime) ? undefined : t('validation.required'),
      endTime: isWholeTime(v.endTime) ? undefined : t('validation.required'),
      officerUserId: v.officerUserId ? undefined : t('validation.required'),
    }),
  });
  const submit = form.onSubmit(async (v) => {
    await api.post('/roster/shifts', { organizationId: roster.organizationId, ...v, roleNote: v.roleNote.trim() || null });
    await invalidate();
    onClose();
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('roster.addShift')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <DayField label={t('roster.date')} required {...form.getInputProps('shiftDate')} />
          <Group grow>
            <ClockField label={t('roster.start')} required {...form.getInputProps('startTime')} />
            <ClockField label={t('roster.end')} required {...form.getInputProps('endTime')} />
          </Group>
          {isWholeTime(form.values.startTime) && isWholeTime(form.values.endTime) && form.values.endTime <= form.values.startTime && (
            <Text size="xs" c="indigo.8">
              {t(isFullDay(form.values) ? 'roster.fullDay' : 'roster.nightShift')}
            </Text>
          )}
          <Select label={t('roster.officer')} required data={roster.officers.map((o) => ({ value: o.id, label: o.name }))} searchable {...form.getInputProps('officerUserId')} />
          <TextInput label={t('roster.roleNote')} maxLength={120} {...form.getInputProps('roleNote')} />
          <ApiErrorAlert error={form.error} />
          <Button type="submit" loading={form.submitting}>
            {t('roster.createShift')}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}

function SwapModal({ shift, onClose, roster }: { shift: ShiftView | null; onClose: () => void; roster: RosterView }) {
  const { t, i18n } = useTranslation();
  const invalidate = useInvalidateRoster();
  const form = useForm({ initialValues: { mode: 'hand' as 'hand' | 'swap', toUserId: '', withShiftId: '', reason: '' } });
  const submit = form.onSubmit(async (v) => {
    await api.post(`/roster/shifts/${shift?.id}/swap`, v.mode === 'hand' ? { toUserId: v.toUserId || undefined, reason: v.reason } : { withShiftId: v.withShiftId || undefined, reason: v.reason });
    await invalidate();
    form.reset();
    onClose();
  });
  const others = roster.shifts.filter((s) => s.id !== shift?.id && s.officerUserId !== shift?.officerUserId);
  return (
    <Modal opened={Boolean(shift)} onClose={onClose} title={t('roster.swapTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {shift && (
            <Text size="sm">
              {dayLabel(shift.shiftDate, i18n.language)} · {shift.startTime}–{shift.endTime} · {shift.officerName}
            </Text>
          )}
          <SegmentedControl
            value={form.values.mode}
            onChange={(v) => form.setValue('mode', v as 'hand' | 'swap')}
            data={[
              { value: 'hand', label: t('roster.swapHandTo') },
              { value: 'swap', label: t('roster.swapWithShift') },
            ]}
            fullWidth
          />
          {form.values.mode === 'hand' ? (
            <Select
              label={t('fields.toUserId')}
              data={roster.officers.filter((o) => o.id !== shift?.officerUserId).map((o) => ({ value: o.id, label: o.name }))}
              {...form.getInputProps('toUserId')}
            />
          ) : (
            <Select
              label={t('fields.withShiftId')}
              data={others.map((s) => ({ value: s.id, label: `${dayLabel(s.shiftDate, i18n.language)} ${s.startTime}–${s.endTime} · ${s.officerName}` }))}
              {...form.getInputProps('withShiftId')}
            />
          )}
          <Textarea label={t('roster.swapReason')} required autosize minRows={2} {...form.getInputProps('reason')} />
          <ApiErrorAlert error={form.error} />
          <Button type="submit" loading={form.submitting}>
            {t('roster.swapSave')}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}

function HandoverModal({ shift, onClose }: { shift: ShiftView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const invalidate = useInvalidateRoster();
  const form = useForm({ initialValues: { note: shift?.handoverNote ?? '' } });
  const submit = form.onSubmit(async (v) => {
    await api.put(`/roster/shifts/${shift?.id}/handover`, { note: v.note });
    await invalidate();
    onClose();
  });
  return (
    <Modal opened={Boolean(shift)} onClose={onClose} title={t('roster.handoverTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Textarea label={t('fields.note')} description={t('roster.handoverHint')} required autosize minRows={4} maxLength={2000} {...form.getInputProps('note')} />
          <ApiErrorAlert error={form.error} />
          <Button type="submit" loading={form.submitting}>
            {t('roster.handoverSave')}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}

function PatternModal({ opened, onClose, roster }: { opened: boolean; onClose: () => void; roster: RosterView }) {
  const { t } = useTranslation();
  const invalidate = useInvalidateRoster();
  const emptySlot = { day: 0, startTime: '07:00', endTime: '19:00', officerUserId: '' };
  const [slots, setSlots] = useState([emptySlot]);
  const form = useForm({ initialValues: { name: '', cycleDays: 7, anchorDate: mondayOf(ymd(new Date())) } });
  const submit = form.onSubmit(async (v) => {
    await api.post('/roster/patterns', { organizationId: roster.organizationId, ...v, slots: slots.filter((s) => s.officerUserId) });
    await invalidate();
    onClose();
  });
  const setSlot = (i: number, patch: Partial<typeof emptySlot>) => setSlots((all) => all.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  return (
    <Modal opened={opened} onClose={onClose} title={t('roster.newPattern')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label={t('roster.patternName')} required {...form.getInputProps('name')} />
          <Group grow>
            <NumberInput label={t('roster.cycleDays')} min={1} max={28} value={form.values.cycleDays} onChange={(v) => form.setValue('cycleDays', Number(v) || 7)} error={form.errors.cycleDays} />
            <DayField label={t('roster.anchorDate')} {...form.getInputProps('anchorDate')} />
          </Group>
          {slots.map((slot, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: slots have no identity before they are saved
            <Group key={i} gap="xs" align="flex-end" wrap="wrap">
              <NumberInput label={t('roster.day')} w={70} min={0} max={form.values.cycleDays - 1} value={slot.day} onChange={(v) => setSlot(i, { day: Number(v) || 0 })} />
              <ClockField label={t('roster.start')} w={110} value={slot.startTime} onChange={(startTime) => setSlot(i, { startTime })} />
              <ClockField label={t('roster.end')} w={110} value={slot.endTime} onChange={(endTime) => setSlot(i, { endTime })} />
              <Select label={t('roster.officer')} style={{ flex: 1, minWidth: 160 }} data={roster.officers.map((o) => ({ value: o.id, label: o.name }))} value={slot.officerUserId || null} onChange={(v) => setSlot(i, { officerUserId: v ?? '' })} />
            </Group>
          ))}
          <Button variant="subtle" leftSection={<Icon name="plus" size={16} />} onClick={() => setSlots((s) => [...s, { ...emptySlot, day: Math.min(s.length, form.values.cycleDays - 1) }])}>
            {t('roster.addSlot')}
          </Button>
          <ApiErrorAlert error={form.error} />
          <Button type="submit" loading={form.submitting}>
            {t('roster.savePattern')}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}

function ApplyModal({ pattern, onClose, from }: { pattern: PatternView | null; onClose: () => void; from: string }) {
  const { t } = useTranslation();
  const invalidate = useInvalidateRoster();
  const [result, setResult] = useState<{ created: number; skipped: number } | null>(null);
  const form = useForm({ initialValues: { from, to: addDays(from, 27) } });
  const submit = form.onSubmit(async (v) => {
    setResult(await api.post<{ created: number; skipped: number }>(`/roster/patterns/${pattern?.id}/apply`, v));
    await invalidate();
  });
  return (
    <Modal
      opened={Boolean(pattern)}
      onClose={() => {
        setResult(null);
        onClose();
      }}
      title={t('roster.applyTitle')}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text fw={600}>{pattern?.name}</Text>
          <Group grow>
            <DayField label={t('roster.from')} {...form.getInputProps('from')} />
            <DayField label={t('roster.to')} {...form.getInputProps('to')} />
          </Group>
          {result && <Text c="teal.8">{t('roster.applied', result)}</Text>}
          <ApiErrorAlert error={form.error} />
          <Button type="submit" loading={form.submitting}>
            {t('roster.apply')}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}

function ShiftCard({ s, onSwap, onHandover, onDelete, canPlan, isMine }: { s: ShiftView; onSwap: () => void; onHandover: () => void; onDelete: () => void; canPlan: boolean; isMine: boolean }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="xs" radius="sm" data-testid="roster-shift" style={{ background: isMine ? 'var(--mantine-color-teal-0)' : undefined }}>
      <Group justify="space-between" wrap="nowrap" gap={4} align="flex-start">
        <div style={{ minWidth: 0 }}>
          <Text size="sm" fw={700}>
            {s.startTime}–{s.endTime}
          </Text>
          <Text size="sm" truncate>
            {s.officerName}
          </Text>
          {s.roleNote && (
            <Text size="xs" c="dimmed" truncate>
              {s.roleNote}
            </Text>
          )}
          {s.crossesMidnight && (
            <Badge size="xs" color="indigo" variant="light" tt="none" title={t(isFullDay(s) ? 'roster.fullDay' : 'roster.nightShift')}>
              {t(isFullDay(s) ? 'roster.fullDayShort' : 'roster.nightShiftShort')}
            </Badge>
          )}
          {s.handoverNote && (
            <Text size="xs" c="teal.8" lineClamp={2}>
              ✎ {s.handoverNote}
            </Text>
          )}
        </div>
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray" aria-label={t('web.common.actions', { defaultValue: '…' })}>
              <Icon name="dots" size={16} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={onHandover}>{t('roster.handover')}</Menu.Item>
            <Menu.Item onClick={onSwap}>{t('roster.swap')}</Menu.Item>
            {canPlan && (
              <Menu.Item color="red" onClick={onDelete}>
                {t('roster.delete')}
              </Menu.Item>
            )}
          </Menu.Dropdown>
        </Menu>
      </Group>
    </Card>
  );
}

export default function RosterPage() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const { user } = useSession();
  const canPlan = can('roster.write');
  const invalidate = useInvalidateRoster();
  const [weekStart, setWeekStart] = useState(() => mondayOf(ymd(new Date())));
  const [adding, setAdding] = useState<string | null>(null);
  const [swapping, setSwapping] = useState<ShiftView | null>(null);
  const [handing, setHanding] = useState<ShiftView | null>(null);
  const [newPattern, setNewPattern] = useState(false);
  const [applying, setApplying] = useState<PatternView | null>(null);
  const weekEnd = addDays(weekStart, 6);
  const roster = useQuery({
    queryKey: [...rosterKey, 'week', weekStart],
    queryFn: ({ signal }) => api.get<RosterView>('/roster', { from: weekStart, to: weekEnd }, signal),
  });
  const patterns = useQuery({
    queryKey: [...rosterKey, 'patterns'],
    queryFn: ({ signal }) => api.get<PatternView[]>('/roster/patterns', undefined, signal),
    enabled: canPlan,
  });
  const days = Array.from({ length: 7 }, (_, i) => addDays(weekStart, i));
  const today = ymd(new Date());
  const remove = async (s: ShiftView) => {
    await request('DELETE', `/roster/shifts/${s.id}`);
    await invalidate();
  };
  return (
    <Stack gap="md" maw={1400}>
      <Title order={1} size="h2">
        {t('roster.title')}
      </Title>
      <OnDutyCard withLink={false} />
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="xs">
          <Button variant="default" size="xs" onClick={() => setWeekStart(addDays(weekStart, -7))} aria-label={t('roster.previousWeek')}>
            ←
          </Button>
          <Button variant="default" size="xs" onClick={() => setWeekStart(mondayOf(today))}>
            {t('roster.today')}
          </Button>
          <Button variant="default" size="xs" onClick={() => setWeekStart(addDays(weekStart, 7))} aria-label={t('roster.nextWeek')}>
            →
          </Button>
          <Text fw={600} size="sm">
            {dayLabel(weekStart, i18n.language)} – {dayLabel(weekEnd, i18n.language)}
          </Text>
        </Group>
        {canPlan && (
          <Button size="xs" leftSection={<Icon name="plus" size={16} />} onClick={() => setAdding(today >= weekStart && today <= weekEnd ? today : weekStart)}>
            {t('roster.addShift')}
          </Button>
        )}
      </Group>
      <ApiErrorAlert error={roster.error} />
      <SimpleGrid cols={{ base: 1, md: 7 }} spacing="xs">
        {days.map((d) => {
          const shifts = (roster.data?.shifts ?? []).filter((s) => s.shiftDate === d);
          return (
            <Stack key={d} gap={6} p={6} style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8, background: d === today ? 'var(--mantine-color-yellow-0)' : undefined }} data-testid="roster-day">
              <Group justify="space-between" gap={4}>
                <Text size="sm" fw={700}>
                  {dayLabel(d, i18n.language)}
                </Text>
                {canPlan && (
                  <ActionIcon size="sm" variant="subtle" onClick={() => setAdding(d)} aria-label={t('roster.addShift')}>
                    <Icon name="plus" size={14} />
                  </ActionIcon>
                )}
              </Group>
              {shifts.length === 0 && (
                <Text size="xs" c="dimmed">
                  {t('roster.noShifts')}
                </Text>
              )}
              {shifts.map((s) => (
                <ShiftCard
                  key={s.id}
                  s={s}
                  canPlan={canPlan}
                  isMine={s.officerUserId === user.id}
                  onSwap={() => setSwapping(s)}
                  onHandover={() => setHanding(s)}
                  onDelete={() => void remove(s)}
                />
              ))}
            </Stack>
          );
        })}
      </SimpleGrid>
      {canPlan && (
        <Card withBorder radius="md" padding="md">
          <Group justify="space-between" mb="xs">
            <Text fw={600}>{t('roster.patterns')}</Text>
            <Button size="xs" variant="light" onClick={() => setNewPattern(true)} disabled={!roster.data}>
              {t('roster.newPattern')}
            </Button>
          </Group>
          <Stack gap={6}>
            {(patterns.data ?? []).map((p) => (
              <Group key={p.id} justify="space-between">
                <Text size="sm">
                  {p.name} · {p.cycleDays} d · {p.slots.length} slot
                </Text>
                <Button size="xs" variant="default" onClick={() => setApplying(p)}>
                  {t('roster.apply')}
                </Button>
              </Group>
            ))}
          </Stack>
        </Card>
      )}
      {roster.data && adding && <ShiftFormModal key={adding} opened onClose={() => setAdding(null)} roster={roster.data} date={adding} />}
      {roster.data && <SwapModal shift={swapping} onClose={() => setSwapping(null)} roster={roster.data} />}
      {handing && <HandoverModal key={handing.id} shift={handing} onClose={() => setHanding(null)} />}
      {roster.data && newPattern && <PatternModal opened onClose={() => setNewPattern(false)} roster={roster.data} />}
      <ApplyModal key={applying?.id ?? 'none'} pattern={applying} onClose={() => setApplying(null)} from={weekStart} />
    </Stack>
  );
}
