/**
 * Dates as official Indonesian documents write them: "Senin, 11 Mei 2026", and in words for the
 * opening of a berita acara ("tanggal sebelas bulan Mei tahun dua ribu dua puluh enam").
 */
import type { Language } from '../../shared/i18n/index.js';
import { localDateParts } from '../local-date.js';

const UNITS = ['', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan', 'sepuluh', 'sebelas'];

/** A whole number 0 … 999,999,999,999 in Indonesian words ("terbilang"): 2026 → "dua ribu dua puluh enam". */
export function indonesianNumberWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1e12) throw new RangeError(`Cannot spell ${n}`);
  if (n === 0) return 'nol';
  const words = (x: number): string => {
    if (x < 12) return UNITS[x];
    if (x < 20) return `${UNITS[x - 10]} belas`;
    if (x < 100) return `${UNITS[Math.floor(x / 10)]} puluh ${words(x % 10)}`;
    if (x < 200) return `seratus ${words(x - 100)}`;
    if (x < 1000) return `${UNITS[Math.floor(x / 100)]} ratus ${words(x % 100)}`;
    if (x < 2000) return `seribu ${words(x - 1000)}`;
    if (x < 1e6) return `${words(Math.floor(x / 1000))} ribu ${words(x % 1000)}`;
    if (x < 1e9) return `${words(Math.floor(x / 1e6))} juta ${words(x % 1e6)}`;
    return `${words(Math.floor(x / 1e9))} miliar ${words(x % 1e9)}`;
  };
  return words(n).replace(/\s+/g, ' ').trim();
}

const LOCALES: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

/** The parts of a moment as seen in a time zone, with names in the language. */
export function dateParts(at: Date, timeZone: string, lang: Language) {
  const { year, month, day } = localDateParts(at, timeZone);
  const locale = LOCALES[lang];
  return {
    day,
    month,
    year,
    weekday: new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long' }).format(at),
    monthName: new Intl.DateTimeFormat(locale, { timeZone, month: 'long' }).format(at),
  };
}

/** "11 Mei 2026" / "11 May 2026". */
export function formatLongDate(at: Date, timeZone: string, lang: Language): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { timeZone, day: 'numeric', month: 'long', year: 'numeric' }).format(at);
}

/** "11 Mei 2026 pukul 09.30" / "11 May 2026, 09:30". */
export function formatLongDateTime(at: Date, timeZone: string, lang: Language): string {
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  return lang === 'id' ? `${formatLongDate(at, timeZone, lang)} pukul ${time.replace(':', '.')}` : `${formatLongDate(at, timeZone, lang)}, ${time}`;
}

/** "11-05-2026", the short form written in brackets after a date in words. */
export function formatShortDate(at: Date, timeZone: string): string {
  const { day, month, year } = dateParts(at, timeZone, 'id');
  return `${String(day).padStart(2, '0')}-${String(month).padStart(2, '0')}-${year}`;
}
