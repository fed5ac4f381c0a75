import { dateLocale } from './format.ts';

/*
 * Calendar dates ("2026-12-07") for an invoice's issue, supply and due dates. A due date is a
 * day, not an instant: it is worked out on year, month and day, never by adding milliseconds,
 * so a month's end, a leap day or a clock change cannot move it by a day.
 */

/** A calendar date as stored: 'YYYY-MM-DD'. */
export type CalendarDate = string;

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/u;

/** Year, month (1–12) and day of a well-formed date, or undefined. */
function parts(date: string): { year: number; month: number; day: number } | undefined {
  const match = SHAPE.exec(date);
  if (match === null) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Date.UTC rolls 31 April over to 1 May: a date is real when it comes back unchanged.
  const back = new Date(Date.UTC(year, month - 1, day));
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1) return undefined;
  if (back.getUTCDate() !== day || year < 1) return undefined;
  return { year, month, day };
}

/** Whether `text` is a real date written YYYY-MM-DD ("2027-02-29" is not). */
export function isCalendarDate(text: string): boolean {
  return parts(text) !== undefined;
}

function written(utc: Date): CalendarDate {
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(utc.getUTCFullYear(), 4)}-${pad(utc.getUTCMonth() + 1, 2)}-${pad(utc.getUTCDate(), 2)}`;
}

/** The date `days` days after `date` (before it when negative); `date` must be well formed. */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const from = parts(date);
  if (from === undefined) throw new RangeError(`Not a calendar date: ${date}`);
  // Midnight UTC has no clock change: day arithmetic there is plain calendar arithmetic.
  return written(new Date(Date.UTC(from.year, from.month - 1, from.day + days)));
}

// One formatter per time zone: History asks for every row it filters (lib/invoice-status.ts).
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      ...(timeZone === undefined ? {} : { timeZone }),
    });
    formatters.set(key, format);
  }
  return format;
}

/**
 * The calendar date of an instant where the user is (`timeZone`, by default the browser's
 * own): a link made at 00:30 in Taipei is issued that day, not the day before as in UTC.
 */
export function localDate(unixMillis: number, timeZone?: string): CalendarDate {
  const parts = formatterFor(timeZone).formatToParts(new Date(unixMillis));
  const field = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return `${field('year').padStart(4, '0')}-${field('month')}-${field('day')}`;
}

/** An invoice's due date: its issue date (where the user is) plus the terms, in days. */
export function dueDateFor(issuedAt: number, termsDays: number, timeZone?: string): CalendarDate {
  return addDays(localDate(issuedAt, timeZone), termsDays);
}

// One per locale: a formatter costs ~0.1 ms to build, and History formats a due date per row.
const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * "4 January 2027", "2027年1月4日": the day alone, with no clock time and no time zone, in
 * `locale` (by default the UI language's, lib/format.ts dateLocale).
 */
export function formatCalendarDate(date: CalendarDate, locale?: string): string {
  const at = parts(date);
  if (at === undefined) return date;
  const tag = dateLocale(locale);
  let format = dayFormatters.get(tag);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(tag, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    dayFormatters.set(tag, format);
  }
  return format.format(new Date(Date.UTC(at.year, at.month - 1, at.day)));
}
