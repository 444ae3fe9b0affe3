import { describe, expect, it } from 'vitest';
import { formatNumber } from './numbers.js';

describe('formatNumber', () => {
  it('writes decimals and thousands as each language does', () => {
    expect(formatNumber(97.2222, 'id')).toBe('97,22');
    expect(formatNumber(97.2222, 'en')).toBe('97.22');
    expect(formatNumber(1234, 'id')).toBe('1.234');
    expect(formatNumber(1234, 'en')).toBe('1,234');
    expect(formatNumber(100, 'id')).toBe('100');
    expect(formatNumber(83.3, 'id')).toBe('83,3');
  });

  it('keeps a fixed number of decimals when asked (an IKM)', () => {
    expect(formatNumber(97.2, 'id', 2)).toBe('97,20');
    expect(formatNumber(88, 'en', 2)).toBe('88.00');
    expect(formatNumber(3.456, 'id', 1)).toBe('3,5');
  });

  it('is Indonesian for any language it does not know', () => {
    expect(formatNumber(1.5, 'jv')).toBe('1,5');
  });
});
