import { describe, expect, it } from 'vitest';
import { createdAgo, fullTime, paidOn, timeLeft } from '../../../lib/relative-time.ts';
import { useFakeLocale } from '../../support/fake-i18n.ts';

const NOW = Date.UTC(2026, 2, 14, 12, 0);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('createdAgo', () => {
  it('says "just now" for the last few seconds, and for a clock slightly ahead', () => {
    expect(createdAgo(NOW - 10_000, NOW)).toBe('just now');
    expect(createdAgo(NOW + 5_000, NOW)).toBe('just now');
  });

  it('counts minutes, hours and days', () => {
    expect(createdAgo(NOW - 5 * MINUTE, NOW)).toBe('5 min ago');
    expect(createdAgo(NOW - 3 * HOUR - 20 * MINUTE, NOW)).toBe('3 hr ago');
    expect(createdAgo(NOW - 2 * DAY, NOW)).toBe('2 days ago');
  });

  it('gives a date after a week, with the year only when it is not this year', () => {
    expect(createdAgo(Date.UTC(2026, 0, 2, 9), NOW, { timeZone: 'UTC' })).toBe('2 Jan');
    expect(createdAgo(Date.UTC(2025, 11, 24, 9), NOW, { timeZone: 'UTC' })).toBe('24 Dec 2025');
  });
});

describe('paidOn', () => {
  it('says when a link was seen paid, with the year only when it is not this year', () => {
    expect(paidOn(Date.UTC(2026, 2, 3, 14, 5), NOW, { timeZone: 'UTC' })).toBe('Paid 3 Mar, 14:05');
    expect(paidOn(Date.UTC(2025, 11, 24, 9), NOW, { timeZone: 'UTC' })).toBe(
      'Paid 24 Dec 2025, 9:00',
    );
  });

  it('says it in Traditional Chinese', async () => {
    await useFakeLocale('zh-TW');
    expect(paidOn(Date.UTC(2026, 2, 3, 14, 5), NOW, { timeZone: 'UTC' })).toBe(
      '3月3日 下午2:05 已付款',
    );
  });
});

describe('fullTime', () => {
  it('keeps each time zone and locale apart although formatters are reused', () => {
    const at = Date.UTC(2025, 10, 25, 14, 5);
    expect(fullTime(at, { timeZone: 'UTC' })).toBe('Tue, 25 Nov 2025, 14:05');
    expect(fullTime(at, { timeZone: 'Asia/Taipei' })).toBe('Tue, 25 Nov 2025, 22:05');
    expect(fullTime(at, { timeZone: 'UTC', locale: 'en-US' })).toMatch(/^Tue, Nov 25, 2025/);
    expect(fullTime(at, { timeZone: 'UTC' })).toBe('Tue, 25 Nov 2025, 14:05');
  });
});

describe('timeLeft', () => {
  it('says how long an open link still takes payments', () => {
    expect(timeLeft(NOW + 23 * HOUR + 59 * MINUTE, NOW)).toBe('23 h left');
    expect(timeLeft(NOW + 45 * MINUTE, NOW)).toBe('45 min left');
    expect(timeLeft(NOW + 2 * HOUR + 5 * MINUTE + 30_000, NOW)).toBe('2 h 5 min left');
    expect(timeLeft(NOW + HOUR, NOW)).toBe('1 h left');
    expect(timeLeft(NOW + 3 * HOUR + 5 * MINUTE, NOW)).toBe('3 h left');
    expect(timeLeft(NOW + 20_000, NOW)).toBe('<1 min left');
    expect(timeLeft(NOW + 3 * DAY, NOW)).toBe('3 d left');
  });

  it('is empty once the time is up', () => {
    expect(timeLeft(NOW, NOW)).toBe('');
  });
});
