/**
 * Translation resources, shared by the server (error messages) and the web (all UI text).
 * Each feature keeps its own JSON file per language under `id/` and `en/`; they are merged here into
 * one i18next namespace, keyed by their top-level section (`errors`, `web`, `cases`, ...).
 */
import enErrors from './en/errors.json' with { type: 'json' };
import idErrors from './id/errors.json' with { type: 'json' };
import enWeb from './en/web.json' with { type: 'json' };
import idWeb from './id/web.json' with { type: 'json' };
import enCases from './en/cases.json' with { type: 'json' };
import idCases from './id/cases.json' with { type: 'json' };
import enCasework from './en/casework.json' with { type: 'json' };
import idCasework from './id/casework.json' with { type: 'json' };
import enNik from './en/nik.json' with { type: 'json' };
import idNik from './id/nik.json' with { type: 'json' };
import enCasesWeb from './en/cases-web.json' with { type: 'json' };
import idCasesWeb from './id/cases-web.json' with { type: 'json' };
import enShelter from './en/shelter.json' with { type: 'json' };
import idShelter from './id/shelter.json' with { type: 'json' };

export type Language = 'id' | 'en';
export const DEFAULT_LANGUAGE: Language = 'id';

type Tree = { [key: string]: string | Tree };

function merge(...parts: Tree[]): Tree {
  const out: Tree = {};
  for (const part of parts) {
    for (const [k, v] of Object.entries(part)) {
      const existing = out[k];
      out[k] = typeof v === 'object' && typeof existing === 'object' ? merge(existing, v) : v;
    }
  }
  return out;
}

/** Register each feature's translation files here, the Indonesian and English side by side. */
const FILES: Record<Language, Tree[]> = {
  id: [idErrors, idWeb, idCases, idNik, idCasework, idShelter, idCasesWeb],
  en: [enErrors, enWeb, enCases, enNik, enCasework, enShelter, enCasesWeb],
};

export const resources: Record<Language, Tree> = {
  id: merge(...FILES.id),
  en: merge(...FILES.en),
};

/** Pick the language from an Accept-Language style value; Indonesian unless English is asked for. */
export function pickLanguage(value: string | undefined | null): Language {
  if (!value) return DEFAULT_LANGUAGE;
  const first = value.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : DEFAULT_LANGUAGE;
}

/** Look up a dotted key and fill `{{var}}` placeholders. Returns undefined when the key is missing. */
export function lookup(lang: Language, key: string, vars?: Record<string, unknown>): string | undefined {
  let node: string | Tree | undefined = resources[lang];
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = node[part];
  }
  if (typeof node !== 'string') return undefined;
  return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars?.[name] ?? ''));
}

/** Translate a key, falling back to the key itself so a missing text is visible, never blank. */
export function translate(lang: Language, key: string, vars?: Record<string, unknown>): string {
  return lookup(lang, key, vars) ?? key;
}
