import { i18n } from '#i18n';

/*
 * Every string the user reads: `t('popup.create')` looks the key up in locales/<lang>.yml
 * (built into _locales/<lang>/messages.json by @wxt-dev/i18n) in the browser's language,
 * English when the browser's language has no file or the file lacks the key. Keys are
 * type-checked against locales/en.yml; `{name}` substitutions are typed too.
 */
export const t = i18n.t;

/*
 * lib/ touches no browser API, so the browser's UI language is handed in by each context as
 * it starts (utils/ui-language.ts, imported first by every entry and by the unit tests'
 * setup). Until then, and wherever the lookup fails, amounts and dates format in English.
 */
let uiLanguage: () => string = () => 'en';

/** Where uiLocale() reads the UI language from: browser.i18n.getUILanguage in the extension. */
export function setUiLanguage(lookup: () => string): void {
  uiLanguage = lookup;
}

/** The browser's UI language ("en-US", "zh-TW"), for Intl formatting of amounts and dates. */
export function uiLocale(): string {
  try {
    return uiLanguage() || 'en';
  } catch {
    return 'en';
  }
}
