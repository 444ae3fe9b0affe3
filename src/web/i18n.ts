/**
 * The web's i18next instance. All texts come from the shared resources (`src/shared/i18n`), so the
 * server's error messages and the UI use one set of files. Indonesian is the default. Texts come in
 * two parts per language: the first screens' texts (login, the signed-in frame, the worklist:
 * `id-first.ts`), before the first render, and the rest (`id-rest.ts`) when a page that needs them
 * opens (`loadAllTexts`, called by lazyPage). Indonesian's first part is in the first download; other
 * parts are downloaded for the language shown only. `i18nReady` resolves once the first part is in.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, type Language, type Tree } from '../shared/i18n/core.js';
// The default language's first-screen texts come with the code: every visitor needs them (English is
// shown with Indonesian as its fallback), and this way they cost no extra round trip before the first render.
import idFirst from '../shared/i18n/id-first.js';

type TextPart = 'first' | 'rest';
type TextsModule = Promise<{ default: Tree }>;

const LOADERS: Record<Language, Record<TextPart, () => TextsModule>> = {
  id: { first: () => Promise.resolve({ default: idFirst }), rest: () => import('../shared/i18n/id-rest.js') },
  en: { first: () => import('../shared/i18n/en-first.js'), rest: () => import('../shared/i18n/en-rest.js') },
};

/** The parts every loaded language gets: the first screens', and the rest once any page asked for it. */
const wantedParts = new Set<TextPart>(['first']);
const loading = new Map<string, Promise<void>>();
/** Downloads of the texts, started as early as possible; added to i18next in order (first, then rest). */
const downloads = new Map<string, TextsModule>();

function download(language: Language, part: TextPart): TextsModule {
  const key = `${language}:${part}`;
  let module = downloads.get(key);
  if (!module) {
    module = LOADERS[language][part]();
    downloads.set(key, module);
  }
  return module;
}

/**
 * Download one part of a language's texts once and hand it to i18next. The rest is added after the
 * first part, so that where both define a text the rest wins, as in the merged tree the server uses.
 */
function loadPart(language: Language, part: TextPart): Promise<void> {
  const key = `${language}:${part}`;
  let done = loading.get(key);
  if (!done) {
    const before = part === 'rest' ? loadPart(language, 'first') : Promise.resolve();
    const texts = download(language, part);
    done = Promise.all([before, texts]).then(([, bundle]) => {
      i18n.addResourceBundle(language, 'translation', bundle.default, true, true);
    });
    done.catch(() => loading.delete(key));
    loading.set(key, done);
  }
  return done;
}

/** Download a language's texts (the parts wanted so far) and hand them to i18next. */
async function loadLanguage(language: Language): Promise<void> {
  await Promise.all([...wantedParts].map((part) => loadPart(language, part)));
}

/**
 * All texts, for a page beyond the first screens (and for notifications, whose texts come from any
 * feature): the rest is downloaded for every language loaded, and for any loaded later.
 */
export function loadAllTexts(): Promise<void> {
  wantedParts.add('rest');
  // Every language being loaded (the one shown, the fallback, one being switched to) gets the rest.
  const languages = new Set<Language>([currentLanguage()]);
  for (const key of loading.keys()) if (key.endsWith(':first')) languages.add(key.slice(0, 2) as Language);
  return Promise.all([...languages].map((language) => loadPart(language, 'rest'))).then(() => undefined);
}

const STORAGE_KEY = 'singgah.language';

/** The language kept on this device (chosen before login, or the account's last language). */
export function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'en' || value === 'id' ? value : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

/** Switch the UI language and remember it on this device. */
export function applyLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode or storage disabled: the switch still works for this page.
  }
  if (i18n.language !== language) void loadLanguage(language).then(() => i18n.changeLanguage(language));
}

const PICKED_BEFORE_LOGIN_KEY = 'singgah.language.pickedBeforeLogin';

/**
 * A language chosen on the login or setup page is an explicit wish for this device: it is kept
 * (across reloads) until the next login carries it into the account.
 */
export function rememberLanguagePickedBeforeLogin(language: Language): void {
  try {
    localStorage.setItem(PICKED_BEFORE_LOGIN_KEY, language);
  } catch {
    // Without storage the choice simply is not carried into the account.
  }
}

/** The language picked before login, if any; reading it forgets it. */
export function takeLanguagePickedBeforeLogin(): Language | null {
  try {
    const value = localStorage.getItem(PICKED_BEFORE_LOGIN_KEY);
    localStorage.removeItem(PICKED_BEFORE_LOGIN_KEY);
    return value === 'en' || value === 'id' ? value : null;
  } catch {
    return null;
  }
}

/** The language the UI shows now; sent to the server as `accept-language`. */
export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'id';
}

const initialLanguage = storedLanguage();
// Ask for the texts now, not after i18next has initialised: they are on the first screen's critical path.
download(initialLanguage, 'first');

/** Resolves when i18next is initialised with the first language's texts; render after it. */
export const i18nReady: Promise<void> = i18n
  .use(initReactI18next)
  .init({
    resources: {},
    partialBundledLanguages: true,
    lng: initialLanguage,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: ['id', 'en'],
    interpolation: { escapeValue: false },
    returnNull: false,
    // The defaults, stated: i18next then takes every key as a dotted path at once, instead of testing
    // each key on every call whether it might be a natural-language sentence (a measurable cost).
    keySeparator: '.',
    nsSeparator: ':',
  })
  .then(() => loadLanguage(initialLanguage))
  .then(async () => {
    await i18n.changeLanguage(initialLanguage);
    // The fallback language is loaded too, after the first paint, so a missing text never shows a key.
    if (initialLanguage !== DEFAULT_LANGUAGE) void loadLanguage(DEFAULT_LANGUAGE);
  });

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});
document.documentElement.lang = initialLanguage;

export default i18n;
