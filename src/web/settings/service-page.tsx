/**
 * The unit's service settings: the working calendar the SOP timers count in (time zone, 24-hour
 * duty, working hours per weekday, holidays), the case target in working days, the shelter stay
 * limit and its warning, and the case number prefix. Everyone in reach may read them; an
 * administrator changes them.
 */
import { ActionIcon, Alert, Button, Divider, Flex, Group, Input, Loader, NumberInput, Paper, SegmentedControl, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { DateInput, TimePicker } from '@mantine/dates';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { type serviceSettingsView, updateServiceSettingsBody } from '../../shared/contracts/sop.js';
import { formatNumber } from '../../shared/i18n/numbers.js';
import type { Weekday, WorkingInterval } from '../../shared/workflow/working-time.js';
import { type ApiError, api } from '../api.js';
import { parseTypedDate } from '../cases/case-format.js';
import { DatesScope } from '../cases/date-fields.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { Icon } from '../components/icons.js';
import { schemaErrors } from '../forms.js';
import { useCan } from '../session.js';
import { type FieldErrors, newRowId, SettingsHeader, splitApiError, useSettingsUnit } from './settings-common.js';

type ServiceSettings = z.infer<typeof serviceSettingsView>;
type TimeZone = 'Asia/Jakarta' | 'Asia/Makassar' | 'Asia/Jayapura';

/** Monday first, as an Indonesian office reads its week; the contract numbers Sunday 0. */
const WEEK: Weekday[] = [1, 2, 3, 4, 5, 6, 0];
const TIME_ZONES: TimeZone[] = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'];

type HolidayRow = { rowId: string; date: string; name: string };
type Form = {
  timeZone: TimeZone;
  alwaysOn: boolean;
  workingHours: Record<Weekday, WorkingInterval[]>;
  holidays: HolidayRow[];
  targetWorkingDays: number | '';
  maxStayDays: number | '';
  stayWarningDays: number | '';
  caseNumberPrefix: string;
};

export const serviceSettingsKey = (organizationId: string | undefined) => ['service-settings', organizationId] as const;

function toForm(settings: ServiceSettings): Form {
  const hours = settings.calendar.workingHours as Record<Weekday, WorkingInterval[]>;
  return {
    timeZone: (TIME_ZONES as string[]).includes(settings.calendar.timeZone) ? (settings.calendar.timeZone as TimeZone) : 'Asia/Jakarta',
    alwaysOn: settings.calendar.alwaysOn,
    workingHours: Object.fromEntries(WEEK.map((day) => [day, (hours[day] ?? []).map((i) => ({ ...i }))])) as Record<Weekday, WorkingInterval[]>,
    holidays: settings.holidays.map((h) => ({ rowId: newRowId(), date: h.date, name: h.name })),
    targetWorkingDays: settings.targetWorkingDays,
    maxStayDays: settings.maxStayDays,
    stayWarningDays: settings.stayWarningDays,
    caseNumberPrefix: settings.caseNumberPrefix,
  };
}

const numberOrUndefined = (value: number | '') => (value === '' ? undefined : value);

/** The request body; the form's holiday rows are sent in date order, so the server's indexes match the rows shown. */
function toBody(form: Form) {
  return {
    timeZone: form.timeZone,
    alwaysOn: form.alwaysOn,
    workingHours: form.workingHours,
    targetWorkingDays: numberOrUndefined(form.targetWorkingDays),
    maxStayDays: numberOrUndefined(form.maxStayDays),
    stayWarningDays: numberOrUndefined(form.stayWarningDays),
    caseNumberPrefix: form.caseNumberPrefix.trim().toUpperCase(),
    holidays: form.holidays.map((h) => ({ date: h.date, name: h.name.trim() })),
  };
}

/** Values the contract leaves optional must still be given here: every field of the form is saved. */
function requiredProblems(form: Form, t: (key: string) => string): FieldErrors {
  const problems: FieldErrors = {};
  for (const field of ['targetWorkingDays', 'maxStayDays', 'stayWarningDays'] as const) {
    if (form[field] === '') problems[field] = t('validation.required');
  }
  if (!form.caseNumberPrefix.trim()) problems.caseNumberPrefix = t('validation.required');
  form.holidays.forEach((h, i) => {
    if (!h.date) problems[`holidays.${i}.date`] = t('validation.required');
  });
  return problems;
}

function WorkingDay({
  day,
  intervals,
  disabled,
  errors,
  onChange,
}: {
  day: Weekday;
  intervals: WorkingInterval[];
  disabled: boolean;
  errors: FieldErrors;
  onChange: (next: WorkingInterval[]) => void;
}) {
  const { t } = useTranslation();
  const dayName = t(`settingsWeb.weekdays.${day}`);
  const isPhone = useMediaQuery('(max-width: 47.99em)');
  const timeLabels = (field: string) => ({
    hoursInputLabel: `${field}: ${t('casesWeb.dates.hours')}`,
    minutesInputLabel: `${field}: ${t('casesWeb.dates.minutes')}`,
  });
  return (
    <Group align="flex-start" gap="xs" wrap={isPhone ? 'wrap' : 'nowrap'} data-testid={`weekday-${day}`}>
      <Text fw={600} w={isPhone ? '100%' : 90} pt={isPhone ? 0 : 6} style={{ flexShrink: 0 }}>
        {dayName}
      </Text>
      <Stack gap={6} style={{ flex: 1 }}>
        {intervals.length === 0 && (
          <Text c="dimmed" size="sm" pt={isPhone ? 0 : 6}>
            {t('settingsWeb.service.dayOff')}
          </Text>
        )}
        {intervals.map((interval, i) => {
          const err = (field: 'start' | 'end') => errors[`workingHours.${day}.${i}.${field}`];
          const update = (patch: Partial<WorkingInterval>) => onChange(intervals.map((x, j) => (j === i ? { ...x, ...patch } : x)));
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: intervals have no identity of their own; position is what they are.
            <Group key={i} gap="xs" wrap="nowrap" align="flex-start">
              <TimePicker
                format="24h"
                aria-label={t('settingsWeb.service.intervalStart', { day: dayName, n: i + 1 })}
                {...timeLabels(t('settingsWeb.service.intervalStart', { day: dayName, n: i + 1 }))}
                value={interval.start}
                onChange={(value) => update({ start: value })}
                disabled={disabled}
                error={err('start')}
                w={96}
              />
              <Text pt={6}>–</Text>
              <TimePicker
                format="24h"
                aria-label={t('settingsWeb.service.intervalEnd', { day: dayName, n: i + 1 })}
                {...timeLabels(t('settingsWeb.service.intervalEnd', { day: dayName, n: i + 1 }))}
                // The picker stops at 23:59; an interval to midnight is stored as 24:00 and kept as is.
                value={interval.end === '24:00' ? '23:59' : interval.end}
                onChange={(value) => update({ end: value })}
                disabled={disabled}
                error={err('end')}
                w={96}
              />
              {!disabled && (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  aria-label={t('settingsWeb.service.removeInterval', { day: dayName, n: i + 1 })}
                  onClick={() => onChange(intervals.filter((_, j) => j !== i))}
                >
                  <Icon name="x" size={16} />
                </ActionIcon>
              )}
            </Group>
          );
        })}
        {!disabled && (
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<Icon name="plus" size={14} />}
            w="fit-content"
            onClick={() => {
              const last = intervals[intervals.length - 1];
              onChange([...intervals, last ? { start: last.end < '23:00' ? last.end : '13:00', end: '16:00' } : { start: '07:30', end: '16:00' }]);
            }}
            aria-label={t('settingsWeb.service.addIntervalFor', { day: dayName })}
          >
            {t('settingsWeb.service.addInterval')}
          </Button>
        )}
      </Stack>
    </Group>
  );
}

function ServiceForm({ settings, canWrite }: { settings: ServiceSettings; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<Form>(() => toForm(settings));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const disabled = !canWrite;

  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setForm((current) => ({ ...current, [key]: value }));
    setSaved(false);
    setErrors((current) => {
      const next: FieldErrors = {};
      for (const [field, message] of Object.entries(current)) if (field !== key && !field.startsWith(`${key}.`)) next[field] = message;
      return next;
    });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Sorted before checking, so a message at `holidays.2.name` sits on the third row shown.
    const sorted = { ...form, holidays: [...form.holidays].sort((a, b) => (a.date || '9999').localeCompare(b.date || '9999')) };
    setForm(sorted);
    const body = toBody(sorted);
    const problems = { ...schemaErrors(updateServiceSettingsBody, body, t), ...requiredProblems(sorted, t) };
    setError(null);
    setSaved(false);
    if (Object.keys(problems).length > 0) {
      setErrors(problems);
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      const next = await api.put<ServiceSettings>(`/service-settings?organizationId=${encodeURIComponent(settings.organizationId)}`, body);
      queryClient.setQueryData(serviceSettingsKey(settings.organizationId), next);
      setForm(toForm(next));
      setSaved(true);
    } catch (caught) {
      const { fields, rest } = splitApiError(caught, () => true);
      setErrors(fields);
      if (Object.keys(fields).length > 0 && rest.fields.length === 0) setError(null);
      else setError(rest);
    } finally {
      setSaving(false);
    }
  };

  const zoneLabel = (zone: TimeZone) => t(`settingsWeb.service.zones.${zone.split('/')[1]}`);

  return (
    <DatesScope>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Paper withBorder radius="md" p="md">
            <Stack gap="sm">
              <Title order={2} size="h4">
                {t('settingsWeb.service.calendar')}
              </Title>
              <div>
                <Input.Label id="time-zone-label" mb={4} display="block">
                  {t('settingsWeb.service.timeZone')}
                </Input.Label>
                <SegmentedControl
                  aria-labelledby="time-zone-label"
                  data={TIME_ZONES.map((zone) => ({ value: zone, label: zoneLabel(zone) }))}
                  value={form.timeZone}
                  onChange={(value) => set('timeZone', value as TimeZone)}
                  disabled={disabled}
                />
                {errors.timeZone && (
                  <Text c="red" size="sm">
                    {errors.timeZone}
                  </Text>
                )}
              </div>
              <Switch
                label={t('settingsWeb.service.alwaysOn')}
                description={t('settingsWeb.service.alwaysOnHelp')}
                checked={form.alwaysOn}
                onChange={(e) => set('alwaysOn', e.currentTarget.checked)}
                disabled={disabled}
              />
              <Divider />
              <Input.Label>{t('settingsWeb.service.workingHours')}</Input.Label>
              {form.alwaysOn ? (
                <Text size="sm" c="dimmed">
                  {t('settingsWeb.service.workingHoursAlwaysOn')}
                </Text>
              ) : (
                <Stack gap="sm">
                  {WEEK.map((day) => (
                    <WorkingDay
                      key={day}
                      day={day}
                      intervals={form.workingHours[day]}
                      disabled={disabled}
                      errors={errors}
                      onChange={(next) => set('workingHours', { ...form.workingHours, [day]: next })}
                    />
                  ))}
                </Stack>
              )}
            </Stack>
          </Paper>

          <Paper withBorder radius="md" p="md">
            <Stack gap="sm">
              <Title order={2} size="h4">
                {t('settingsWeb.service.holidays')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('settingsWeb.service.holidaysHelp')}
              </Text>
              {form.holidays.length === 0 && <Text size="sm">{t('settingsWeb.service.noHolidays')}</Text>}
              <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
                {form.holidays.map((holiday, i) => (
                  <Group key={holiday.rowId} component="li" gap="xs" align="flex-start" wrap="nowrap" data-testid="holiday-row">
                    <Flex direction={{ base: 'column', sm: 'row' }} gap="xs" style={{ flex: 1, minWidth: 0 }}>
                    <DateInput
                      aria-label={t('settingsWeb.service.holidayDate', { n: i + 1 })}
                      placeholder={t('settingsWeb.service.datePlaceholder')}
                      valueFormat="DD/MM/YYYY"
                      dateParser={parseTypedDate}
                      value={holiday.date || null}
                      onChange={(value) =>
                        set(
                          'holidays',
                          form.holidays.map((h, j) => (j === i ? { ...h, date: value ?? '' } : h)),
                        )
                      }
                      disabled={disabled}
                      error={errors[`holidays.${i}.date`]}
                      w={140}
                      style={{ flexShrink: 0 }}
                    />
                    <TextInput
                      aria-label={t('settingsWeb.service.holidayName', { n: i + 1 })}
                      placeholder={t('settingsWeb.service.holidayNamePlaceholder')}
                      value={holiday.name}
                      onChange={(e) => {
                        const name = e.currentTarget.value;
                        set(
                          'holidays',
                          form.holidays.map((h, j) => (j === i ? { ...h, name } : h)),
                        );
                      }}
                      disabled={disabled}
                      error={errors[`holidays.${i}.name`]}
                      style={{ flex: 1, minWidth: 0 }}
                    />
                    </Flex>
                    {!disabled && (
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        size="lg"
                        mt={2}
                        aria-label={t('settingsWeb.service.removeHoliday', { n: i + 1 })}
                        onClick={() =>
                          set(
                            'holidays',
                            form.holidays.filter((_, j) => j !== i),
                          )
                        }
                      >
                        <Icon name="trash" size={16} />
                      </ActionIcon>
                    )}
                  </Group>
                ))}
              </Stack>
              {errors.holidays && (
                <Text c="red" size="sm">
                  {errors.holidays}
                </Text>
              )}
              {!disabled && (
                <Button
                  variant="default"
                  leftSection={<Icon name="plus" size={16} />}
                  w="fit-content"
                  onClick={() => set('holidays', [...form.holidays, { rowId: newRowId(), date: '', name: '' }])}
                >
                  {t('settingsWeb.service.addHoliday')}
                </Button>
              )}
            </Stack>
          </Paper>

          <Paper withBorder radius="md" p="md">
            <Stack gap="sm">
              <Title order={2} size="h4">
                {t('settingsWeb.service.targets')}
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <NumberInput
                  label={t('fields.targetWorkingDays')}
                  description={t('settingsWeb.service.targetHelp', { minutes: formatNumber(settings.targetMinutes, i18n.language) })}
                  min={0.5}
                  max={30}
                  step={0.5}
                  decimalScale={1}
                  decimalSeparator=","
                  value={form.targetWorkingDays}
                  onChange={(value) => set('targetWorkingDays', value === '' ? '' : Number(value))}
                  disabled={disabled}
                  error={errors.targetWorkingDays}
                />
                <TextInput
                  label={t('fields.caseNumberPrefix')}
                  description={t('settingsWeb.service.prefixHelp', {
                    example: `${form.caseNumberPrefix.trim().toUpperCase() || 'RS'}-${new Date().getFullYear()}-0001`,
                  })}
                  value={form.caseNumberPrefix}
                  onChange={(e) => set('caseNumberPrefix', e.currentTarget.value.toUpperCase())}
                  disabled={disabled}
                  error={errors.caseNumberPrefix}
                  maxLength={12}
                />
                <NumberInput
                  label={t('fields.maxStayDays')}
                  description={t('settingsWeb.service.maxStayHelp')}
                  suffix={` ${t('settingsWeb.service.daysSuffix')}`}
                  min={1}
                  max={365}
                  allowDecimal={false}
                  value={form.maxStayDays}
                  onChange={(value) => set('maxStayDays', value === '' ? '' : Number(value))}
                  disabled={disabled}
                  error={errors.maxStayDays}
                />
                <NumberInput
                  label={t('fields.stayWarningDays')}
                  description={t('settingsWeb.service.warningHelp')}
                  suffix={` ${t('settingsWeb.service.daysSuffix')}`}
                  min={0}
                  max={30}
                  allowDecimal={false}
                  value={form.stayWarningDays}
                  onChange={(value) => set('stayWarningDays', value === '' ? '' : Number(value))}
                  disabled={disabled}
                  error={errors.stayWarningDays}
                />
              </SimpleGrid>
            </Stack>
          </Paper>

          <ApiErrorAlert error={error} />
          {Object.keys(errors).length > 0 && !error && (
            <Alert color="red" variant="light">
              {t('settingsWeb.service.fixErrors')}
            </Alert>
          )}
          {saved && (
            <Alert color="teal" variant="light" title={t('settingsWeb.service.savedTitle')}>
              {t('settingsWeb.service.savedBody')}
            </Alert>
          )}
          {canWrite && (
            <Group justify="flex-end">
              <Button variant="default" onClick={() => { setForm(toForm(settings)); setErrors({}); setError(null); setSaved(false); }}>
                {t('settingsWeb.common.reset')}
              </Button>
              <Button type="submit" loading={saving}>
                {t('web.common.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </DatesScope>
  );
}

/** `/settings/service` */
export function ServiceSettingsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const canWrite = can('settings.write');
  const unit = useSettingsUnit();
  const settings = useQuery({
    queryKey: serviceSettingsKey(unit.unitId),
    queryFn: ({ signal }) => api.get<ServiceSettings>('/service-settings', { organizationId: unit.unitId }, signal),
    enabled: Boolean(unit.unitId),
  });

  return (
    <Stack maw={900}>
      <SettingsHeader
        title={t('settingsWeb.service.title')}
        intro={t(canWrite ? 'settingsWeb.service.intro' : 'settingsWeb.service.introReadOnly')}
        unit={unit}
      />
      <ApiErrorAlert error={unit.error ?? settings.error} />
      {(unit.isPending || settings.isPending) && <Loader aria-label={t('web.common.loading')} />}
      {settings.data && <ServiceForm key={settings.data.organizationId} settings={settings.data} canWrite={canWrite} />}
    </Stack>
  );
}

export default ServiceSettingsPage;
