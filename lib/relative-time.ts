/*
 * Times as a History row shows them: how long ago a link was made ("5 min ago") and how
 * long an open one still takes payments ("23 h left"). English, like the rest of the UI;
 * the time zone is a parameter so tests do not depend on the machine's.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// en-GB's short style has no abbreviation dots: "5 min ago", "3 hr ago".
const relative = new Intl.RelativeTimeFormat('en-GB', { style: 'short', numeric: 'always' });

export interface TimeOptions {
  readonly timeZone?: string;
}

/** "just now", "5 min ago", "3 hr ago", "2 days ago"; a week or more: "12 Mar" or "12 Mar 2025". */
export function createdAgo(createdAt: number, now: number, options: TimeOptions = {}): string {
  const elapsed = now - createdAt;
  if (elapsed < 45_000) return 'just now';
  if (elapsed < HOUR) return relative.format(-Math.max(1, Math.round(elapsed / MINUTE)), 'minute');
  if (elapsed < DAY) return relative.format(-Math.floor(elapsed / HOUR), 'hour');
  if (elapsed < 7 * DAY) return relative.format(-Math.floor(elapsed / DAY), 'day');
  const zone = options.timeZone ? { timeZone: options.timeZone } : {};
  const year = (at: number) =>
    new Intl.DateTimeFormat('en-GB', { year: 'numeric', ...zone }).format(new Date(at));
  const sameYear = year(createdAt) === year(now);
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
    ...zone,
  }).format(new Date(createdAt));
}

/**
 * "45 min left", "2 h 5 min left", "23 h left", "3 d left"; an empty string once the time is
 * up. Minutes are shown in the last three hours, when renewing or nudging the client matters.
 */
export function timeLeft(expiresAt: number, now: number): string {
  const left = expiresAt - now;
  if (left <= 0) return '';
  if (left < MINUTE) return '<1 min left';
  if (left < HOUR) return `${Math.floor(left / MINUTE)} min left`;
  if (left < 3 * HOUR) {
    const minutes = Math.floor((left % HOUR) / MINUTE);
    const hours = `${Math.floor(left / HOUR)} h`;
    return minutes === 0 ? `${hours} left` : `${hours} ${minutes} min left`;
  }
  if (left < 2 * DAY) return `${Math.floor(left / HOUR)} h left`;
  return `${Math.floor(left / DAY)} d left`;
}

/** "Tue 25 Nov 2025, 14:05" for a tooltip beside a relative time. */
export function fullTime(unixMillis: number, options: TimeOptions = {}): string {
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  }).format(new Date(unixMillis));
}
