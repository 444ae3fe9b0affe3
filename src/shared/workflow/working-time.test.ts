import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addWorkingMinutes,
  DEFAULT_CALENDAR,
  freezeCalendar,
  localYear,
  standardWorkingDayMinutes,
  type WorkingCalendar,
  workingCalendarSchema,
  workingDaysToMinutes,
  workingMinutesBetween,
} from './working-time.js';

/** A wall-clock time in Jakarta (WIB, UTC+7). 2026-05-11 is a Monday. */
const wib = (local: string) => new Date(`${local}:00+07:00`);

const NONE: WorkingCalendar['workingHours'] = { 0: [], 1: [], 2: [], 3: [], 4: [], 5: [], 6: [] };

/** The default office hours with Ascension Day 2026 (Thu 14 May) and Labour Day (Fri 1 May) off. */
const WITH_HOLIDAYS: WorkingCalendar = { ...DEFAULT_CALENDAR, holidays: ['2026-05-01', '2026-05-14', '2026-01-01'] };
/** A shelter on 24-hour duty (piket). */
const ALWAYS_ON: WorkingCalendar = { ...DEFAULT_CALENDAR, alwaysOn: true, holidays: ['2026-05-14'] };
/** The same hours in Makassar (WITA, UTC+8) and Jayapura (WIT, UTC+9). */
const WITA: WorkingCalendar = { ...DEFAULT_CALENDAR, timeZone: 'Asia/Makassar' };
const WIT: WorkingCalendar = { ...DEFAULT_CALENDAR, timeZone: 'Asia/Jayapura' };
/** Office hours with a lunch break on Mondays. */
const LUNCH_BREAK: WorkingCalendar = {
  ...DEFAULT_CALENDAR,
  workingHours: { ...DEFAULT_CALENDAR.workingHours, 1: [{ start: '07:30', end: '12:00' }, { start: '13:00', end: '16:00' }] },
};
/** A night shift, written as the end of one day and the start of the next. */
const night = [
  { start: '00:00', end: '06:00' },
  { start: '22:00', end: '24:00' },
];
const NIGHT_SHIFT: WorkingCalendar = { ...DEFAULT_CALENDAR, workingHours: { 0: night, 1: night, 2: night, 3: night, 4: night, 5: night, 6: night } };
/** Monday hours entered twice, overlapping: no minute may count twice. */
const OVERLAPPING: WorkingCalendar = {
  ...DEFAULT_CALENDAR,
  workingHours: { ...DEFAULT_CALENDAR.workingHours, 1: [{ start: '11:00', end: '16:00' }, { start: '07:30', end: '12:00' }, { start: '09:00', end: '10:00' }] },
};
/** Half an hour after midnight on Sunday 25 October 2026 in Amsterdam, just before clocks go back (01:00 UTC). */
const AMSTERDAM_FALL_BACK: WorkingCalendar = {
  timeZone: 'Europe/Amsterdam',
  alwaysOn: false,
  workingHours: { ...NONE, 0: [{ start: '01:00', end: '01:30' }] },
  holidays: [],
};
/** Every hour of every day, in a zone with daylight saving (for the generality of the zone maths). */
const allDay = [{ start: '00:00', end: '24:00' }];
const AMSTERDAM_ALL_DAY: WorkingCalendar = {
  timeZone: 'Europe/Amsterdam',
  alwaysOn: false,
  workingHours: { 0: allDay, 1: allDay, 2: allDay, 3: allDay, 4: allDay, 5: allDay, 6: allDay },
  holidays: [],
};

// The machine's zone must not matter: run every case under several process time zones.
describe.each(['UTC', 'America/New_York', 'Asia/Jakarta', 'Pacific/Kiritimati'])('with the server clock in %s', (processZone) => {
  const original = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = processZone;
  });
  afterAll(() => {
    process.env.TZ = original;
  });

  it('really runs in that zone', () => {
    const offsets: Record<string, number> = { UTC: 0, 'America/New_York': 240, 'Asia/Jakarta': -420, 'Pacific/Kiritimati': -840 };
    expect(new Date('2026-05-11T12:00:00Z').getTimezoneOffset()).toBe(offsets[processZone]);
  });

  describe('working minutes between two moments', () => {
    it.each([
      { case: 'one hour on a Monday morning', from: wib('2026-05-11T08:00'), to: wib('2026-05-11T09:00'), cal: DEFAULT_CALENDAR, minutes: 60 },
      { case: 'a whole Monday, opening to closing', from: wib('2026-05-11T07:30'), to: wib('2026-05-11T16:00'), cal: DEFAULT_CALENDAR, minutes: 510 },
      { case: 'a whole Friday, which closes at 16:30', from: wib('2026-05-15T00:00'), to: wib('2026-05-16T00:00'), cal: DEFAULT_CALENDAR, minutes: 540 },
      { case: 'early morning before opening', from: wib('2026-05-11T06:00'), to: wib('2026-05-11T07:30'), cal: DEFAULT_CALENDAR, minutes: 0 },
      { case: 'from closing to the next opening', from: wib('2026-05-11T16:00'), to: wib('2026-05-12T07:30'), cal: DEFAULT_CALENDAR, minutes: 0 },
      { case: 'an afternoon and the next morning', from: wib('2026-05-11T15:00'), to: wib('2026-05-12T08:30'), cal: DEFAULT_CALENDAR, minutes: 120 },
      { case: 'Friday afternoon over the weekend to Monday', from: wib('2026-05-15T16:00'), to: wib('2026-05-18T08:00'), cal: DEFAULT_CALENDAR, minutes: 60 },
      { case: 'a weekend only', from: wib('2026-05-16T10:00'), to: wib('2026-05-17T12:00'), cal: DEFAULT_CALENDAR, minutes: 0 },
      { case: 'a full week', from: wib('2026-05-11T07:30'), to: wib('2026-05-18T07:30'), cal: DEFAULT_CALENDAR, minutes: 4 * 510 + 540 },
      { case: 'the same moment twice', from: wib('2026-05-11T09:00'), to: wib('2026-05-11T09:00'), cal: DEFAULT_CALENDAR, minutes: 0 },
      { case: 'an end before the start', from: wib('2026-05-11T10:00'), to: wib('2026-05-11T09:00'), cal: DEFAULT_CALENDAR, minutes: 0 },
      { case: 'half a minute', from: new Date('2026-05-11T08:00:30+07:00'), to: wib('2026-05-11T08:01'), cal: DEFAULT_CALENDAR, minutes: 0.5 },
      { case: 'a day that starts on a holiday', from: wib('2026-05-14T09:00'), to: wib('2026-05-15T09:00'), cal: WITH_HOLIDAYS, minutes: 90 },
      { case: 'the holiday itself', from: wib('2026-05-14T07:30'), to: wib('2026-05-14T16:00'), cal: WITH_HOLIDAYS, minutes: 0 },
      { case: 'across a month end with Labour Day off', from: wib('2026-04-30T15:00'), to: wib('2026-05-04T08:00'), cal: WITH_HOLIDAYS, minutes: 60 + 30 },
      { case: 'across a month end without the holiday', from: wib('2026-04-30T15:00'), to: wib('2026-05-04T08:00'), cal: DEFAULT_CALENDAR, minutes: 60 + 540 + 30 },
      { case: 'across New Year with 1 January off', from: wib('2025-12-31T15:00'), to: wib('2026-01-02T08:00'), cal: WITH_HOLIDAYS, minutes: 60 + 30 },
      { case: 'across New Year as a working day', from: wib('2025-12-31T15:00'), to: wib('2026-01-02T08:00'), cal: DEFAULT_CALENDAR, minutes: 60 + 510 + 30 },
      // 2026 starts on a Thursday: 209 Mondays–Thursdays and 52 Fridays.
      { case: 'the whole year 2026', from: wib('2026-01-01T00:00'), to: wib('2027-01-01T00:00'), cal: DEFAULT_CALENDAR, minutes: 209 * 510 + 52 * 540 },
      { case: 'Saturday night on 24-hour duty', from: wib('2026-05-16T22:00'), to: wib('2026-05-17T06:00'), cal: ALWAYS_ON, minutes: 480 },
      { case: 'a holiday on 24-hour duty', from: wib('2026-05-14T00:00'), to: wib('2026-05-15T00:00'), cal: ALWAYS_ON, minutes: 1440 },
      { case: 'Monday 07:30–16:00 WIB read in Makassar (08:30–17:00 WITA)', from: wib('2026-05-11T07:30'), to: wib('2026-05-11T16:00'), cal: WITA, minutes: 450 },
      { case: 'Monday 07:30–16:00 WIB read in Jayapura (09:30–18:00 WIT)', from: wib('2026-05-11T07:30'), to: wib('2026-05-11T16:00'), cal: WIT, minutes: 390 },
      // Sunday 23:00 WIB is already Monday 01:00 in Jayapura; Monday 09:00 WIB is 11:00 WIT: 07:30–11:00 counts.
      { case: 'Sunday night WIB to Monday morning WIB, read in Jayapura', from: wib('2026-05-10T23:00'), to: wib('2026-05-11T09:00'), cal: WIT, minutes: 210 },
      { case: 'over the lunch break', from: wib('2026-05-11T11:00'), to: wib('2026-05-11T14:00'), cal: LUNCH_BREAK, minutes: 120 },
      { case: 'a night shift across midnight', from: wib('2026-05-11T23:00'), to: wib('2026-05-12T01:00'), cal: NIGHT_SHIFT, minutes: 120 },
      { case: 'a Monday whose hours were entered overlapping', from: wib('2026-05-11T00:00'), to: wib('2026-05-12T00:00'), cal: OVERLAPPING, minutes: 510 },
      {
        case: 'Saturday noon to Sunday noon in Amsterdam, a day of 23 hours (clocks go forward)',
        from: new Date('2026-03-28T12:00:00+01:00'),
        to: new Date('2026-03-29T12:00:00+02:00'),
        cal: AMSTERDAM_ALL_DAY,
        minutes: 23 * 60,
      },
    ])('$case: $minutes min', ({ from, to, cal, minutes }) => {
      expect(workingMinutesBetween(from, to, cal)).toBe(minutes);
    });
  });

  describe('deadline after a number of working minutes', () => {
    it.each([
      { case: 'reception (15 min) at 08:00', from: wib('2026-05-11T08:00'), minutes: 15, cal: DEFAULT_CALENDAR, due: wib('2026-05-11T08:15') },
      { case: 'an hour that ends exactly at closing', from: wib('2026-05-11T15:00'), minutes: 60, cal: DEFAULT_CALENDAR, due: wib('2026-05-11T16:00') },
      { case: 'one minute past closing', from: wib('2026-05-11T15:00'), minutes: 61, cal: DEFAULT_CALENDAR, due: wib('2026-05-12T07:31') },
      { case: 'a client brought before opening', from: wib('2026-05-11T06:00'), minutes: 15, cal: DEFAULT_CALENDAR, due: wib('2026-05-11T07:45') },
      { case: 'a client brought at opening', from: wib('2026-05-11T07:30'), minutes: 510, cal: DEFAULT_CALENDAR, due: wib('2026-05-11T16:00') },
      { case: 'Friday afternoon over the weekend', from: wib('2026-05-15T16:00'), minutes: 60, cal: DEFAULT_CALENDAR, due: wib('2026-05-18T08:00') },
      { case: 'a client brought by a Saturday raid', from: wib('2026-05-16T10:00'), minutes: 15, cal: DEFAULT_CALENDAR, due: wib('2026-05-18T07:45') },
      { case: 'a client brought on a holiday', from: wib('2026-05-14T09:00'), minutes: 30, cal: WITH_HOLIDAYS, due: wib('2026-05-15T08:00') },
      { case: 'across New Year with 1 January off', from: wib('2025-12-31T15:30'), minutes: 60, cal: WITH_HOLIDAYS, due: wib('2026-01-02T08:00') },
      { case: 'across a month end with Labour Day off', from: wib('2026-04-30T15:00'), minutes: 120, cal: WITH_HOLIDAYS, due: wib('2026-05-04T08:30') },
      // 1,455 = 510 (Mon) + 510 (Tue) + 435 (Wed from 07:30).
      { case: 'the whole SOP (1,455 min) from Monday opening', from: wib('2026-05-11T07:30'), minutes: 1455, cal: DEFAULT_CALENDAR, due: wib('2026-05-13T14:45') },
      { case: 'two working days from Monday 08:00', from: wib('2026-05-11T08:00'), minutes: 1020, cal: DEFAULT_CALENDAR, due: wib('2026-05-13T08:00') },
      { case: 'zero minutes at a closed hour', from: wib('2026-05-16T10:00'), minutes: 0, cal: DEFAULT_CALENDAR, due: wib('2026-05-16T10:00') },
      { case: 'half a minute', from: wib('2026-05-11T08:00'), minutes: 0.5, cal: DEFAULT_CALENDAR, due: new Date('2026-05-11T08:00:30+07:00') },
      { case: 'Saturday night on 24-hour duty', from: wib('2026-05-16T22:00'), minutes: 480, cal: ALWAYS_ON, due: wib('2026-05-17T06:00') },
      { case: 'a Jayapura office at 09:00 WIT', from: new Date('2026-05-11T09:00:00+09:00'), minutes: 60, cal: WIT, due: new Date('2026-05-11T10:00:00+09:00') },
      { case: 'a Jayapura office at 16:00 WIB (18:00 WIT)', from: wib('2026-05-11T16:00'), minutes: 30, cal: WIT, due: new Date('2026-05-12T08:00:00+09:00') },
      { case: 'over the lunch break', from: wib('2026-05-11T11:00'), minutes: 120, cal: LUNCH_BREAK, due: wib('2026-05-11T14:00') },
      { case: 'a night shift across midnight', from: wib('2026-05-11T23:00'), minutes: 120, cal: NIGHT_SHIFT, due: wib('2026-05-12T01:00') },
      { case: 'a night shift after its morning end', from: wib('2026-05-12T05:30'), minutes: 60, cal: NIGHT_SHIFT, due: wib('2026-05-12T22:30') },
      { case: 'a Monday whose hours were entered overlapping', from: wib('2026-05-11T07:30'), minutes: 511, cal: OVERLAPPING, due: wib('2026-05-12T07:31') },
      {
        // 01:00 CEST is 23:00 UTC the day before, although at 01:00 UTC the clocks already show CET.
        case: 'a wall time just before the clocks go back in Amsterdam',
        from: new Date('2026-10-24T12:00:00+02:00'),
        minutes: 15,
        cal: AMSTERDAM_FALL_BACK,
        due: new Date('2026-10-24T23:15:00Z'),
      },
    ])('$case', ({ from, minutes, cal, due }) => {
      expect(addWorkingMinutes(from, minutes, cal).toISOString()).toBe(due.toISOString());
    });

    it.each([
      { from: wib('2026-05-11T06:00'), minutes: 1 },
      { from: wib('2026-05-15T16:29'), minutes: 1 },
      { from: wib('2026-05-13T12:34'), minutes: 1455 },
      { from: wib('2025-12-30T10:00'), minutes: 5000 },
      { from: wib('2026-05-16T03:00'), minutes: 777 },
    ])('counts back to the same $minutes minutes from $from', ({ from, minutes }) => {
      for (const cal of [DEFAULT_CALENDAR, WITH_HOLIDAYS, WIT, LUNCH_BREAK, NIGHT_SHIFT]) {
        expect(workingMinutesBetween(from, addWorkingMinutes(from, minutes, cal), cal)).toBe(minutes);
      }
    });
  });
});

describe('working days as minutes', () => {
  const fourtyHourWeek: WorkingCalendar = {
    ...DEFAULT_CALENDAR,
    workingHours: { ...NONE, 1: [{ start: '08:00', end: '16:00' }], 2: [{ start: '08:00', end: '16:00' }], 3: [{ start: '08:00', end: '15:00' }], 4: [{ start: '08:00', end: '15:00' }] },
  };
  it.each([
    { case: 'a standard day of the default office hours (Mon–Thu 510 beats Fri 540)', days: 1, cal: DEFAULT_CALENDAR, minutes: 510 },
    { case: 'two working days in the default office hours', days: 2, cal: DEFAULT_CALENDAR, minutes: 1020 },
    { case: 'half a working day', days: 0.5, cal: DEFAULT_CALENDAR, minutes: 255 },
    { case: 'a Monday with a lunch break: still three 510-minute days against one 450', days: 1, cal: LUNCH_BREAK, minutes: 510 },
    { case: 'two 8-hour days and two 7-hour days: the longer wins the tie', days: 1, cal: fourtyHourWeek, minutes: 480 },
    { case: 'a night shift, 8 hours a day', days: 3, cal: NIGHT_SHIFT, minutes: 1440 },
    { case: 'two days of 24-hour duty', days: 2, cal: ALWAYS_ON, minutes: 2880 },
  ])('$case: $minutes min', ({ days, cal, minutes }) => {
    expect(workingDaysToMinutes(days, cal)).toBe(minutes);
  });

  it('standard day of the default calendar is 8.5 hours', () => {
    expect(standardWorkingDayMinutes(DEFAULT_CALENDAR)).toBe(510);
  });
});

describe('calendars that cannot work', () => {
  const noHours: WorkingCalendar = { ...DEFAULT_CALENDAR, workingHours: NONE };
  it.each([
    { case: 'a deadline in a calendar without working hours', run: () => addWorkingMinutes(wib('2026-05-11T08:00'), 15, noHours) },
    { case: 'working days in a calendar without working hours', run: () => workingDaysToMinutes(2, noHours) },
    { case: 'a negative number of minutes', run: () => addWorkingMinutes(wib('2026-05-11T08:00'), -1, DEFAULT_CALENDAR) },
    { case: 'a negative number of days', run: () => workingDaysToMinutes(-1, DEFAULT_CALENDAR) },
    { case: 'an invalid start date', run: () => workingMinutesBetween(new Date('nope'), wib('2026-05-11T08:00'), DEFAULT_CALENDAR) },
    { case: 'an unknown time zone', run: () => workingMinutesBetween(wib('2026-05-11T08:00'), wib('2026-05-11T09:00'), { ...DEFAULT_CALENDAR, timeZone: 'Asia/Probolinggo' }) },
    {
      case: 'an interval that ends before it starts',
      run: () => workingMinutesBetween(wib('2026-05-11T08:00'), wib('2026-05-11T09:00'), { ...DEFAULT_CALENDAR, workingHours: { ...NONE, 1: [{ start: '16:00', end: '07:30' }] } }),
    },
    {
      case: 'a clock time that is not HH:mm',
      run: () => workingMinutesBetween(wib('2026-05-11T08:00'), wib('2026-05-11T09:00'), { ...DEFAULT_CALENDAR, workingHours: { ...NONE, 1: [{ start: '7:30', end: '16:00' }] } }),
    },
  ])('rejects $case', ({ run }) => {
    expect(run).toThrow(RangeError);
  });

  it('keeps the default calendar from being changed by one caller for everyone', () => {
    expect(() => DEFAULT_CALENDAR.holidays.push('2026-08-17')).toThrow(TypeError);
    expect(() => DEFAULT_CALENDAR.workingHours[1].push({ start: '17:00', end: '18:00' })).toThrow(TypeError);
  });
});

describe('calendar settings contract', () => {
  it.each([
    { case: 'the default calendar', cal: DEFAULT_CALENDAR, valid: true },
    { case: 'a WIT calendar with holidays', cal: { ...WIT, holidays: ['2026-08-17'] }, valid: true },
    { case: 'a night shift ending at 24:00', cal: NIGHT_SHIFT, valid: true },
    { case: 'an unknown zone', cal: { ...DEFAULT_CALENDAR, timeZone: 'WIB' }, valid: false },
    { case: 'a holiday written day-first', cal: { ...DEFAULT_CALENDAR, holidays: ['17-08-2026'] }, valid: false },
    { case: 'hours the wrong way round', cal: { ...DEFAULT_CALENDAR, workingHours: { ...NONE, 1: [{ start: '16:00', end: '07:30' }] } }, valid: false },
    { case: 'an hour 25', cal: { ...DEFAULT_CALENDAR, workingHours: { ...NONE, 1: [{ start: '07:30', end: '25:00' }] } }, valid: false },
  ])('$case is valid: $valid', ({ cal, valid }) => {
    expect(workingCalendarSchema.safeParse(cal).success).toBe(valid);
  });
});

describe('frozen calendars (compiled once) and the local year', () => {
  const clone = (c: WorkingCalendar): WorkingCalendar => JSON.parse(JSON.stringify(c));

  it('a frozen calendar gives the same deadlines and durations as the same calendar unfrozen', () => {
    for (const cal of [WITH_HOLIDAYS, LUNCH_BREAK, NIGHT_SHIFT, WITA, ALWAYS_ON]) {
      const frozen = freezeCalendar(clone(cal));
      for (const start of [wib('2026-05-11 06:00'), wib('2026-05-13 15:45'), wib('2026-04-30 23:10')]) {
        for (const minutes of [0, 30, 510, 1020, 4000]) {
          expect(addWorkingMinutes(start, minutes, frozen)).toEqual(addWorkingMinutes(start, minutes, cal));
          const end = new Date(start.getTime() + minutes * 97_000);
          expect(workingMinutesBetween(start, end, frozen)).toBe(workingMinutesBetween(start, end, cal));
        }
      }
      expect(standardWorkingDayMinutes(frozen)).toBe(standardWorkingDayMinutes(cal));
    }
  });

  it('a calendar that is not frozen and is edited in place is never answered from a stale copy', () => {
    const cal = clone(DEFAULT_CALENDAR);
    const start = wib('2026-05-11 07:30');
    expect(workingMinutesBetween(start, wib('2026-05-11 16:00'), cal)).toBe(510);
    cal.workingHours[1] = [{ start: '08:00', end: '12:00' }];
    cal.holidays.push('2026-05-12');
    expect(workingMinutesBetween(start, wib('2026-05-11 16:00'), cal)).toBe(240);
    expect(workingMinutesBetween(wib('2026-05-12 07:30'), wib('2026-05-12 16:00'), cal)).toBe(0);
  });

  it('the local year is the calendar date in the zone, not in UTC', () => {
    const newYearInJakarta = new Date('2026-12-31T17:30:00Z'); // 00:30 on 1 January 2027 in WIB
    expect(localYear(newYearInJakarta, 'Asia/Jakarta')).toBe(2027);
    expect(localYear(newYearInJakarta, 'UTC')).toBe(2026);
    expect(localYear(new Date('2026-12-31T16:59:59Z'), 'Asia/Jakarta')).toBe(2026);
    expect(localYear(new Date('2027-01-01T03:00:00Z'), 'America/New_York')).toBe(2026);
    expect(() => localYear(newYearInJakarta, 'Mars/Olympus')).toThrow(RangeError);
  });
});
