import { fileURLToPath } from 'node:url';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/*
 * WXT's fakeBrowser leaves browser.i18n unimplemented. This gives the unit tests Chrome's
 * behaviour over the real locales/*.yml: the messages @wxt-dev/i18n generates for
 * _locales/<lang>/messages.json, "$1"…"$9" and "$$" substituted as Chrome does, a key the
 * locale lacks taken from the default locale (en), and an unknown key answering "".
 */

type Messages = Record<string, { message: string }>;

const cache = new Map<string, Messages>();

async function messagesFor(locale: string): Promise<Messages> {
  let messages = cache.get(locale);
  if (messages === undefined) {
    // Not `new URL(…).pathname`: under a DOM environment the global URL is the DOM's.
    const file = fileURLToPath(import.meta.resolve(`../../locales/${locale}.yml`));
    messages = generateChromeMessages(await parseMessagesFile(file)) as Messages;
    cache.set(locale, messages);
  }
  return messages;
}

function substitute(message: string, substitutions: readonly string[]): string {
  return message.replace(/\$(\$|[1-9])/g, (_, which: string) =>
    which === '$' ? '$' : (substitutions[Number(which) - 1] ?? ''),
  );
}

/** Makes browser.i18n answer in `locale` ("en", "zh-TW") until the next call. */
export async function useFakeLocale(locale = 'en'): Promise<void> {
  const fallback = await messagesFor('en');
  const messages = locale === 'en' ? fallback : await messagesFor(locale);
  const i18n = fakeBrowser.i18n as unknown as Record<string, unknown>;
  i18n.getUILanguage = () => locale;
  i18n.getMessage = (key: string, substitutions?: string | string[]) => {
    const entry = messages[key] ?? fallback[key];
    if (entry === undefined) return '';
    const list = substitutions === undefined ? [] : ([] as string[]).concat(substitutions);
    return substitute(entry.message, list);
  };
}
