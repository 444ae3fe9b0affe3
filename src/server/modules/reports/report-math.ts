/**
 * Pure arithmetic of the reports: period boundaries in an office's time zone, age at arrival and its
 * group, and order statistics. Kept apart so they are tested without a database.
 */
import type { AgeGroup } from '../../../shared/contracts/reports.js';

/** Offset (ms) of a zone's wall clock from UTC at an instant. */
function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(instant));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - instant;
}

/** The instant a calendar day (`YYYY-MM-DD`) begins in a time zone. */
export function startOfDayIn(date: string, timeZone: string): Date {
  const guess = Date.parse(`${date}T00:00:00Z`);
  const first = guess - zoneOffsetMs(guess, timeZone);
  return new Date(guess - zoneOffsetMs(first, timeZone));
}

/** The half-open interval [start, end) covering the dates `from` … `to` (inclusive) in a zone. */
export function periodBounds(from: string, to: string, timeZone: string): { start: Date; end: Date } {
  const next = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return { start: startOfDayIn(from, timeZone), end: startOfDayIn(next, timeZone) };
}

/** Whole years of age on a date, from a birth date; both `YYYY-MM-DD`. */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = onDate.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * Age at arrival: from the birth date when one is recorded, else the estimated age (taken as the age
 * at arrival, since it is estimated at intake); null when neither is known.
 */
export function ageAtArrival(client: { birthDate: string | null; estimatedAge: number | null }, arrivalDate: string): number | null {
  if (client.birthDate) return ageOn(client.birthDate, arrivalDate);
  return client.estimatedAge ?? null;
}

/** 0–4, 5–17, 18–59, 60+ (UU 13/1998: lanjut usia from 60), or unknown. */
export function ageGroupOf(age: number | null): AgeGroup {
  if (age === null || age < 0) return 'unknown';
  if (age <= 4) return '0_4';
  if (age <= 17) return '5_17';
  if (age <= 59) return '18_59';
  return '60_plus';
}

/**
 * The p-th percentile (0–1) with linear interpolation between closest ranks (the common "type 7",
 * as spreadsheets' PERCENTILE.INC): the median of 1,2,3,4 is 2.5; the 90th of 1…10 is 9.1.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (sorted.length - 1) * p;
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return round1(sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo));
}

export function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** A share in percent with two decimals, null when there is nothing to divide by. */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 100;
}

/** Count occurrences of keys, in a fixed key order first (zero rows kept), then others by count. */
export function countBy(keys: readonly string[], order: readonly string[] = []): { key: string; count: number }[] {
  const counts = new Map<string, number>(order.map((k) => [k, 0]));
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  const ordered = order.map((k) => ({ key: k, count: counts.get(k) ?? 0 }));
  const rest = [...counts.entries()].filter(([k]) => !order.includes(k)).map(([key, count]) => ({ key, count }));
  rest.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  return [...ordered, ...rest];
}
