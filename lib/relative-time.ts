import { dateLocale } from './format.ts';
import { t } from './i18n.ts';

/*
 * Times as a History row shows them: how long ago a link was made ("5 min ago") and how
 * long an open one still takes payments ("23 h left"), in the browser's UI language
 * (lib/format.ts dateLocale: English keeps en-GB's forms). The locale and time zone are
 * parameters so tests do not depend on the machine's.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// Building an Intl formatter costs far more than formatting with one (~0.1 ms against a
// few µs), and History formats two or three times for every row it draws: one each per
// locale and options, kept.
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

// en-GB's short style has no abbreviation dots: "5 min ago", "3 hr ago".
function relative(locale: string): Intl.RelativeTimeFormat {
  let format = relativeFormats.get(locale);
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale, { style: 'short', numeric: 'always' });
    relativeFormats.set(locale, format);
  }
  return format;
}

function dateFormat(
  locale: string,
  timeZone: string | undefined,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone ?? ''}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, timeZone ? { ...options, timeZone } : options);
    dateFormats.set(key, format);
  }
  return format;
}

export interface TimeOptions {
  readonly timeZone?: string;
  /** BCP 47 locale; the UI language's (dateLocale) when absent. */
  readonly locale?: string;
}

/** "just now", "5 min ago", "3 hr ago", "2 days ago"; a week or more: "12 Mar" or "12 Mar 2025". */
export function createdAgo(createdAt: number, now: number, options: TimeOptions = {}): string {
  const elapsed = now - createdAt;
  const locale = options.locale ?? dateLocale();
  if (elapsed < 45_000) return t('history.time.justNow');
  const ago = relative(locale);
  if (elapsed < HOUR) return ago.format(-Math.max(1, Math.round(elapsed / MINUTE)), 'minute');
  if (elapsed < DAY) return ago.format(-Math.floor(elapsed / HOUR), 'hour');
  if (elapsed < 7 * DAY) return ago.format(-Math.floor(elapsed / DAY), 'day');
  const zone = options.timeZone;
  const year = (at: number) => dateFormat('en-GB', zone, { year: 'numeric' }).format(new Date(at));
  const sameYear = year(createdAt) === year(now);
  return dateFormat(locale, zone, {
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
  }).format(new Date(createdAt));
}

/**
 * "45 min left", "2 h 5 min left", "23 h left", "3 d left"; an empty string once the time is
 * up. Minutes are shown in the last three hours, when renewing or nudging the client matters.
 */
export function timeLeft(expiresAt: number, now: number): string {
  const left = expiresAt - now;
  if (left <= 0) return '';
  if (left < MINUTE) return t('history.time.underAMinuteLeft');
  if (left < HOUR) return t('history.time.minutesLeft', { minutes: Math.floor(left / MINUTE) });
  const hours = Math.floor(left / HOUR);
  if (left < 3 * HOUR) {
    const minutes = Math.floor((left % HOUR) / MINUTE);
    return minutes === 0
      ? t('history.time.hoursLeft', { hours })
      : t('history.time.hoursMinutesLeft', { hours, minutes });
  }
  if (left < 2 * DAY) return t('history.time.hoursLeft', { hours });
  return t('history.time.daysLeft', { days: Math.floor(left / DAY) });
}

/**
 * "Paid 3 Dec, 14:05" (zh-TW "12月3日 下午2:05 已付款"): when a Complete link was seen paid, on
 * its History row. The year only when it is not this year's.
 */
export function paidOn(paidAt: number, now: number, options: TimeOptions = {}): string {
  const zone = options.timeZone;
  const year = (at: number) => dateFormat('en-GB', zone, { year: 'numeric' }).format(new Date(at));
  const date = dateFormat(options.locale ?? dateLocale(), zone, {
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
    ...(year(paidAt) === year(now) ? {} : { year: 'numeric' }),
  }).format(new Date(paidAt));
  return t('history.row.paidOn', { date });
}

const FULL_TIME: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
};

/** "Tue, 25 Nov 2025, 14:05" (zh-TW "2025年11月25日 週二 14:05") for a tooltip beside a relative time. */
export function fullTime(unixMillis: number, options: TimeOptions = {}): string {
  return dateFormat(options.locale ?? dateLocale(), options.timeZone, FULL_TIME).format(
    new Date(unixMillis),
  );
}
