import { describe, expect, it } from 'vitest';
import { initials } from './initials.js';

describe('account initials', () => {
  it.each([
    ['Siti Rahayu', 'SR'],
    ['Budi', 'B'],
    ['  Agus   Dwi  Santoso ', 'AS'],
    ['Petugas 0 (BENCH)', 'PB'],
    ['Mr. X Terminal', 'MT'],
    ['dr. Ayu', 'DA'],
    ['123', '?'],
  ])('%s → %s', (name, expected) => {
    expect(initials(name)).toBe(expected);
  });
});
