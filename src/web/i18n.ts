/**
 * The web's i18next instance. All texts come from the shared resources (`src/shared/i18n`), so the
 * server's error messages and the UI use one set of files. Indonesian is the default.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, type Language, resources } from '../shared/i18n/index.js';

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
  if (i18n.language !== language) void i18n.changeLanguage(language);
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

void i18n.use(initReactI18next).init({
  resources: {
    id: { translation: resources.id },
    en: { translation: resources.en },
  },
  lng: storedLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: ['id', 'en'],
  interpolation: { escapeValue: false },
  returnNull: false,
});

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});
document.documentElement.lang = i18n.language;

export default i18n;
