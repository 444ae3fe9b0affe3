/**
 * The first screens (login, the signed-in frame, the worklist) load only first-screen.css, not
 * Mantine's full stylesheet. These checks keep it complete: every CSS class that the Mantine code of
 * those screens uses is defined by a stylesheet the file imports, and the imports keep the order of
 * Mantine's full stylesheet (so that where two rules tie, the same one wins as with the full file).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MANTINE = path.resolve(WEB_DIR, '../../node_modules/@mantine/core');

function resolveImport(from: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(from), specifier).replace(/\.js$/, '');
  return [`${base}.ts`, `${base}.tsx`].find((candidate) => existsSync(candidate));
}

/** The app's modules the start-up loads (static imports from main.tsx) and the Mantine names they import. */
function firstScreenMantineImports(): { modules: string[]; names: Set<string> } {
  const seen = new Set<string>();
  const names = new Set<string>();
  const queue = [path.join(WEB_DIR, 'main.tsx')];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/^import\s+(?!type\s)([^'";]*?)\s+from\s+['"]([^'"]+)['"]/gm)) {
      const [, what, specifier] = m;
      if (specifier === '@mantine/core') {
        for (const part of what.replace(/[{}]/g, '').split(',')) {
          const name = part.trim();
          if (name && !name.startsWith('type ')) names.add(name.split(/\s+as\s+/)[0]);
        }
      } else if (specifier.startsWith('.')) {
        const resolved = resolveImport(file, specifier);
        if (resolved) queue.push(resolved);
      }
    }
  }
  return { modules: [...seen], names };
}

/** Mantine's ES module files behind those names, with everything they import in turn. */
function mantineModules(names: Set<string>): string[] {
  const index = readFileSync(path.join(MANTINE, 'esm/index.mjs'), 'utf8');
  const fileOf = new Map<string, string>();
  for (const m of index.matchAll(/import \{([^}]*)\} from "\.\/([^"]+)";/g)) {
    for (const name of m[1].split(',')) fileOf.set(name.trim().split(/\s+as\s+/).pop() as string, path.join(MANTINE, 'esm', m[2]));
  }
  const seen = new Set<string>();
  const queue = [...names].map((name) => {
    const file = fileOf.get(name);
    if (!file) throw new Error(`@mantine/core does not export ${name}`);
    return file;
  });
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(/from "(\.[^"]+)"/g)) queue.push(path.resolve(path.dirname(file), m[1]));
  }
  return [...seen];
}

const firstScreenCss = readFileSync(path.join(WEB_DIR, 'styles/first-screen.css'), 'utf8');
const imported = [...firstScreenCss.matchAll(/@import '@mantine\/core\/styles\/([\w-]+)\.layer\.css';/g)].map((m) => m[1]);

describe('first-screen styles', () => {
  it('defines every Mantine class the first screens use', () => {
    const { modules, names } = firstScreenMantineImports();
    expect(modules.map((file) => path.relative(WEB_DIR, file))).toEqual(
      expect.arrayContaining(['main.tsx', 'pages/login-page.tsx', 'layout/app-layout.tsx', 'cases/worklist-page.tsx']),
    );
    expect([...names]).toEqual(expect.arrayContaining(['AppShell', 'Card', 'Tabs', 'PasswordInput']));

    // Each component's CSS-module object (`X.module.mjs`) names the classes (and animations) it uses.
    const classes = new Set<string>();
    for (const file of mantineModules(names).filter((f) => f.endsWith('.module.mjs'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/"(m_[0-9a-f]+)"/g)) classes.add(m[1]);
    }
    expect(classes.size).toBeGreaterThan(100);
    const defined = imported.map((name) => readFileSync(path.join(MANTINE, 'styles', `${name}.layer.css`), 'utf8')).join('\n');
    // (A few of the names are animations: `@keyframes m_…`.)
    expect([...classes].filter((name) => !defined.includes(`.${name}`) && !defined.includes(`@keyframes ${name}`))).toEqual([]);
  });

  it("imports Mantine's base styles first, and everything in the order of the full stylesheet", () => {
    expect(imported.slice(0, 3)).toEqual(['baseline', 'default-css-variables', 'global']);
    const full = readFileSync(path.join(MANTINE, 'styles.css'), 'utf8');
    const positions = imported.map((name) => full.indexOf(readFileSync(path.join(MANTINE, 'styles', `${name}.css`), 'utf8').slice(0, 300)));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('leaves most of Mantine out', () => {
    const all = readdirSync(path.join(MANTINE, 'styles')).filter((file) => file.endsWith('.layer.css'));
    expect(imported.length).toBeLessThan(all.length / 3);
  });
});
