/**
 * The web's texts exist in both languages: every key of web.json has its counterpart, and every
 * literal `web.*` key the foundation's code asks for is defined (a missing key shows up as the key).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../shared/contracts/audit.js';
import { lookup } from '../shared/i18n/index.js';
import { ORGANIZATION_KINDS, PARTNER_TYPES, ROLES } from '../shared/permissions.js';
import enWeb from '../shared/i18n/en/web.json' with { type: 'json' };
import idWeb from '../shared/i18n/id/web.json' with { type: 'json' };

type Tree = { [key: string]: string | Tree };

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Dotted keys of a translation tree, with plural suffixes folded into their base key. */
function keysOf(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`.replace(PLURAL, '')] : keysOf(value, `${prefix}${key}.`),
  );
}

const has = (language: 'id' | 'en', key: string) =>
  lookup(language, key) !== undefined || lookup(language, `${key}_other`) !== undefined;

const WEB_DIR = path.dirname(fileURLToPath(import.meta.url));
/** The foundation's own source folders; feature folders keep their own texts. */
const FOUNDATION = ['.', 'components', 'layout', 'pages'];

function foundationSources(): string[] {
  return FOUNDATION.flatMap((dir) =>
    readdirSync(path.join(WEB_DIR, dir))
      .filter((file) => /\.tsx?$/.test(file) && !file.endsWith('.test.ts'))
      .map((file) => readFileSync(path.join(WEB_DIR, dir, file), 'utf8')),
  );
}

describe('web texts', () => {
  it('has every web.json key in both Indonesian and English', () => {
    const id = new Set(keysOf(idWeb as Tree));
    const en = new Set(keysOf(enWeb as Tree));
    expect([...id].filter((key) => !en.has(key))).toEqual([]);
    expect([...en].filter((key) => !id.has(key))).toEqual([]);
  });

  it('defines every literal web.* key the foundation pages use, in both languages', () => {
    const used = new Set(foundationSources().flatMap((source) => [...source.matchAll(/['"`](web\.[\w.]+)['"`]/g)].map((m) => m[1])));
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used].filter((key) => !has('id', key) || !has('en', key));
    expect(missing).toEqual([]);
  });

  it('names every role, organization kind, partner type and audit action in both languages', () => {
    const keys = [
      ...ROLES.map((role) => `web.roles.${role}`),
      ...ORGANIZATION_KINDS.map((kind) => `web.organizationKinds.${kind}`),
      ...PARTNER_TYPES.map((type) => `web.partnerTypes.${type}`),
      ...AUDIT_ACTIONS.map((action) => `web.audit.actions.${action}`),
    ];
    expect(keys.filter((key) => !has('id', key) || !has('en', key))).toEqual([]);
  });
});
