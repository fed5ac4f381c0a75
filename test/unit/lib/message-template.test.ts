import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../../lib/history.ts';
import {
  defaultTemplateText,
  fillMessageTemplate,
  formatExpiry,
  PLACEHOLDERS,
  templateForDisplay,
  templateForStorage,
} from '../../../lib/message-template.ts';
import { DEFAULT_MESSAGE_TEMPLATE } from '../../../lib/settings.ts';
import { useFakeLocale } from '../../support/fake-i18n.ts';

const EXPIRES = Date.UTC(2025, 10, 25, 14, 5);

const session: SessionRecord = {
  id: 'cs_test_123',
  url: 'https://pay.payfect.finance/c/cs_test_123',
  status: 'open',
  amountTotal: '61.50',
  currency: 'usdt',
  network: 'tron',
  networkName: 'Tron (TRC20)',
  items: [
    { name: 'Logo design', description: '', unitAmount: '25.5', quantity: 2 },
    { name: 'Hosting', description: 'One year', unitAmount: '10.5', quantity: 1 },
  ],
  reference: 'INV-2025-041',
  createdAt: EXPIRES - 86_400_000,
  expiresAt: EXPIRES,
  isLivemode: false,
  lastChecked: EXPIRES - 86_400_000,
  statusChangedAt: EXPIRES - 86_400_000,
  baseUrl: 'https://api.payfect.finance/api/v1',
};

const utc = { locale: 'en-GB', timeZone: 'UTC' } as const;

describe('fillMessageTemplate', () => {
  it('fills the default template with the items, the total, the link, the network warning and the expiry', () => {
    expect(fillMessageTemplate(DEFAULT_MESSAGE_TEMPLATE, session, utc)).toBe(
      'Logo design + 1 more — 61.50 USDT: https://pay.payfect.finance/c/cs_test_123' +
        ' · Pay in USDT on Tron (TRC20) only · Valid until Tue 25 Nov, 14:05 UTC',
    );
  });

  it('says a fiat-priced amount is converted to USDT at checkout, and to pay in USDT on the network', () => {
    const priced: SessionRecord = { ...session, currency: 'twd', amountTotal: '600.00' };
    expect(fillMessageTemplate('{total} {currency} · {warning}', priced, utc)).toBe(
      '600.00 TWD · Pay in USDT on Tron (TRC20) only —' +
        ' the TWD amount is converted to USDT on Payfect’s checkout page',
    );
  });

  it('says the same in Traditional Chinese', async () => {
    await useFakeLocale('zh-TW');
    const priced: SessionRecord = { ...session, currency: 'usd', amountTotal: '80.00' };
    expect(fillMessageTemplate('{warning}', priced, utc)).toBe(
      '僅限以 USDT 透過 Tron (TRC20) 付款 — USD 金額會在 Payfect 結帳頁面換算為 USDT',
    );
  });

  it('names a single item by itself', () => {
    const single: SessionRecord = { ...session, items: session.items.slice(1) };
    expect(fillMessageTemplate('{items}', single, utc)).toBe('Hosting');
  });

  it('keeps the total exactly as Payfect returned it', () => {
    expect(fillMessageTemplate('{total}', { ...session, amountTotal: '20.00' }, utc)).toBe('20.00');
  });

  it('writes the currency in upper case', () => {
    expect(fillMessageTemplate('{currency}', session, utc)).toBe('USDT');
  });

  it('fills the reference', () => {
    expect(fillMessageTemplate('Invoice {reference}', session, utc)).toBe('Invoice INV-2025-041');
  });

  it('writes the expiry as an absolute date and time with its time zone', () => {
    expect(fillMessageTemplate('Pay before {expires}', session, utc)).toBe(
      'Pay before Tue 25 Nov, 14:05 UTC',
    );
  });

  it('writes the expiry in the time zone it is given', () => {
    expect(
      fillMessageTemplate('{expires}', session, { locale: 'en-GB', timeZone: 'Asia/Tokyo' }),
    ).toBe('Tue 25 Nov, 23:05 GMT+9');
  });

  it('replaces a placeholder every time it appears', () => {
    expect(fillMessageTemplate('{url} {url}', session, utc)).toBe(`${session.url} ${session.url}`);
  });

  it('leaves unknown placeholders and stray braces as typed', () => {
    expect(fillMessageTemplate('{name} {Total} { url } {} {url', session, utc)).toBe(
      '{name} {Total} { url } {} {url',
    );
  });

  it('does not treat inherited object keys as placeholders', () => {
    expect(fillMessageTemplate('{constructor} {toString}', session, utc)).toBe(
      '{constructor} {toString}',
    );
  });

  it('never expands a placeholder that comes from a filled value', () => {
    const tricky: SessionRecord = {
      ...session,
      items: [{ name: '{url}', description: '', unitAmount: '1', quantity: 1 }],
    };
    expect(fillMessageTemplate('{items}', tricky, utc)).toBe('{url}');
  });

  it('returns a template without placeholders unchanged', () => {
    expect(fillMessageTemplate('Thanks! Here is the link.', session, utc)).toBe(
      'Thanks! Here is the link.',
    );
  });

  it('fills every documented placeholder', () => {
    const template = PLACEHOLDERS.map((name) => `{${name}}`).join('|');
    expect(fillMessageTemplate(template, session, utc)).not.toMatch(/\{[a-z]+\}/);
  });
});

describe('formatExpiry', () => {
  it('writes weekday, day, month and time without the zone by default', () => {
    expect(formatExpiry(EXPIRES, utc)).toBe('Tue 25 Nov, 14:05');
  });
});

describe('the default template in the browser language', () => {
  it('is the stored default itself in English', () => {
    expect(defaultTemplateText()).toBe(DEFAULT_MESSAGE_TEMPLATE);
    expect(templateForDisplay(DEFAULT_MESSAGE_TEMPLATE)).toBe(DEFAULT_MESSAGE_TEMPLATE);
  });

  it('sends no English words to a zh-TW user who kept the default', async () => {
    await useFakeLocale('zh-TW');
    const message = fillMessageTemplate(DEFAULT_MESSAGE_TEMPLATE, session, {
      locale: 'zh-TW',
      timeZone: 'UTC',
    });
    expect(message).toMatch(
      /^Logo design 及其他 1 項 — 61\.50 USDT：https:\/\/pay\.payfect\.finance\/c\/cs_test_123 · 僅限以 USDT 透過 Tron \(TRC20\) 付款 · 有效期限至 .*11月25日/,
    );
    expect(message).not.toMatch(/Valid until|Pay in/);
  });

  it('is shown in Settings in the browser language and stored back as the default', async () => {
    await useFakeLocale('zh-TW');
    const shown = templateForDisplay(DEFAULT_MESSAGE_TEMPLATE);
    expect(shown).toContain('有效期限至 {expires}');
    expect(templateForStorage(shown)).toBe(DEFAULT_MESSAGE_TEMPLATE);
  });

  it('leaves a template the user wrote exactly as written, in either direction', async () => {
    await useFakeLocale('zh-TW');
    const own = 'Here is your link: {url} ({total} {currency})';
    expect(templateForDisplay(own)).toBe(own);
    expect(templateForStorage(own)).toBe(own);
    // The English default typed by hand in a zh-TW browser is still the default.
    expect(templateForStorage(DEFAULT_MESSAGE_TEMPLATE)).toBe(DEFAULT_MESSAGE_TEMPLATE);
  });
});
