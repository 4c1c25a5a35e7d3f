import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import fr from './fr.json';

/**
 * English and French, every string of the UI in en.json / fr.json (same keys: a test checks).
 * The choice is remembered in localStorage; the first visit follows the browser's language.
 */
export const languages = [
  { code: 'en', label: 'English' },
  { code: 'fr', label: 'Français' },
] as const;
export type Language = (typeof languages)[number]['code'];

const storageKey = 'merit.language';
const isLanguage = (code: string | null): code is Language =>
  languages.some((language) => language.code === code);

function initialLanguage(): Language {
  const stored = localStorage.getItem(storageKey);
  if (isLanguage(stored)) return stored;
  return navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export function setupI18n() {
  const lng = initialLanguage();
  document.documentElement.lang = lng;
  i18n.on('languageChanged', (code) => {
    document.documentElement.lang = code;
  });
  return i18n.use(initReactI18next).init({
    resources: { en: { translation: en }, fr: { translation: fr } },
    lng,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
}

export function chooseLanguage(code: Language) {
  localStorage.setItem(storageKey, code);
  void i18n.changeLanguage(code);
}
