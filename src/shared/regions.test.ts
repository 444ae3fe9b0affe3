import { describe, expect, it } from 'vitest';
import { parentRegionCode, regionLevel, toDottedRegionCode } from './regions.js';

describe('region codes', () => {
  it.each([
    { input: '35', dotted: '35', level: 'province', parent: undefined },
    { input: '3574', dotted: '35.74', level: 'regency', parent: '35' },
    { input: '357401', dotted: '35.74.01', level: 'district', parent: '35.74' },
    { input: '3574011001', dotted: '35.74.01.1001', level: 'village', parent: '35.74.01' },
    { input: '35.74.01.1001', dotted: '35.74.01.1001', level: 'village', parent: '35.74.01' },
    { input: '11.01.01.2001', dotted: '11.01.01.2001', level: 'village', parent: '11.01.01' },
    { input: ' 35.74 ', dotted: '35.74', level: 'regency', parent: '35' },
  ])('a code typed as "$input" is the $level $dotted under $parent', ({ input, dotted, level, parent }) => {
    expect(toDottedRegionCode(input)).toBe(dotted);
    expect(regionLevel(input)).toBe(level);
    expect(parentRegionCode(input)).toBe(parent);
  });

  it.each([
    { input: '', why: 'empty' },
    { input: '3', why: 'one digit' },
    { input: '357', why: 'odd length' },
    { input: '35740110', why: 'eight digits: a village needs four more than a district' },
    { input: '35740110011', why: 'eleven digits' },
    { input: '35.7', why: 'a one-digit regency part' },
    { input: '35.74.01.101', why: 'a three-digit village part' },
    { input: '3574.01', why: 'dots in the wrong place' },
    { input: '35.74.', why: 'a trailing dot' },
    { input: 'ab', why: 'letters' },
    { input: '3574011001 1', why: 'inner space' },
  ])('"$input" is not a region code ($why)', ({ input }) => {
    expect(toDottedRegionCode(input)).toBeUndefined();
    expect(regionLevel(input)).toBeUndefined();
    expect(parentRegionCode(input)).toBeUndefined();
  });
});
