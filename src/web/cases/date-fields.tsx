/**
 * Date and time inputs in the UI language (the browser's native pickers follow the phone's own
 * language, which may not be the one chosen in the app). On a phone the picker opens as a full modal.
 */
import '@mantine/dates/styles.layer.css';
import 'dayjs/locale/id';
import { DateInput, type DateInputProps, DatesProvider, DateTimePicker, type DateTimePickerProps, TimePicker, type TimePickerProps } from '@mantine/dates';
import { useMediaQuery } from '@mantine/hooks';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseTypedDate, todayDate, toPickerValue } from './case-format.js';

/**
 * Month and day names in the UI language, weeks from Monday. The fields below carry their own; wrap a
 * page that uses Mantine's date components directly.
 */
export function DatesScope({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return <DatesProvider settings={{ locale: i18n.language === 'en' ? 'en' : 'id', firstDayOfWeek: 1 }}>{children}</DatesProvider>;
}

/** A moment (date and time to the minute), never in the future. Value: local `YYYY-MM-DD HH:mm:ss`. */
export function DateTimeField({
  value,
  onChange,
  ...props
}: Omit<DateTimePickerProps, 'value' | 'onChange'> & { value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 47.99em)');
  return (
    <DatesScope>
      <DateTimePicker
        valueFormat="DD MMM YYYY HH:mm"
        dropdownType={isPhone ? 'modal' : 'popover'}
        maxDate={toPickerValue()}
        clearable={!props.required}
        submitButtonProps={{ 'aria-label': t('web.common.save') }}
        timePickerProps={{ format: '24h', hoursInputLabel: t('casesWeb.dates.hours'), minutesInputLabel: t('casesWeb.dates.minutes') }}
        value={value || null}
        onChange={(next) => onChange(next ?? '')}
        {...props}
      />
    </DatesScope>
  );
}

/** A birth date, typed as dd/mm/yyyy or picked starting from the decades, never in the future. Value: `YYYY-MM-DD`. */
export function BirthDateField(props: DayFieldProps) {
  return <DayField defaultLevel="decade" maxDate={todayDate()} clearable {...props} />;
}

export type DayFieldProps = Omit<DateInputProps, 'value' | 'onChange'> & { value: string; onChange: (value: string) => void };

/**
 * A calendar day (a report's period, a plan's due date, a survey period, a document's dates) typed as
 * dd/mm/yyyy or picked, in the UI language whatever the phone's or browser's own language: the native
 * date input would show an Indonesian officer on an English-language phone mm/dd/yyyy. Value:
 * `YYYY-MM-DD`, or '' when empty.
 */
export function DayField({ value, onChange, onBlur, onFocus, error, ...props }: DayFieldProps) {
  const { t } = useTranslation();
  // The picker drops a typed date it cannot take (unreadable, or outside the allowed days) when the
  // field is left; say why, instead of the date silently disappearing.
  const [typedProblem, setTypedProblem] = useState<string | null>(null);
  const bound = (limit: DateInputProps['maxDate']) => (limit ? (typeof limit === 'string' ? limit.slice(0, 10) : toPickerValue(new Date(limit)).slice(0, 10)) : null);
  const checkTyped = (text: string) => {
    if (text.trim() === '') return null;
    const day = parseTypedDate(text);
    if (!day) return t('casesWeb.dates.unreadable');
    const max = bound(props.maxDate);
    const min = bound(props.minDate);
    if (max && day > max) return t('casesWeb.dates.afterMax', { date: formatTypedDay(max) });
    if (min && day < min) return t('casesWeb.dates.beforeMin', { date: formatTypedDay(min) });
    return null;
  };
  return (
    <DatesScope>
      <DateInput
        valueFormat="DD/MM/YYYY"
        placeholder={t('casesWeb.dates.dayPlaceholder')}
        dateParser={parseTypedDate}
        clearable={!props.required}
        value={value || null}
        onChange={(next) => {
          setTypedProblem(null);
          onChange(next ?? '');
        }}
        onFocus={(event) => {
          setTypedProblem(null);
          onFocus?.(event);
        }}
        onBlur={(event) => {
          setTypedProblem(checkTyped(event.currentTarget.value));
          onBlur?.(event);
        }}
        error={typedProblem ?? error}
        {...props}
      />
    </DatesScope>
  );
}

/** `YYYY-MM-DD` as typed in the fields: dd/mm/yyyy. */
function formatTypedDay(day: string): string {
  const [year, month, date] = day.split('-');
  return `${date}/${month}/${year}`;
}

/**
 * A time of day on the 24-hour clock Indonesia writes (22:00, not 10:00 PM), whatever the browser's own
 * clock: the native time input follows the browser's language. Its hour and minute boxes are named
 * after the field ("Mulai: Jam"). Value: `HH:mm`, or '' while incomplete.
 */
export function ClockField({
  label,
  value,
  onChange,
  ...props
}: Omit<TimePickerProps, 'value' | 'onChange' | 'label'> & { label: string; value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  return (
    <TimePicker
      format="24h"
      label={label}
      hoursInputLabel={`${label}: ${t('casesWeb.dates.hours')}`}
      minutesInputLabel={`${label}: ${t('casesWeb.dates.minutes')}`}
      value={value}
      onChange={onChange}
      {...props}
    />
  );
}
