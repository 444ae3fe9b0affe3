import { describe, expect, it } from 'vitest';
import { dateParts, formatLongDate, formatLongDateTime, formatShortDate, indonesianNumberWords } from './dates.js';

describe('numbers in Indonesian words (terbilang)', () => {
  it.each([
    [0, 'nol'],
    [1, 'satu'],
    [10, 'sepuluh'],
    [11, 'sebelas'],
    [12, 'dua belas'],
    [19, 'sembilan belas'],
    [20, 'dua puluh'],
    [31, 'tiga puluh satu'],
    [100, 'seratus'],
    [111, 'seratus sebelas'],
    [250, 'dua ratus lima puluh'],
    [1000, 'seribu'],
    [1945, 'seribu sembilan ratus empat puluh lima'],
    [2026, 'dua ribu dua puluh enam'],
    [150_000, 'seratus lima puluh ribu'],
    [1_000_000, 'satu juta'],
    [2_500_000_000, 'dua miliar lima ratus juta'],
  ])('%i → %s', (n, words) => {
    expect(indonesianNumberWords(n)).toBe(words);
  });

  it('refuses what it cannot spell', () => {
    expect(() => indonesianNumberWords(-1)).toThrow(RangeError);
    expect(() => indonesianNumberWords(1.5)).toThrow(RangeError);
  });
});

describe('dates on documents', () => {
  // 23:30 UTC on Sunday 10 May 2026 is already Monday 11 May in Jakarta.
  const at = new Date('2026-05-10T23:30:00Z');

  it('are read in the organization’s time zone', () => {
    expect(dateParts(at, 'Asia/Jakarta', 'id')).toEqual({ day: 11, month: 5, year: 2026, weekday: 'Senin', monthName: 'Mei' });
    expect(dateParts(at, 'UTC', 'en')).toMatchObject({ day: 10, weekday: 'Sunday', monthName: 'May' });
  });

  it('are written the Indonesian way, or the English way', () => {
    expect(formatLongDate(at, 'Asia/Jakarta', 'id')).toBe('11 Mei 2026');
    expect(formatLongDate(at, 'Asia/Jakarta', 'en')).toBe('11 May 2026');
    expect(formatLongDateTime(at, 'Asia/Jakarta', 'id')).toBe('11 Mei 2026 pukul 06.30');
    expect(formatLongDateTime(at, 'Asia/Jayapura', 'en')).toBe('11 May 2026, 08:30');
    expect(formatShortDate(at, 'Asia/Jakarta')).toBe('11-05-2026');
  });
});
