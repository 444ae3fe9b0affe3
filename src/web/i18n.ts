/**
 * The web's i18next instance. All texts come from the shared resources (`src/shared/i18n`), so the
 * server's error messages and the UI use one set of files. Indonesian is the default. Only the
 * language shown is downloaded (each language is its own lazily loaded chunk), which keeps the
 * first page light; `i18nReady` resolves once the first language is in.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, type Language } from '../shared/i18n/core.js';

const LOADERS: Record<Language, () => Promise<{ default: object }>> = {
  id: () => import('../shared/i18n/id.js'),
  en: () => import('../shared/i18n/en.js'),
};

/** Download a language's texts once and hand them to i18next. */
async function loadLanguage(language: Language): Promise<void> {
  if (i18n.hasResourceBundle(language, 'translation')) return;
  const bundle = await LOADERS[language]();
  i18n.addResourceBundle(language, 'translation', bundle.default, true, true);
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
