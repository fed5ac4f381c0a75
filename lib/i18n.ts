import { browser } from 'wxt/browser';
import { i18n } from '#i18n';

/*
 * Every string the user reads: `t('popup.create')` looks the key up in locales/<lang>.yml
 * (built into _locales/<lang>/messages.json by @wxt-dev/i18n) in the browser's language,
 * English when the browser's language has no file or the file lacks the key. Keys are
 * type-checked against locales/en.yml; `{name}` substitutions are typed too.
 */
export const t = i18n.t;

/** The browser's UI language ("en-US", "zh-TW"), for Intl formatting of amounts and dates. */
export function uiLocale(): string {
  try {
    return browser.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}
