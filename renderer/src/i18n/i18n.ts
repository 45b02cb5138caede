// i18next with the two bundled languages. Every visible string is a key in en.json and fr.json
// (test/renderer/i18n-keys.test.ts checks that both hold the same keys and placeholders).
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../shared/api/app-api';
import { EN, FR } from './bundles';

export const RESOURCES = { en: { translation: EN }, fr: { translation: FR } } as const;

export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: RESOURCES,
    lng: language,
    fallbackLng: 'en',
    // React escapes what it renders.
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}
