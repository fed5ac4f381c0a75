/**
 * Payfect timestamps arrive as strings in more than one form (see payfect-api-notes.md):
 * `createdAt`/`updatedAt` as unix seconds with a fraction ("1690532072.288761"), `expiresAt`
 * as unix milliseconds ("1703939166000") in the current docs and as ISO-8601 in an earlier
 * version. These parsers return `undefined` rather than NaN so schemas can reject bad input.
 * Timestamps are not money: a float is precise enough for them.
 */

const UNIX_SECONDS = /^\d{1,12}(\.\d+)?$/;
const UNIX_MILLIS = /^\d{1,15}$/;
const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Unix seconds, optionally with a fraction, as milliseconds. */
export function parseUnixSecondsMs(text: string): number | undefined {
  return UNIX_SECONDS.test(text) ? Math.round(Number(text) * 1000) : undefined;
}

/** Unix milliseconds given as a digit string. */
export function parseUnixMillis(text: string): number | undefined {
  return UNIX_MILLIS.test(text) ? Number(text) : undefined;
}

/**
 * An ISO-8601 date-time as milliseconds. Written out rather than left to Date.parse, which
 * reads a zone-less string as local time and accepts many non-ISO shapes. A zone-less value
 * is read as UTC: that is what a Django backend with USE_TZ stores.
 */
export function parseIsoMs(text: string): number | undefined {
  const match = ISO_8601.exec(text.trim());
  if (match === null) return undefined;
  const [, year, month, day, hour, minute, second = '0', fraction = '', zone = 'Z'] = match;
  const fields = [year, month, day, hour, minute].map(Number);
  const [y = 0, mo = 0, d = 0, h = 0, mi = 0] = fields;
  const s = Number(second);
  const ms = Number(fraction.slice(0, 3).padEnd(3, '0'));
  const utc = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const back = new Date(utc);
  const valid =
    back.getUTCFullYear() === y &&
    back.getUTCMonth() === mo - 1 &&
    back.getUTCDate() === d &&
    back.getUTCHours() === h &&
    back.getUTCMinutes() === mi &&
    back.getUTCSeconds() === s;
  if (!valid) return undefined;
  return utc - zoneOffsetMs(zone);
}

function zoneOffsetMs(zone: string): number {
  if (zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || '0');
  return sign * (hours * 60 + minutes) * 60_000;
}

/** `expiresAt`: unix milliseconds or ISO-8601. */
export function parseExpiresAtMs(text: string): number | undefined {
  return parseUnixMillis(text) ?? parseIsoMs(text);
}

/** `createdAt`/`updatedAt`: unix seconds (with a fraction), or ISO-8601 to be liberal. */
export function parseCreatedAtMs(text: string): number | undefined {
  return parseUnixSecondsMs(text) ?? parseIsoMs(text);
}
