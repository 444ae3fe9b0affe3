/**
 * The case pages' texts exist in both languages, and the formatting helpers they rely on read and
 * write times and dates the way an Indonesian office does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TFunction } from 'i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AUDIT_ACTIONS } from '../../shared/contracts/audit.js';
import { WORKLISTS } from '../../shared/contracts/cases.js';
import { CASE_SOURCES, SEXES, TERMINATION_OUTCOMES } from '../../shared/domain/enums.js';
import { CATEGORY_CODES } from '../../shared/domain/ppks.js';
import enCasesWeb from '../../shared/i18n/en/cases-web.json' with { type: 'json' };
import idCasesWeb from '../../shared/i18n/id/cases-web.json' with { type: 'json' };
import { lookup, translate } from '../../shared/i18n/index.js';
import { formatDate, formatDuration, fromPickerValue, parseTypedDate, todayDate, toPickerValue } from './case-format.js';
import { worklistParams } from './worklist-params.js';

type Tree = { [key: string]: string | Tree };
const PLURAL = /_(zero|one|two|few|many|other)$/;
/** Dotted keys of a translation tree, with plural suffixes folded into their base key. */
const keysOf = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`.replace(PLURAL, '')] : keysOf(value, `${prefix}${key}.`),
  );

const DIR = path.dirname(fileURLToPath(import.meta.url));
const sources = [
  ...readdirSync(DIR)
    .filter((file) => /\.tsx?$/.test(file) && !file.endsWith('.test.ts'))
    .map((file) => readFileSync(path.join(DIR, file), 'utf8')),
  readFileSync(path.join(DIR, '../layout/nav.ts'), 'utf8'),
];

/** Defined in both languages; a plural key counts when its `_other` form is there. */
const both = (key: string) =>
  (['id', 'en'] as const).every((language) => lookup(language, key) !== undefined || lookup(language, `${key}_other`) !== undefined);

describe('case pages texts', () => {
  it('has every cases-web.json key in both Indonesian and English', () => {
    const id = new Set(keysOf(idCasesWeb as Tree));
    const en = new Set(keysOf(enCasesWeb as Tree));
    expect([...id].filter((key) => !en.has(key))).toEqual([]);
    expect([...en].filter((key) => !id.has(key))).toEqual([]);
  });

  it('defines every literal key the case pages use, in both languages', () => {
    const pattern = /['"`]((?:casesWeb|casework|shelter|attachments|fields|enums|ppks|nik|validation|web)\.[\w.]+)['"`]/g;
    const used = new Set(sources.flatMap((source) => [...source.matchAll(pattern)].map((m) => m[1])));
    expect(used.size).toBeGreaterThan(150);
    expect([...used].filter((key) => !both(key))).toEqual([]);
  });

  it('names every worklist, category, source, sex, outcome and case event in both languages', () => {
    const keys = [
      ...WORKLISTS.flatMap((list) => [`casesWeb.lists.${list}`, `casesWeb.list.empty.${list}`]),
      ...CATEGORY_CODES.map((code) => `ppks.${code}`),
      ...CASE_SOURCES.map((source) => `enums.case_sources.${source}`),
      ...SEXES.flatMap((sex) => [`enums.sexes.${sex}`, `casesWeb.sexShort.${sex}`]),
      ...TERMINATION_OUTCOMES.map((outcome) => `enums.termination_outcomes.${outcome}`),
      ...AUDIT_ACTIONS.filter((action) => action.startsWith('case.')).map((action) => `casesWeb.timeline.actions.${action}`),
      ...['province', 'regency', 'district', 'village'].map((level) => `casesWeb.region.${level}`),
    ];
    expect(keys.filter((key) => !both(key))).toEqual([]);
  });
});

describe('case formatting', () => {
  const t = ((key: string, vars?: Record<string, unknown>) => translate('id', key, vars)) as unknown as TFunction;

  it('writes working time as hours and minutes, the way the worklist shows it', () => {
    expect(formatDuration(320, t)).toBe('5 j 20 m');
    expect(formatDuration(1020, t)).toBe('17 j');
    expect(formatDuration(45, t)).toBe('45 m');
    expect(formatDuration(0, t)).toBe('0 m');
    expect(formatDuration(null, t)).toBe('—');
  });

  it('writes a calendar date in words, on that very day in any time zone (the dashboard period, report dates)', () => {
    expect(formatDate('2026-01-01', 'id')).toBe('1 Jan 2026');
    expect(formatDate('2026-08-17', 'id')).toBe('17 Agu 2026');
    expect(formatDate('2026-12-31T23:59:00Z', 'en')).toBe('31 Dec 2026');
    expect(formatDate(null, 'id')).toBe('—');
  });

  it('reads a typed date as day/month/year and refuses dates that do not exist', () => {
    expect(parseTypedDate('17/08/1985')).toBe('1985-08-17');
    expect(parseTypedDate('1-2-2001')).toBe('2001-02-01');
    expect(parseTypedDate('31.12.1999')).toBe('1999-12-31');
    expect(parseTypedDate('30/02/2000')).toBeNull();
    expect(parseTypedDate('1985-08-17')).toBeNull();
    expect(parseTypedDate('')).toBeNull();
  });

  it('turns a picked local time into an instant and back', () => {
    const at = new Date(2026, 10, 25, 14, 37);
    expect(toPickerValue(at)).toBe('2026-11-25 14:37:00');
    expect(fromPickerValue(toPickerValue(at))).toBe(at.toISOString());
    expect(fromPickerValue('')).toBeUndefined();
    expect(fromPickerValue('not a date')).toBeUndefined();
  });

  describe('today', () => {
    afterEach(() => vi.useRealTimers());
    it('is the local calendar day, and counts days forward by the calendar (a plan due in three days)', () => {
      vi.useFakeTimers({ now: new Date(2026, 11, 30, 23, 30) });
      expect(todayDate()).toBe('2026-12-30');
      expect(todayDate(3)).toBe('2027-01-02');
      expect(todayDate(-30)).toBe('2026-11-30');
    });
  });
});

describe('worklist address', () => {
  it('reads the list, search, filters and page from the address; a page is a whole number from 1', () => {
    expect(worklistParams(new URLSearchParams('list=closed&q=darto&category=ppks_11&source=police&page=3'))).toEqual({
      list: 'closed',
      q: 'darto',
      category: 'ppks_11',
      source: 'police',
      page: 3,
    });
    // An unknown list is the open one; a page that is not a whole number from 1 is read as the server
    // reads it when it draws the worklist (src/server/http/first-screen.ts), so both mean the same rows.
    expect(worklistParams(new URLSearchParams('list=secret&page=1.5'))).toMatchObject({ list: 'open', page: 1 });
    expect(worklistParams(new URLSearchParams('page=2.9')).page).toBe(2);
    expect(worklistParams(new URLSearchParams('page=-4')).page).toBe(1);
    expect(worklistParams(new URLSearchParams('page=abc')).page).toBe(1);
  });
});
