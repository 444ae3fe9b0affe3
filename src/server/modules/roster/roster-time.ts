/**
 * Wall-clock arithmetic for duty shifts, in the organization's IANA time zone. Pure; it never reads
 * the machine's time zone.
 */

/** Offset (ms) of `timeZone` from UTC at the instant `at`. */
function zoneOffsetMs(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant of a wall-clock date (`YYYY-MM-DD`) and time (`HH:MM`) in `timeZone`. */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const guess = Date.UTC(y, m - 1, d, hh, mm);
  // Two passes settle the offset also next to a daylight-saving change.
  let instant = guess - zoneOffsetMs(new Date(guess), timeZone);
  instant = guess - zoneOffsetMs(new Date(instant), timeZone);
  return new Date(instant);
}

/** `YYYY-MM-DD` plus `days`. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (both `YYYY-MM-DD`). */
export function daysBetween(a: string, b: string): number {
  const toUtc = (s: string) => {
    const [y, m, d] = s.split('-').map(Number);
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((toUtc(b) - toUtc(a)) / 86_400_000);
}

/** Whether a shift ends on the next day: an end at or before the start (22:00–07:00; 08:00–08:00 is 24 hours). */
export function crossesMidnight(startTime: string, endTime: string): boolean {
  return endTime <= startTime;
}

/** The instants a shift starts and ends; a night shift ends on the following day (16:00–00:00 ends at the next midnight). */
export function shiftInterval(shift: { shiftDate: string; startTime: string; endTime: string }, timeZone: string) {
  const startsAt = zonedInstant(shift.shiftDate, shift.startTime, timeZone);
  const endDate = crossesMidnight(shift.startTime, shift.endTime) ? addDays(shift.shiftDate, 1) : shift.shiftDate;
  return { startsAt, endsAt: zonedInstant(endDate, shift.endTime, timeZone) };
}

/** Whether the shift covers the instant `at` (start inclusive, end exclusive). */
export function isOnDutyAt(shift: { shiftDate: string; startTime: string; endTime: string }, at: Date, timeZone: string): boolean {
  const { startsAt, endsAt } = shiftInterval(shift, timeZone);
  return startsAt.getTime() <= at.getTime() && at.getTime() < endsAt.getTime();
}
