import { describe, expect, it } from 'vitest';
import {
  addDays,
  dueDateFor,
  formatCalendarDate,
  isCalendarDate,
  localDate,
} from '../../../lib/calendar-date.ts';
import { termsDays, termsLabel } from '../../../lib/payment-terms.ts';

describe('addDays', () => {
  it('counts across a month end and a year end', () => {
    expect(addDays('2026-01-31', 30)).toBe('2026-03-02');
    expect(addDays('2026-11-04', 30)).toBe('2026-12-04');
    expect(addDays('2026-12-15', 30)).toBe('2027-01-14');
    expect(addDays('2026-12-07', 0)).toBe('2026-12-07');
  });

  it('knows a leap day, and a year without one', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2028-01-30', 30)).toBe('2028-02-29');
    expect(addDays('2028-02-29', 365)).toBe('2029-02-28');
  });

  it('refuses what is not a date', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });
});

describe('dueDateFor', () => {
  it('counts from the issue date where the user is, not in UTC', () => {
    // 16:30 UTC is already the next day in Taipei.
    const at = Date.parse('2026-12-07T16:30:00Z');
    expect(dueDateFor(at, 30, 'Asia/Taipei')).toBe('2027-01-07');
    expect(dueDateFor(at, 30, 'Europe/London')).toBe('2027-01-06');
  });

  it('is not moved by a clock change (days, not 24-hour steps)', () => {
    // New York springs forward on 8 March 2026 and falls back on 1 November 2026.
    expect(dueDateFor(Date.parse('2026-03-07T23:30:00-05:00'), 2, 'America/New_York')).toBe(
      '2026-03-09',
    );
    expect(dueDateFor(Date.parse('2026-10-31T00:30:00-04:00'), 2, 'America/New_York')).toBe(
      '2026-11-02',
    );
    // Berlin: 29 March 2026 has 23 hours, 25 October 2026 has 25.
    expect(dueDateFor(Date.parse('2026-03-28T23:30:00+01:00'), 1, 'Europe/Berlin')).toBe(
      '2026-03-29',
    );
    expect(dueDateFor(Date.parse('2026-10-25T23:30:00+01:00'), 7, 'Europe/Berlin')).toBe(
      '2026-11-01',
    );
  });
});

describe('calendar dates', () => {
  it('accepts only real dates written YYYY-MM-DD', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2026-04-31')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-4-1')).toBe(false);
    expect(isCalendarDate('07/12/2026')).toBe(false);
  });

  it('reads an instant as the date where the user is', () => {
    expect(localDate(Date.parse('2026-12-31T23:30:00Z'), 'UTC')).toBe('2026-12-31');
    expect(localDate(Date.parse('2026-12-31T23:30:00Z'), 'Asia/Taipei')).toBe('2027-01-01');
  });

  it('prints a day with no clock time, in each language’s own way', () => {
    expect(formatCalendarDate('2027-01-04', 'en')).toBe('4 January 2027');
    expect(formatCalendarDate('2027-01-04', 'zh-TW')).toBe('2027年1月4日');
  });
});

describe('payment terms', () => {
  it('are a whole number of days from 0 to 365', () => {
    expect(termsDays(' 30 ')).toBe(30);
    expect(termsDays('0')).toBe(0);
    expect(termsDays('365')).toBe(365);
    expect(termsDays('366')).toBeUndefined();
    expect(termsDays('-1')).toBeUndefined();
    expect(termsDays('7.5')).toBeUndefined();
    expect(termsDays('')).toBeUndefined();
  });

  it('are named as an accountant writes them', () => {
    expect(termsLabel(0)).toBe('Due on receipt');
    expect(termsLabel(30)).toBe('Net 30');
  });
});
