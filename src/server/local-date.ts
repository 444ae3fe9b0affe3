/**
 * The calendar date of an instant in a time zone (an organization's, from its service settings): what
 * "today", "this month" and "the day of a stay" mean for a shelter. One formatter per zone, kept:
 * building an `Intl.DateTimeFormat` costs far more than using one (docs/PERFORMANCE.md, reports).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

/** `YYYY-MM-DD` of an instant in a zone. */
export function localDate(at: Date, timeZone: string): string {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  return formatter.format(at);
}

/** `YYYY-MM` of an instant in a zone. */
export function localMonth(at: Date, timeZone: string): string {
  return localDate(at, timeZone).slice(0, 7);
}

/** Year, month (1–12) and day of an instant in a zone, as numbers. */
export function localDateParts(at: Date, timeZone: string): { year: number; month: number; day: number } {
  const [year, month, day] = localDate(at, timeZone).split('-').map(Number);
  return { year, month, day };
}
