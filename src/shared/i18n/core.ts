/**
 * Translation machinery shared by the server and the web, without any texts: the texts live in
 * `id.ts` and `en.ts` (one merged tree per language), so the web can load only the language it shows.
 */
export type Language = 'id' | 'en';
export const DEFAULT_LANGUAGE: Language = 'id';

export type Tree = { [key: string]: string | Tree };

/** Deep-merge feature files into one tree, keyed by their top-level section. */
export function merge(...parts: Tree[]): Tree {
  const out: Tree = {};
  for (const part of parts) {
    for (const [k, v] of Object.entries(part)) {
      const existing = out[k];
      out[k] = typeof v === 'object' && typeof existing === 'object' ? merge(existing, v) : v;
    }
  }
  return out;
}

/** Pick the language from an Accept-Language style value; Indonesian unless English is asked for. */
export function pickLanguage(value: string | undefined | null): Language {
  if (!value) return DEFAULT_LANGUAGE;
  const first = value.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : DEFAULT_LANGUAGE;
}

/** Look up a dotted key in a tree and fill `{{var}}` placeholders; undefined when missing. */
export function lookupIn(tree: Tree, key: string, vars?: Record<string, unknown>): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = node[part];
  }
  if (typeof node !== 'string') return undefined;
  return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars?.[name] ?? ''));
}
