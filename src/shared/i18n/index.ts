/**
 * Translation resources for the server (error messages) and tests: both languages at once.
 * The web loads one language at a time from `id.ts` / `en.ts` instead (see src/web/i18n.ts).
 * Each feature keeps its own JSON file per language under `id/` and `en/`, registered in `id.ts` and `en.ts`.
 */
import { type Language, lookupIn, type Tree } from './core.js';
import en from './en.js';
import id from './id.js';

export { DEFAULT_LANGUAGE, type Language, merge, pickLanguage, type Tree } from './core.js';

export const resources: Record<Language, Tree> = { id, en };

const pluralRules: Record<Language, Intl.PluralRules> = { id: new Intl.PluralRules('id'), en: new Intl.PluralRules('en') };

/**
 * Look up a dotted key and fill `{{var}}` placeholders. With a numeric `count`, the language's plural
 * form comes first when the texts have one (`key_one`, `key_other`), as i18next picks them on the web.
 * Returns undefined when the key is missing.
 */
export function lookup(lang: Language, key: string, vars?: Record<string, unknown>): string | undefined {
  const count = vars?.count;
  if (typeof count === 'number') {
    const plural = lookupIn(resources[lang], `${key}_${pluralRules[lang].select(count)}`, vars);
    if (plural !== undefined) return plural;
  }
  return lookupIn(resources[lang], key, vars);
}

/** Translate a key, falling back to the key itself so a missing text is visible, never blank. */
export function translate(lang: Language, key: string, vars?: Record<string, unknown>): string {
  return lookup(lang, key, vars) ?? key;
}
