/**
 * Working-time arithmetic for the SOP timers: how much working time lies between two instants, and
 * when a stage's standard time runs out. Pure; it never reads the machine's time zone. Wall-clock
 * times are read in the calendar's IANA zone through `Intl`, so the same code serves WIB (UTC+7),
 * WITA (+8) and WIT (+9) offices, and a zone with daylight saving would also come out right.
 */
import { z } from 'zod';

export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** One stretch of working time in a day, wall clock in the calendar's zone; `end` may be `24:00`. */
export type WorkingInterval = { start: string; end: string };

export type WorkingCalendar = {
  /** IANA zone of the office, e.g. `Asia/Jakarta` (WIB), `Asia/Makassar` (WITA), `Asia/Jayapura` (WIT). */
  timeZone: string;
  /** 24-hour duty (piket): every minute counts, weekends and holidays included. */
  alwaysOn: boolean;
  /** Working hours by weekday, 0 = Sunday. Several intervals express a break or a split shift. */
  workingHours: Record<Weekday, WorkingInterval[]>;
  /** Days off (`YYYY-MM-DD`, in the calendar's zone), e.g. national holidays and cuti bersama. */
  holidays: string[];
};

const CLOCK_TIME = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;
const ISO_DATE = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const workingIntervalSchema = z
  .object({
    start: z.string().regex(CLOCK_TIME, { message: 'validation.clock_time' }),
    end: z.string().regex(CLOCK_TIME, { message: 'validation.clock_time' }),
  })
  .refine((i) => i.start < i.end, { message: 'validation.interval_order', path: ['end'] });

const daySchema = z.array(workingIntervalSchema);

/** Contract for a configurable calendar (settings screen, seed data). */
export const workingCalendarSchema = z.object({
  timeZone: z.string().refine(isTimeZone, { message: 'validation.time_zone' }),
  alwaysOn: z.boolean(),
  workingHours: z.object({
    0: daySchema,
    1: daySchema,
    2: daySchema,
    3: daySchema,
    4: daySchema,
    5: daySchema,
    6: daySchema,
  }),
  holidays: z.array(z.string().regex(ISO_DATE, { message: 'validation.date' })),
}) satisfies z.ZodType<WorkingCalendar>;

const monToThu = (): WorkingInterval[] => [{ start: '07:30', end: '16:00' }];

/**
 * Office hours of a regional government office in WIB: Monday–Thursday 07:30–16:00, Friday
 * 07:30–16:30, no holidays listed. A starting point only: each shelter sets its own zone, hours,
 * breaks, holidays, or 24-hour duty in its settings.
 */
export const DEFAULT_CALENDAR: WorkingCalendar = deepFreeze({
  timeZone: 'Asia/Jakarta',
  alwaysOn: false,
  workingHours: {
    0: [],
    1: monToThu(),
    2: monToThu(),
    3: monToThu(),
    4: monToThu(),
    5: [{ start: '07:30', end: '16:30' }],
    6: [],
  },
  holidays: [],
});

/** Frozen so that no caller can change the default for everyone; copy it to customize. */
function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) if (typeof child === 'object' && child !== null) deepFreeze(child);
  return Object.freeze(value);
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** A deadline search that finds no working time in this many days means the calendar is unusable. */
const MAX_SEARCH_DAYS = 366 * 20;

// ---------------------------------------------------------------------------------------------
// Time zones

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's wall clock at an instant, written as if it were UTC (whole seconds). */
function wallClockAsUtc(instantMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
}

/** Offset of the zone from UTC at an instant, in ms (WIB: +7 h). */
function offsetAt(instantMs: number, timeZone: string): number {
  return wallClockAsUtc(instantMs, timeZone) - Math.floor(instantMs / 1000) * 1000;
}

/** The instant at which the zone's wall clock shows the given wall time (given as if UTC). */
function instantOfWallClock(wallMs: number, timeZone: string): number {
  // Guess with the offset at the wall time read as UTC, then correct with the offset at the guess:
  // exact for fixed-offset zones (all of Indonesia) and across daylight-saving changes elsewhere.
  const guess = wallMs - offsetAt(wallMs, timeZone);
  return wallMs - offsetAt(guess, timeZone);
}

/**
 * The zone's offset for a whole local day, or null when it changes during that day (a daylight-saving
 * switch). Cached: with it, deadlines and overdue lists cost arithmetic, not `Intl` calls.
 */
const dayOffsetsByZone = new Map<string, Map<number, number | null>>();
const DAY_OFFSET_CACHE_LIMIT = 100_000;

function offsetOfWholeDay(dayNumber: number, timeZone: string): number | null {
  let dayOffsets = dayOffsetsByZone.get(timeZone);
  if (!dayOffsets) {
    dayOffsets = new Map();
    dayOffsetsByZone.set(timeZone, dayOffsets);
  }
  const key = dayNumber;
  const cached = dayOffsets.get(key);
  if (cached !== undefined) return cached;
  const start = instantOfWallClock(dayNumber * DAY_MS, timeZone);
  const end = instantOfWallClock((dayNumber + 1) * DAY_MS, timeZone);
  const offset = offsetAt(start, timeZone);
  const result = offsetAt(end - 1, timeZone) === offset && end - start === DAY_MS ? offset : null;
  if (dayOffsets.size >= DAY_OFFSET_CACHE_LIMIT) dayOffsets.clear();
  dayOffsets.set(key, result);
  return result;
}

/** The last whole-day offset seen per zone: the first guess of `localDayNumber`. */
const lastOffsets = new Map<string, number>();

/** Days since 1970-01-01 of the zone's calendar date at an instant. */
function localDayNumber(instantMs: number, timeZone: string): number {
  // Fast path, exact: guess the day with the zone's last offset; when that day has one offset
  // throughout and the instant falls inside it at that offset, the guess is the local day.
  const last = lastOffsets.get(timeZone);
  if (last !== undefined) {
    const guess = Math.floor((instantMs + last) / DAY_MS);
    const offset = offsetOfWholeDay(guess, timeZone);
    if (offset !== null && Math.floor((instantMs + offset) / DAY_MS) === guess) return guess;
  }
  const day = Math.floor(wallClockAsUtc(instantMs, timeZone) / DAY_MS);
  const offset = offsetOfWholeDay(day, timeZone);
  if (offset !== null) lastOffsets.set(timeZone, offset);
  return day;
}

// ---------------------------------------------------------------------------------------------
// Calendars

type Compiled = {
  timeZone: string;
  alwaysOn: boolean;
  /** Per weekday: merged, sorted intervals in minutes since local midnight. */
  minutesByWeekday: Array<Array<[number, number]>>;
  holidays: Set<string>;
  hasWorkingTime: boolean;
};

function clockToMinutes(value: string): number {
  if (!CLOCK_TIME.test(value)) throw new RangeError(`Working hours must be HH:mm, got "${value}"`);
  return Number(value.slice(0, 2)) * 60 + Number(value.slice(3, 5));
}

/**
 * Compiled forms of frozen calendars (see `freezeCalendar`): a frozen calendar cannot change, so it is
 * checked and normalized once. Weakly held: it lives as long as the calendar object does.
 */
const compiledFrozen = new WeakMap<WorkingCalendar, Compiled>();

/**
 * Checked and normalized on every call (microseconds), so a calendar edited in place is never stale;
 * a frozen calendar (`freezeCalendar`) is compiled once, which is what per-row loops (worklists,
 * a case's twelve stages) want.
 */
function compile(cal: WorkingCalendar): Compiled {
  const cached = compiledFrozen.get(cal);
  if (cached) return cached;
  const compiled = compileNow(cal);
  if (isDeepFrozen(cal)) compiledFrozen.set(cal, compiled);
  return compiled;
}

function isDeepFrozen(cal: WorkingCalendar): boolean {
  if (!Object.isFrozen(cal) || !Object.isFrozen(cal.workingHours) || !Object.isFrozen(cal.holidays)) return false;
  for (const day of Object.values(cal.workingHours) as WorkingInterval[][]) {
    if (!Object.isFrozen(day)) return false;
    for (const interval of day) if (!Object.isFrozen(interval)) return false;
  }
  return true;
}

/** Freeze a calendar (deeply) so the functions below compile it once instead of on every call. */
export function freezeCalendar(cal: WorkingCalendar): Readonly<WorkingCalendar> {
  return deepFreeze(cal);
}

function compileNow(cal: WorkingCalendar): Compiled {
  formatterFor(cal.timeZone); // throws a RangeError for an unknown zone
  const minutesByWeekday = ([0, 1, 2, 3, 4, 5, 6] as const).map((weekday) => {
    const intervals = (cal.workingHours[weekday] ?? []).map(({ start, end }): [number, number] => {
      const from = clockToMinutes(start);
      const to = clockToMinutes(end);
      if (from >= to) throw new RangeError(`Working interval ${start}–${end} ends before it starts`);
      return [from, to];
    });
    intervals.sort((a, b) => a[0] - b[0]);
    // Overlapping or touching intervals are merged so no minute counts twice.
    const merged: Array<[number, number]> = [];
    for (const [from, to] of intervals) {
      const last = merged.at(-1);
      if (last && from <= last[1]) last[1] = Math.max(last[1], to);
      else merged.push([from, to]);
    }
    return merged;
  });
  return {
    timeZone: cal.timeZone,
    alwaysOn: cal.alwaysOn,
    minutesByWeekday,
    holidays: new Set(cal.holidays),
    hasWorkingTime: minutesByWeekday.some((d) => d.length > 0),
  };
}

/** The working intervals of one local day, as instants [from, to) in ms; none on a holiday. */
function workingIntervalsOfDay(cal: Compiled, dayNumber: number): Array<[number, number]> {
  if (cal.holidays.size > 0 && cal.holidays.has(new Date(dayNumber * DAY_MS).toISOString().slice(0, 10))) return [];
  const weekday = (dayNumber + 4) % 7; // 1970-01-01 was a Thursday
  const midnightWall = dayNumber * DAY_MS;
  const offset = offsetOfWholeDay(dayNumber, cal.timeZone);
  const toInstant = (minute: number) =>
    offset === null ? instantOfWallClock(midnightWall + minute * MINUTE_MS, cal.timeZone) : midnightWall + minute * MINUTE_MS - offset;
  return cal.minutesByWeekday[weekday].map(([from, to]) => [toInstant(from), toInstant(to)]);
}

function assertValidDate(value: Date, name: string): number {
  const ms = value.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`${name} is not a valid date`);
  return ms;
}

// ---------------------------------------------------------------------------------------------
// Public functions

/** The calendar year in the zone at an instant (e.g. for `RS-2026-0001`), without a new `Intl` object. */
export function localYear(instant: Date, timeZone: string): number {
  const ms = assertValidDate(instant, 'instant');
  formatterFor(timeZone); // throws a RangeError for an unknown zone
  return new Date(localDayNumber(ms, timeZone) * DAY_MS).getUTCFullYear();
}

/**
 * Minutes of working time from `start` to `end` (0 if `end` is not after `start`). Fractional when
 * the instants are not on whole minutes.
 */
export function workingMinutesBetween(start: Date, end: Date, cal: WorkingCalendar): number {
  const from = assertValidDate(start, 'start');
  const to = assertValidDate(end, 'end');
  if (to <= from) return 0;
  const compiled = compile(cal);
  if (compiled.alwaysOn) return (to - from) / MINUTE_MS;

  let totalMs = 0;
  const lastDay = localDayNumber(to, compiled.timeZone);
  for (let dayNumber = localDayNumber(from, compiled.timeZone); dayNumber <= lastDay; dayNumber++) {
    for (const [open, close] of workingIntervalsOfDay(compiled, dayNumber)) {
      const overlap = Math.min(close, to) - Math.max(open, from);
      if (overlap > 0) totalMs += overlap;
    }
  }
  return totalMs / MINUTE_MS;
}

/**
 * The instant at which `minutes` of working time have elapsed since `start`: a stage's deadline.
 * When the time runs out exactly at closing, the deadline is the closing time, not the next opening.
 * Zero minutes gives `start` itself, even outside working hours.
 */
export function addWorkingMinutes(start: Date, minutes: number, cal: WorkingCalendar): Date {
  const from = assertValidDate(start, 'start');
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError('minutes must be a non-negative number');
  let remainingMs = Math.round(minutes * MINUTE_MS);
  if (remainingMs === 0) return new Date(from);
  const compiled = compile(cal);
  if (compiled.alwaysOn) return new Date(from + remainingMs);
  if (!compiled.hasWorkingTime) throw new RangeError('The calendar has no working hours on any day');

  const firstDay = localDayNumber(from, compiled.timeZone);
  for (let dayNumber = firstDay; dayNumber < firstDay + MAX_SEARCH_DAYS; dayNumber++) {
    for (const [open, close] of workingIntervalsOfDay(compiled, dayNumber)) {
      if (close <= from) continue;
      const begin = Math.max(open, from);
      const available = close - begin;
      if (remainingMs <= available) return new Date(begin + remainingMs);
      remainingMs -= available;
    }
  }
  throw new RangeError('No working time found within 20 years: check the calendar');
}

/**
 * Minutes in a standard working day: the daily total that most weekdays share (days without work
 * left out; on a tie, the longer day). With `DEFAULT_CALENDAR` it is 510 (Monday–Thursday
 * 07:30–16:00; Friday's 540 is the odd one out); with 24-hour duty it is 1,440.
 */
export function standardWorkingDayMinutes(cal: WorkingCalendar): number {
  const compiled = compile(cal);
  if (compiled.alwaysOn) return 24 * 60;
  const counts = new Map<number, number>();
  for (const intervals of compiled.minutesByWeekday) {
    const total = intervals.reduce((sum, [from, to]) => sum + (to - from), 0);
    if (total > 0) counts.set(total, (counts.get(total) ?? 0) + 1);
  }
  let best = 0;
  let bestCount = 0;
  for (const [total, count] of counts) {
    if (count > bestCount || (count === bestCount && total > best)) {
      best = total;
      bestCount = count;
    }
  }
  if (bestCount === 0) throw new RangeError('The calendar has no working hours on any day');
  return best;
}

/**
 * A target given in working days ("2 hari kerja") as working minutes, for `addWorkingMinutes`:
 * `days` × `standardWorkingDayMinutes(cal)`. Counting minutes rather than calendar days keeps
 * every SOP timer in one unit and makes a target that starts mid-afternoon end mid-afternoon.
 */
export function workingDaysToMinutes(days: number, cal: WorkingCalendar): number {
  if (!Number.isFinite(days) || days < 0) throw new RangeError('days must be a non-negative number');
  return days * standardWorkingDayMinutes(cal);
}
