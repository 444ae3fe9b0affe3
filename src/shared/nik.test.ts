import { describe, expect, it } from 'vitest';
import enNik from './i18n/en/nik.json' with { type: 'json' };
import idNik from './i18n/id/nik.json' with { type: 'json' };
import { compareNikWithRecord, type NikProblem, parseKk, parseNik } from './nik.js';

/** A small stand-in for the region list: Kota Probolinggo, Temanggung, and the old Papua province. */
const KNOWN_REGIONS = new Set(['35', '35.74', '35.74.01', '35.74.03', '33', '33.23', '33.23.01', '91', '93', '93.01', '93.01.01']);
const regionExists = (code: string) => KNOWN_REGIONS.has(code);
/** Noon in Jakarta on 10 May 2026. */
const today = new Date('2026-05-10T05:00:00Z');
const opts = { regionExists, today };

describe('reading a NIK', () => {
  it.each([
    {
      who: 'a woman born 12 July 1985, registered in Kademangan, Kota Probolinggo',
      nik: '3574015207850001',
      expected: { provinceCode: '35', regencyCode: '35.74', districtCode: '35.74.01', sex: 'female', birthDate: '1985-07-12', serial: '0001' },
    },
    {
      who: 'a man born 5 March 2001, registered in Bulu, Temanggung',
      nik: '3323010503010042',
      expected: { provinceCode: '33', regencyCode: '33.23', districtCode: '33.23.01', sex: 'male', birthDate: '2001-03-05', serial: '0042' },
    },
    {
      who: 'a woman born on the first of the month (day 41)',
      nik: '3574034101700123',
      expected: { districtCode: '35.74.03', sex: 'female', birthDate: '1970-01-01', serial: '0123' },
    },
    {
      who: 'a woman born on New Year’s Eve (day 71)',
      nik: '3574017112999999',
      expected: { sex: 'female', birthDate: '1999-12-31', serial: '9999' },
    },
    {
      who: 'a man born on 31 December',
      nik: '3574013112990001',
      expected: { sex: 'male', birthDate: '1999-12-31' },
    },
    {
      who: 'a woman born on 29 February 2000, a leap year',
      nik: '3574036902000007',
      expected: { sex: 'female', birthDate: '2000-02-29' },
    },
    {
      who: 'a man born on 29 February 1996, a leap year',
      nik: '3574012902960001',
      expected: { sex: 'male', birthDate: '1996-02-29' },
    },
    {
      who: 'a NIK typed in groups of four',
      nik: ' 3574 0152 0785 0001 ',
      expected: { sex: 'female', birthDate: '1985-07-12', serial: '0001' },
    },
  ])('reads $who', ({ nik, expected }) => {
    const result = parseNik(nik, opts);
    expect(result).toMatchObject({ ok: true, regionMatch: 'district', ...expected });
  });

  it.each<{ why: string; nik: string; problem: NikProblem }>([
    { why: '15 digits', nik: '357401520785001', problem: 'length' },
    { why: '17 digits', nik: '35740152078500011', problem: 'length' },
    { why: 'nothing typed', nik: '', problem: 'length' },
    { why: 'a letter O for a zero', nik: '35740152O7850001', problem: 'digits' },
    { why: 'dashes between groups', nik: '3574-0152-0785-0001', problem: 'digits' },
    { why: 'an unknown province 99', nik: '9974015207850001', problem: 'region' },
    { why: 'province 00', nik: '0074015207850001', problem: 'region' },
    { why: 'regency 00', nik: '3500015207850001', problem: 'region' },
    { why: 'district 00', nik: '3574005207850001', problem: 'region' },
    { why: 'day 00', nik: '3574010007850001', problem: 'day' },
    { why: 'day 32', nik: '3574013207850001', problem: 'day' },
    { why: 'day 40 (neither a man’s nor a woman’s day)', nik: '3574014007850001', problem: 'day' },
    { why: 'day 72 (a woman’s 32nd)', nik: '3574017207850001', problem: 'day' },
    { why: 'day 99', nik: '3574019907850001', problem: 'day' },
    { why: 'month 13', nik: '3574011213850001', problem: 'month' },
    { why: 'month 00', nik: '3574011200850001', problem: 'month' },
    { why: '30 February', nik: '3574013002900001', problem: 'date' },
    { why: 'a woman’s 30 February (day 70)', nik: '3574017002900001', problem: 'date' },
    { why: '29 February 2001, not a leap year', nik: '3574012902010001', problem: 'date' },
    { why: '29 February 1990, not a leap year', nik: '3574016902900001', problem: 'date' },
    { why: '31 April', nik: '3574013104900001', problem: 'date' },
    { why: '31 November', nik: '3574017111900001', problem: 'date' },
    { why: 'serial 0000', nik: '3574015207850000', problem: 'serial' },
  ])('rejects a NIK with $why', ({ nik, problem }) => {
    expect(parseNik(nik, opts)).toEqual({ ok: false, problem });
  });

  it.each([
    { case: 'born today, this year', nik: '3574011005260001', now: '2026-05-10T05:00:00Z', birthDate: '2026-05-10' },
    { case: 'born tomorrow’s date, so a century ago', nik: '3574011105260001', now: '2026-05-10T05:00:00Z', birthDate: '1926-05-11' },
    { case: 'born last year', nik: '3574011005250001', now: '2026-05-10T05:00:00Z', birthDate: '2025-05-10' },
    { case: 'born in a year ending 27, so 1927', nik: '3574010101270001', now: '2026-05-10T05:00:00Z', birthDate: '1927-01-01' },
    { case: 'born in a year ending 00', nik: '3574010101000001', now: '2026-05-10T05:00:00Z', birthDate: '2000-01-01' },
    {
      case: 'born just after midnight in Papua while it is still the day before in UTC',
      nik: '3574011105260001',
      now: '2026-05-10T15:30:00Z',
      birthDate: '2026-05-11',
    },
    { case: 'read in 2101, a year ending 01 is 2101', nik: '3574010101010001', now: '2101-06-01T00:00:00Z', birthDate: '2101-01-01' },
  ])('dates the birth to the latest century not in the future: $case', ({ nik, now, birthDate }) => {
    expect(parseNik(nik, { regionExists, today: new Date(now) })).toMatchObject({ ok: true, birthDate });
  });

  it.each([
    { case: 'every part known', nik: '3574015207850001', regionMatch: 'district' },
    { case: 'a district missing from today’s list', nik: '3574095207850001', regionMatch: 'regency' },
    { case: 'a Merauke NIK issued before Papua was split (91.01 is now 93.01)', nik: '9101015207850001', regionMatch: 'province' },
  ])('accepts a known province but reports how much of the region is known: $case', ({ nik, regionMatch }) => {
    expect(parseNik(nik, opts)).toMatchObject({ ok: true, regionMatch });
  });

  it('checks only the shape of the region code when no region list is given', () => {
    expect(parseNik('9974015207850001', { today })).toMatchObject({ ok: true, provinceCode: '99', regionMatch: 'unchecked' });
    expect(parseNik('0074015207850001', { today })).toEqual({ ok: false, problem: 'region' });
  });

  it('uses the real clock when no date is given', () => {
    const result = parseNik('3574015207850001', { regionExists });
    expect(result).toMatchObject({ ok: true, birthDate: '1985-07-12' });
  });
});

describe('reading a KK (family card) number', () => {
  it.each([
    { case: 'a card from Kademangan', kk: '3574011203150003', expected: { districtCode: '35.74.01', serial: '0003', regionMatch: 'district' } },
    { case: 'a card typed with spaces', kk: '3323 0105 0301 0042', expected: { regencyCode: '33.23', serial: '0042', regionMatch: 'district' } },
    { case: 'a pre-2022 Merauke card', kk: '9101011203150001', expected: { provinceCode: '91', regionMatch: 'province' } },
    { case: 'digits 7–12 are not a date', kk: '3574019999990001', expected: { serial: '0001' } },
  ])('accepts $case', ({ kk, expected }) => {
    expect(parseKk(kk, { regionExists })).toMatchObject({ ok: true, ...expected });
  });

  it.each([
    { why: '15 digits', kk: '357401120315000', problem: 'length' },
    { why: 'letters', kk: '357401120315000A', problem: 'digits' },
    { why: 'an unknown province', kk: '9974011203150003', problem: 'region' },
    { why: 'regency 00', kk: '3500011203150003', problem: 'region' },
    { why: 'serial 0000', kk: '3574011203150000', problem: 'serial' },
  ])('rejects a KK number with $why', ({ kk, problem }) => {
    expect(parseKk(kk, { regionExists })).toEqual({ ok: false, problem });
  });
});

describe('comparing a NIK with the client record', () => {
  const nik = parseNik('3574015207850001', opts);
  if (!nik.ok) throw new Error('fixture NIK must be valid');

  it.each([
    { case: 'sex and birth date agree', record: { sex: 'female', birthDate: '1985-07-12' }, flags: { sexMismatch: false, birthDateMismatch: false } },
    { case: 'recorded as a man', record: { sex: 'male', birthDate: '1985-07-12' }, flags: { sexMismatch: true, birthDateMismatch: false } },
    { case: 'recorded birth date a day later', record: { sex: 'female', birthDate: '1985-07-13' }, flags: { sexMismatch: false, birthDateMismatch: true } },
    { case: 'recorded a century apart', record: { birthDate: '1885-07-12' }, flags: { sexMismatch: false, birthDateMismatch: true } },
    { case: 'both differ', record: { sex: 'male', birthDate: '1990-01-01' }, flags: { sexMismatch: true, birthDateMismatch: true } },
    { case: 'nothing recorded yet', record: {}, flags: { sexMismatch: false, birthDateMismatch: false } },
    { case: 'fields recorded as null', record: { sex: null, birthDate: null }, flags: { sexMismatch: false, birthDateMismatch: false } },
  ] as const)('flags $case', ({ record, flags }) => {
    expect(compareNikWithRecord(nik, record)).toEqual(flags);
  });
});

describe('NIK messages', () => {
  const problems: NikProblem[] = ['length', 'digits', 'region', 'day', 'month', 'date', 'serial'];

  it.each([
    { language: 'Indonesian', texts: idNik },
    { language: 'English', texts: enNik },
  ])('has a $language message for every rejection and warning', ({ texts }) => {
    for (const problem of problems) expect(texts.nik.problem[problem]).toMatch(/\S/);
    for (const key of ['region_unrecognised', 'sex_mismatch', 'birth_date_mismatch', 'duplicate'] as const) {
      expect(texts.nik[key]).toMatch(/\S/);
    }
    expect(texts.nik.duplicate).toContain('{{name}}');
  });

  it('has the same keys in both languages', () => {
    const keys = (tree: object, prefix = ''): string[] =>
      Object.entries(tree).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
    expect(keys(enNik).sort()).toEqual(keys(idNik).sort());
  });
});
