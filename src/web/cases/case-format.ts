/**
 * Display helpers of the case pages: durations in working time, stage and category names, the coded
 * values' labels, and the conversions between the date pickers' local values and ISO instants.
 * Nothing here imports zod, so the worklist's chunk stays small.
 */
import type { TFunction } from 'i18next';
import { LOCAL_SUBTYPES, PPKS_CATEGORIES } from '../../shared/domain/ppks.js';
import { DEFAULT_SOP } from '../../shared/workflow/default-sop.js';

/** "5 j 20 m" / "5 h 20 m"; whole hours drop the minutes ("17 j"). */
export function formatDuration(minutes: number | null | undefined, t: TFunction): string {
  if (minutes === null || minutes === undefined) return '—';
  const total = Math.max(0, Math.round(minutes));
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  if (hours === 0) return t('casesWeb.duration.minutes', { m: rest });
  if (rest === 0) return t('casesWeb.duration.hours', { h: hours });
  return t('casesWeb.duration.hoursMinutes', { h: hours, m: rest });
}

/** A stage's name in the UI language, from the names stored with the case's SOP. */
export function stageName(stage: { nameId: string; nameEn: string }, language: string): string {
  return language === 'en' ? stage.nameEn : stage.nameId;
}

/** The default SOP's name for a stage key, for lists that only carry the key. */
export function defaultStageName(key: string, language: string): string | undefined {
  const stage = DEFAULT_SOP.find((s) => s.key === key);
  return stage ? (language === 'en' ? stage.name.en : stage.name.id) : undefined;
}

export const categoryLabel = (t: TFunction, code: string) => t(`ppks.${code}`, { defaultValue: code });

/** The 26 official categories numbered as in Permensos 08/2012, then the local sub-types. */
export function categoryOptions(t: TFunction) {
  return [
    {
      group: t('casesWeb.categories.official'),
      items: PPKS_CATEGORIES.map((c, i) => ({ value: c.code, label: `${i + 1}. ${categoryLabel(t, c.code)}` })),
    },
    {
      group: t('casesWeb.categories.local'),
      items: LOCAL_SUBTYPES.map((c) => ({ value: c.code, label: categoryLabel(t, c.code) })),
    },
  ];
}

/** Options for a Select of one of the shared enums, labelled from `enums.<name>.<code>`. */
export function enumOptions(t: TFunction, name: string, values: readonly string[]) {
  return values.map((value) => ({ value, label: t(`enums.${name}.${value}`) }));
}

export const enumLabel = (t: TFunction, name: string, value: string | null | undefined) =>
  value ? t(`enums.${name}.${value}`, { defaultValue: value }) : '—';

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as a date picker value (`YYYY-MM-DD HH:mm:ss`), in the browser's time zone. */
export function toPickerValue(date: Date = new Date()): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:00`;
}

/** A date picker value (local `YYYY-MM-DD HH:mm:ss`) as an ISO instant; undefined when empty or not a date. */
export function fromPickerValue(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const date = new Date(value.trim().replace(' ', 'T'));
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** Today (or `days` later, by the calendar) as `YYYY-MM-DD` in the browser's time zone, e.g. the latest possible birth date. */
export function todayDate(days = 0): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return toPickerValue(date).slice(0, 10);
}

/** A typed date as `YYYY-MM-DD`: day/month/year as written in Indonesia (31/12/1980, 31-12-1980). */
export function parseTypedDate(value: string): string | null {
  const match = /^\s*(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d{4})\s*$/.exec(value);
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** A calendar date (`YYYY-MM-DD`) in the UI language, without time-zone shifts. */
export function formatDate(value: string | null | undefined, language: string): string {
  if (!value) return '—';
  const [y, m, d] = value.slice(0, 10).split('-').map(Number);
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}
