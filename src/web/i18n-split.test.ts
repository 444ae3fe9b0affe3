/**
 * The web loads its texts in two parts (src/web/i18n.ts): the first screens' texts before the first
 * render, the rest with any other page. These checks keep that split honest: the two parts together
 * are exactly the texts the server uses, and the code of the first screens (the start-up, the login
 * page, the signed-in frame, the worklist) asks only for texts of the first part, in both languages.
 * A text missing from the first part would show up as its key until another page loaded the rest.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { merge, type Tree } from '../shared/i18n/core.js';
import en from '../shared/i18n/en.js';
import enFirst from '../shared/i18n/en-first.js';
import enRest from '../shared/i18n/en-rest.js';
import id from '../shared/i18n/id.js';
import idFirst from '../shared/i18n/id-first.js';
import idRest from '../shared/i18n/id-rest.js';
import { PERMISSIONS } from '../shared/permissions.js';

const WEB_DIR = path.dirname(fileURLToPath(import.meta.url));
const SRC_DIR = path.dirname(WEB_DIR);

const FIRST: Record<'id' | 'en', Tree> = { id: idFirst, en: enFirst };

function subtree(tree: Tree, key: string): string | Tree | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) {
    if (typeof node !== 'object') return undefined;
    node = node[part];
  }
  return node;
}

/** A key a component can ask for: a text, or the base of plural forms (`key_one`, `key_other`). */
const hasText = (tree: Tree, key: string) =>
  typeof subtree(tree, key) === 'string' || typeof subtree(tree, `${key}_other`) === 'string';

/** The source files under src/ and their static (non-type) imports. */
function resolveImport(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), specifier).replace(/\.js$/, '');
  for (const candidate of [`${base}.ts`, `${base}.tsx`, base]) {
    try {
      readFileSync(candidate);
      return candidate;
    } catch {
      // try the next extension
    }
  }
  throw new Error(`${from}: cannot resolve ${specifier}`);
}

function staticImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const specifiers = [...source.matchAll(/^(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)].map((m) => m[1]);
  return specifiers.map((specifier) => resolveImport(file, specifier)).filter((f): f is string => f !== undefined && !f.endsWith('.json') && !f.endsWith('.css'));
}

/** The modules loaded with the first-screen texts only: lazyPage(…, { texts: 'first-screen' }). */
function firstScreenEntries(): string[] {
  const files = (function walk(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(path.join(dir, entry.name)) : /\.tsx?$/.test(entry.name) && !entry.name.includes('.test.') ? [path.join(dir, entry.name)] : [],
    );
  })(WEB_DIR);
  const entries = [path.join(WEB_DIR, 'main.tsx')];
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/lazyPage\(\s*\(\)\s*=>\s*import\('([^']+)'\)[^;]*?\{\s*texts:\s*'first-screen'\s*\}/g)) {
      const resolved = resolveImport(file, m[1]);
      if (resolved) entries.push(resolved);
    }
  }
  return entries;
}

function closure(entries: string[]): string[] {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...staticImports(file));
  }
  return [...seen].sort();
}

const sections = new Set(Object.keys(id));

/**
 * Built keys that may be missing without harm: forms.ts looks up a field's label only to strip it from
 * the start of a server message (`defaultValue: ''`), and leaves the message whole when there is none.
 */
const OPTIONAL_PREFIXES: Record<string, string[]> = { 'web/forms.ts': ['fields'] };
const permissions = new Set<string>(PERMISSIONS);

/** Literal keys (`'casesWeb.list.title'`) and the fixed start of built ones (`` `web.roles.${role}` ``). */
function keysUsed(source: string): { literal: string[]; prefixes: string[]; enumGroups: string[] } {
  const literal = [...source.matchAll(/(['"`])([A-Za-z]\w*(?:\.[\w-]+)+)\1/g)]
    .map((m) => m[2])
    .filter((key) => sections.has(key.split('.')[0]) && !permissions.has(key));
  const prefixes = [...source.matchAll(/`([A-Za-z]\w*(?:\.[\w-]+)*)\.\$\{/g)].map((m) => m[1]).filter((key) => sections.has(key.split('.')[0]));
  const enumGroups = [...source.matchAll(/enum(?:Label|Options)\(\s*t\s*,\s*'([\w-]+)'/g)].map((m) => m[1]);
  return { literal, prefixes, enumGroups };
}

describe('web texts in two parts', () => {
  it('has, in the first part and the rest together, exactly the texts the server uses', () => {
    expect(merge(idFirst, idRest)).toEqual(id);
    expect(merge(enFirst, enRest)).toEqual(en);
  });

  it('loads the first screens with every text they ask for, in both languages', () => {
    const entries = firstScreenEntries();
    // The start-up (with the login page, the frame and the worklist), the worklist's parts, the account menu.
    expect(entries.map((file) => path.relative(WEB_DIR, file)).sort()).toEqual(
      expect.arrayContaining(['main.tsx', 'cases/worklist-table.tsx', 'cases/worklist-filters.tsx', 'layout/user-menu.tsx']),
    );
    const modules = closure(entries);
    expect(modules.map((file) => path.relative(WEB_DIR, file))).toEqual(
      expect.arrayContaining(['pages/login-page.tsx', 'layout/app-layout.tsx', 'layout/nav.ts', 'cases/worklist-page.tsx']),
    );

    const problems: string[] = [];
    let literals = 0;
    for (const file of modules) {
      const where = path.relative(SRC_DIR, file);
      const { literal, prefixes, enumGroups } = keysUsed(readFileSync(file, 'utf8'));
      literals += literal.length;
      for (const language of ['id', 'en'] as const) {
        const first = FIRST[language];
        const all = language === 'id' ? id : en;
        for (const key of literal) if (!hasText(first, key)) problems.push(`${where}: ${key} (${language})`);
        // A built key: everything under its fixed start must be in the first part.
        for (const prefix of prefixes) {
          if (prefix === 'enums') continue; // enumLabel/enumOptions: checked per group below
          if (OPTIONAL_PREFIXES[where]?.includes(prefix)) continue;
          if (JSON.stringify(subtree(first, prefix)) !== JSON.stringify(subtree(all, prefix))) problems.push(`${where}: ${prefix}.* (${language})`);
        }
        for (const group of enumGroups) {
          const key = `enums.${group}`;
          if (subtree(all, key) === undefined || JSON.stringify(subtree(first, key)) !== JSON.stringify(subtree(all, key))) problems.push(`${where}: ${key}.* (${language})`);
        }
      }
    }
    expect(literals).toBeGreaterThan(100);
    expect(problems).toEqual([]);
  });

  it('keeps most of the texts out of the first part', () => {
    const size = (tree: Tree) => JSON.stringify(tree).length;
    expect(size(idFirst)).toBeLessThan(size(id) / 2);
  });
});
