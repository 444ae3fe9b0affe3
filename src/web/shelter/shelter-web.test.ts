/**
 * The texts of the occupancy board, the case page's edits and the home page's casework cards exist
 * in both languages, and every literal key the code asks for is defined (a missing one shows as the key).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lookup } from '../../shared/i18n/index.js';
import enShelterWeb from '../../shared/i18n/en/shelter-web.json' with { type: 'json' };
import idShelterWeb from '../../shared/i18n/id/shelter-web.json' with { type: 'json' };

type Tree = { [key: string]: string | Tree };
const PLURAL = /_(zero|one|two|few|many|other)$/;
const keysOf = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`.replace(PLURAL, '')] : keysOf(value, `${prefix}${key}.`),
  );
const has = (language: 'id' | 'en', key: string) => lookup(language, key) !== undefined || lookup(language, `${key}_other`) !== undefined;

const WEB = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sourcesIn = (dir: string) =>
  readdirSync(path.join(WEB, dir))
    .filter((file) => /\.tsx?$/.test(file) && !file.endsWith('.test.ts'))
    .map((file) => readFileSync(path.join(WEB, dir, file), 'utf8'));

describe('occupancy board and case edit texts', () => {
  it('has every key in both Indonesian and English', () => {
    const id = new Set(keysOf(idShelterWeb as Tree));
    const en = new Set(keysOf(enShelterWeb as Tree));
    expect([...id].filter((key) => !en.has(key))).toEqual([]);
    expect([...en].filter((key) => !id.has(key))).toEqual([]);
  });

  it('defines every literal key the pages use, in both languages', () => {
    const sources = [...sourcesIn('shelter'), ...sourcesIn('cases'), readFileSync(path.join(WEB, 'pages/home-page.tsx'), 'utf8')];
    const pattern = /['"`]((?:shelterWeb|caseEdit|homeCases)\.[\w.]+)['"`]/g;
    const used = new Set(sources.flatMap((source) => [...source.matchAll(pattern)].map((m) => m[1])));
    expect(used.size).toBeGreaterThan(30);
    expect([...used].filter((key) => !has('id', key) || !has('en', key))).toEqual([]);
  });
});
