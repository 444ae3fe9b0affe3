import { describe, expect, it } from 'vitest';
import { formatMonth } from './labels.js';

describe('formatMonth', () => {
  it.each([
    ['2026-12', 'id', 'long', 'Desember 2026'],
    ['2026-01', 'id', 'long', 'Januari 2026'],
    ['2026-08', 'id', 'short', 'Agu 2026'],
    ['2026-12', 'en', 'long', 'December 2026'],
    ['2026-09', 'en', 'short', 'Sept 2026'],
  ] as const)('%s in %s (%s) → %s', (value, language, style, expected) => {
    // Written out, not computed with Intl: the test must fail if the month or the language is wrong.
    expect(formatMonth(value, language, style)).toBe(expected);
  });

  it('keeps what is not a month as it came (never a wrong date)', () => {
    expect(formatMonth('2026-13', 'id')).toBe('2026-13');
    expect(formatMonth('2026-12-01', 'id')).toBe('2026-12-01');
    expect(formatMonth('', 'en')).toBe('');
  });
});
