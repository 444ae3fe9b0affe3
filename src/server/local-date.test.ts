import { describe, expect, it } from 'vitest';
import { localDate, localDateParts, localMonth } from './local-date.js';

describe('local dates of an instant', () => {
  const at = new Date('2026-12-31T17:30:00Z');

  it("is the zone's calendar date, not the server's", () => {
    expect(localDate(at, 'UTC')).toBe('2026-12-31');
    // 00:30 on New Year's Day in Jakarta (UTC+7), 02:30 in Jayapura (UTC+9).
    expect(localDate(at, 'Asia/Jakarta')).toBe('2027-01-01');
    expect(localDate(at, 'Asia/Jayapura')).toBe('2027-01-01');
    expect(localMonth(at, 'Asia/Makassar')).toBe('2027-01');
    expect(localDateParts(at, 'Asia/Jakarta')).toEqual({ year: 2027, month: 1, day: 1 });
  });

  it('gives each zone its own answer when called alternately (one kept formatter per zone)', () => {
    for (let i = 0; i < 3; i++) {
      expect(localDate(at, 'UTC')).toBe('2026-12-31');
      expect(localDate(at, 'Asia/Jakarta')).toBe('2027-01-01');
    }
  });
});
