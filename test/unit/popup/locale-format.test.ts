import { describe, expect, it } from 'vitest';
import {
  countLine,
  itemsLine,
  refreshReport,
  rowLabel,
  statusWord,
  totalText,
} from '../../../entrypoints/popup/history/history-text.ts';
import { mergePrefill } from '../../../entrypoints/popup/form/merge-prefill.ts';
import { EMPTY_ITEM, emptyDraft } from '../../../lib/draft.ts';
import { dateLocale, formatAmount, formatCount } from '../../../lib/format.ts';
import { itemsSummary } from '../../../lib/history.ts';
import { filterSessions } from '../../../lib/history-query.ts';
import { fillMessageTemplate, formatExpiry } from '../../../lib/message-template.ts';
import { createdAgo, fullTime, timeLeft } from '../../../lib/relative-time.ts';
import { DEFAULT_SETTINGS } from '../../../lib/settings.ts';
import { useFakeLocale } from '../../support/fake-i18n.ts';
import { HOUR, NOW, session } from '../factories.ts';

const MINUTE = 60_000;
const DAY = 24 * HOUR;
const utc = { timeZone: 'UTC' } as const;

describe('formatAmount', () => {
  it('groups the integer part as the locale writes numbers and keeps every digit', () => {
    expect(formatAmount('1234567.89012345', 'en')).toBe('1,234,567.89012345');
    expect(formatAmount('1234567.89012345', 'zh-TW')).toBe('1,234,567.89012345');
    expect(formatAmount('1234567.89012345', 'de-DE')).toBe('1.234.567,89012345');
  });

  it('never rounds through a float, even past what a double can hold', () => {
    expect(formatAmount('123456789012345678.123456789012345678', 'en')).toBe(
      '123,456,789,012,345,678.123456789012345678',
    );
    // More decimals than Intl takes: shown as stored rather than rounded.
    expect(formatAmount('0.100000000000000005', 'en')).toBe('0.100000000000000005');
    expect(formatAmount('1.0000000000000000000000001', 'en')).toBe('1.0000000000000000000000001');
  });

  it('keeps the decimals the string has, trailing zeros included', () => {
    expect(formatAmount('20.50', 'en')).toBe('20.50');
    expect(formatAmount('1200', 'en')).toBe('1,200');
    expect(formatAmount('-5.000', 'en')).toBe('-5.000');
  });

  it('returns anything that is not a plain decimal as it is', () => {
    expect(formatAmount('1e5', 'en')).toBe('1e5');
    expect(formatAmount('', 'en')).toBe('');
    expect(formatAmount('12,5', 'en')).toBe('12,5');
  });

  it('follows the browser language by default', async () => {
    await useFakeLocale('zh-TW');
    expect(formatAmount('1234.5')).toBe('1,234.5');
    expect(formatCount(10_000)).toBe('10,000');
  });
});

describe('dateLocale', () => {
  it('keeps en-GB forms for every English and the UI language otherwise', () => {
    expect(dateLocale('en')).toBe('en-GB');
    expect(dateLocale('en-US')).toBe('en-GB');
    expect(dateLocale('zh-TW')).toBe('zh-TW');
    expect(dateLocale('eo')).toBe('eo');
  });
});

describe('times in Traditional Chinese', () => {
  it('says how long ago a link was made', async () => {
    await useFakeLocale('zh-TW');
    expect(createdAgo(NOW - 10_000, NOW)).toBe('剛剛');
    expect(createdAgo(NOW - 5 * MINUTE, NOW)).toBe('5 分鐘前');
    expect(createdAgo(NOW - 2 * DAY, NOW)).toBe('2 天前');
    expect(createdAgo(Date.UTC(2026, 0, 2, 9), NOW, utc)).toBe('1月2日');
    expect(createdAgo(Date.UTC(2025, 11, 24, 9), NOW, utc)).toBe('2025年12月24日');
  });

  it('says how long an open link has left', async () => {
    await useFakeLocale('zh-TW');
    expect(timeLeft(NOW + 20_000, NOW)).toBe('剩不到 1 分鐘');
    expect(timeLeft(NOW + 45 * MINUTE, NOW)).toBe('剩 45 分鐘');
    expect(timeLeft(NOW + 2 * HOUR + 5 * MINUTE, NOW)).toBe('剩 2 小時 5 分鐘');
    expect(timeLeft(NOW + 23 * HOUR, NOW)).toBe('剩 23 小時');
    expect(timeLeft(NOW + 3 * DAY, NOW)).toBe('剩 3 天');
  });

  it('writes full dates the Taiwanese way while English keeps en-GB', async () => {
    expect(fullTime(Date.UTC(2025, 10, 25, 14, 5), utc)).toBe('Tue, 25 Nov 2025, 14:05');
    await useFakeLocale('zh-TW');
    expect(fullTime(Date.UTC(2025, 10, 25, 14, 5), utc)).toMatch(/^2025年11月25日.*週二/);
    expect(formatExpiry(Date.UTC(2025, 10, 25, 14, 5), utc)).toMatch(/^11月25日週二/);
  });
});

describe('History words in Traditional Chinese', () => {
  it('names statuses, rows, totals and counts', async () => {
    await useFakeLocale('zh-TW');
    expect(statusWord('open')).toBe('待付款');
    expect(statusWord('complete')).toBe('已付款');
    expect(statusWord('expired')).toBe('已過期');
    const big = session({ amountTotal: '1234.50' });
    expect(totalText(big)).toBe('1,234.50 USDT');
    expect(rowLabel(big, 'complete')).toBe('Logo design，1,234.50 USDT，已付款');
    expect(countLine(3, 3)).toBe('3 個連結');
    expect(countLine(1_234, 10_000)).toBe('10,000 個連結中的 1,234 個');
    const items = [
      { name: 'Logo design', description: '', unitAmount: '1', quantity: 1 },
      { name: 'Hosting', description: '', unitAmount: '1', quantity: 1 },
    ];
    expect(itemsLine(items).more).toBe('及其他 1 項');
    expect(itemsSummary(items)).toBe('Logo design 及其他 1 項');
  });

  it('sums up a refresh', async () => {
    await useFakeLocale('zh-TW');
    expect(refreshReport({ ok: true, checked: 3, changed: 0, failed: 0, notFound: 1 }).text).toBe(
      '已檢查 3 個待付款連結 · 沒有變更 · 在 Payfect 找不到 1 個連結：到期前會顯示為「待付款」。',
    );
    expect(refreshReport({ ok: true, checked: 0, changed: 0, failed: 0 }).text).toBe(
      '沒有需要檢查的待付款連結',
    );
  });

  it('groups large counts in English too', () => {
    expect(countLine(1_234, 10_000)).toBe('1,234 of 10,000 links');
    expect(refreshReport({ ok: true, checked: 1, changed: 1_500, failed: 0 }).text).toBe(
      'Checked 1 open link · 1,500 statuses changed',
    );
  });
});

describe('History search', () => {
  it('finds an amount as the row shows it, grouped, and as stored', () => {
    const sessions = [session({ id: 'a', amountTotal: '1200.00' }), session({ id: 'b' })];
    const find = (query: string) =>
      filterSessions(sessions, { query, status: 'all' }, NOW).map((found) => found.id);
    expect(find('1,200.00')).toEqual(['a']);
    expect(find('1200.00')).toEqual(['a']);
    expect(find('20.50')).toEqual(['b']);
  });
});

describe('the chat message', () => {
  it('warns and dates in the browser language, and keeps the total as Payfect returned it', async () => {
    const big = session({ amountTotal: '1234.50', expiresAt: Date.UTC(2025, 10, 25, 14, 5) });
    const template = '{total} {currency} · {warning} · {expires}';
    expect(fillMessageTemplate(template, big, utc)).toBe(
      '1234.50 USDT · Pay in USDT on Tron (TRC20) only · Tue 25 Nov, 14:05 UTC',
    );
    await useFakeLocale('zh-TW');
    expect(fillMessageTemplate(template, big, utc)).toMatch(
      /^1234\.50 USDT · 僅限以 USDT 透過 Tron \(TRC20\) 付款 · 11月25日週二 .*2:05/,
    );
  });
});

describe('the selection notice in Traditional Chinese', () => {
  it('says which item the selection became, in whole sentences', async () => {
    await useFakeLocale('zh-TW');
    const draft = emptyDraft(DEFAULT_SETTINGS, 'INV-1');
    const prefill = { createdAt: NOW, name: 'Acme', description: '', unitPrice: '600' };
    expect(mergePrefill(draft, prefill).notice).toBe('已依選取的文字填入：請確認名稱與價格。');
    const typed = { ...draft, items: [{ ...EMPTY_ITEM, name: 'Logo', unitPrice: '10' }] };
    expect(mergePrefill(typed, prefill).notice).toBe(
      '已將選取的文字加為品項 2；您的其他品項都保留著。',
    );
  });
});
