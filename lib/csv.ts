import type { SessionRecord } from './history.ts';
import { sessionProfileName, type ProfileName } from './profile-names.ts';
import { effectiveStatus } from './status.ts';

/*
 * The History export for bookkeeping: RFC 4180 CSV (CRLF line ends, a header row, fields
 * holding a comma, a semicolon, a quote or a line break in double quotes, quotes doubled).
 *
 * Two departures from plain RFC 4180, both for spreadsheets, where these files end up:
 * - The text starts with a UTF-8 byte order mark. Without it Excel reads the file in the
 *   system's ANSI code page and shows 品牌設計 as mojibake.
 * - A cell starting with = + - @ (or a tab or carriage return) gets a leading single quote.
 *   Item names and references are typed by people (a client may have asked for them), and
 *   a spreadsheet would run `=HYPERLINK(...)` or `@SUM(...)` as a formula (OWASP "CSV
 *   injection"). The quote makes it text; amounts never start with these characters.
 *   Notes and tags are typed too, and get the same treatment.
 */

export const CSV_BOM = '\uFEFF';

export const CSV_HEADER = [
  'id',
  'url',
  'status',
  'amount_total',
  'currency',
  'network',
  'reference',
  'items',
  'created_at',
  'expires_at',
  'paid_at',
  'mode',
  'note',
  'tags',
  'profile',
  'invoice_number',
  'client_name',
  'client_email',
  'client_address',
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;
/* A ";" too: Excel in semicolon locales (de, fr, …) splits unquoted cells on it. */
const NEEDS_QUOTES = /[",;\r\n]/;

/** One cell: defused if a spreadsheet would read it as a formula, quoted if needed. */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** "2 × Logo design; 1 × Hosting". */
export function itemsCell(items: SessionRecord['items']): string {
  return items.map((item) => `${item.quantity} × ${item.name}`).join('; ');
}

function isoTime(unixMillis: number): string {
  const date = new Date(unixMillis);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

function sessionRow(
  session: SessionRecord,
  now: number,
  profiles: readonly ProfileName[],
): string[] {
  const status = effectiveStatus(session, now);
  return [
    session.id,
    session.url,
    status,
    // The string Payfect returned, never re-formatted through a float.
    session.amountTotal,
    session.currency.toUpperCase(),
    session.network,
    session.reference,
    itemsCell(session.items),
    isoTime(session.createdAt),
    isoTime(session.expiresAt),
    // When the extension saw it paid (Payfect's answer has no payment time); empty otherwise.
    status === 'complete' ? isoTime(session.statusChangedAt) : '',
    session.isLivemode ? 'live' : 'test',
    session.note ?? '',
    (session.tags ?? []).join('; '),
    // Typed by people too, so it goes through csvField like the rest.
    sessionProfileName(session, profiles),
    session.invoiceNumber ?? '',
    session.client?.name ?? '',
    session.client?.email ?? '',
    session.client?.address ?? '',
  ];
}

/** The sessions as a CSV file's text, BOM and header included, one row per session. */
export function sessionsToCsv(
  sessions: readonly SessionRecord[],
  now: number,
  profiles: readonly ProfileName[] = [],
): string {
  const lines = [CSV_HEADER.join(',')];
  for (const session of sessions)
    lines.push(sessionRow(session, now, profiles).map(csvField).join(','));
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}

/** `payfect-history-2026-03-14.csv`, by the local calendar date. */
export function csvFileName(now: number): string {
  const date = new Date(now);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `payfect-history-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.csv`;
}
