/**
 * The settings pages' texts exist in both languages, and a stage added in the SOP editor gets a key
 * the server accepts, unique within the SOP.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import enSettingsWeb from '../../shared/i18n/en/settings-web.json' with { type: 'json' };
import idSettingsWeb from '../../shared/i18n/id/settings-web.json' with { type: 'json' };
import { lookup } from '../../shared/i18n/index.js';
import { ROLES } from '../../shared/permissions.js';
import { sopStageInput } from '../../shared/contracts/sop.js';
import { makeStageKey } from './stage-key.js';

type Tree = { [key: string]: string | Tree };
const PLURAL = /_(zero|one|two|few|many|other)$/;
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
const both = (key: string) =>
  (['id', 'en'] as const).every((language) => lookup(language, key) !== undefined || lookup(language, `${key}_other`) !== undefined);

describe('settings pages texts', () => {
  it('has every settings-web.json key in both Indonesian and English', () => {
    const id = new Set(keysOf(idSettingsWeb as Tree));
    const en = new Set(keysOf(enSettingsWeb as Tree));
    expect([...id].filter((key) => !en.has(key))).toEqual([]);
    expect([...en].filter((key) => !id.has(key))).toEqual([]);
  });

  it('defines every literal key the settings pages use, in both languages', () => {
    const pattern = /['"`]((?:settingsWeb|casesWeb|shelter|fields|validation|errors|web)\.[\w.]+)['"`]/g;
    const used = new Set(sources.flatMap((source) => [...source.matchAll(pattern)].map((m) => m[1])));
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((key) => !both(key))).toEqual([]);
  });

  it('names every weekday, time zone, room sex and role the pages show', () => {
    const keys = [
      ...[0, 1, 2, 3, 4, 5, 6].map((day) => `settingsWeb.weekdays.${day}`),
      ...['Jakarta', 'Makassar', 'Jayapura'].map((zone) => `settingsWeb.service.zones.${zone}`),
      ...['male', 'female', 'mixed'].map((sex) => `shelter.room_sexes.${sex}`),
      ...ROLES.map((role) => `web.roles.${role}`),
    ];
    expect(keys.filter((key) => !both(key))).toEqual([]);
  });
});

describe('a stage added in the SOP editor', () => {
  it('gets a key from its English name that the contract accepts', () => {
    const taken = new Set(['reception', 'assessment']);
    const key = makeStageKey('Psychological check-up', taken);
    expect(key).toBe('psychological_check_up');
    expect(sopStageInput.shape.key.safeParse(key).success).toBe(true);
  });

  it('never reuses a key already in the SOP', () => {
    const taken = new Set(['assessment']);
    expect(makeStageKey('Assessment', taken)).toBe('assessment_2');
    expect(makeStageKey('Assessment', taken)).toBe('assessment_3');
  });

  it('still gets a valid key when the English name starts with a digit or has no letters', () => {
    const taken = new Set<string>();
    for (const name of ['2nd visit', '—', '']) {
      const key = makeStageKey(name, taken);
      expect(sopStageInput.shape.key.safeParse(key).success, key).toBe(true);
    }
  });
});
