import { readFileSync } from 'node:fs';
import { parseMessagesText } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';
import { t, uiLocale } from '../../../lib/i18n.ts';
import { useFakeLocale } from '../../support/fake-i18n.ts';

function keysOf(locale: string): string[] {
  const text = readFileSync(new URL(`../../../locales/${locale}.yml`, import.meta.url), 'utf8');
  return parseMessagesText(text, 'YAML').map((message) => message.key.join('.'));
}

describe('locales', () => {
  it('zh-TW has every key English has, and no other', () => {
    expect(keysOf('zh-TW').sort()).toEqual(keysOf('en').sort());
  });

  it('answers in the browser language, English by default', async () => {
    expect(t('extName')).toBe('Payfect Quick Links');
    expect(uiLocale()).toBe('en');
    await useFakeLocale('zh-TW');
    expect(t('extName')).toBe('Payfect 快速連結');
    expect(uiLocale()).toBe('zh-TW');
  });
});
