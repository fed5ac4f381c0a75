import { FIELDS, keptValue } from './fields.ts';
import type { SessionRecord } from './history.ts';
import { sessionProfileName, type ProfileName } from './profile-names.ts';
import { effectiveStatus } from './status.ts';
import { localDate } from './calendar-date.ts';
import { dueDateOf, invoiceState } from './invoice-status.ts';
import { invoiceTotals } from './tax.ts';

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

interface RowContext {
  readonly status: string;
  readonly profiles: readonly ProfileName[];
  readonly now: number;
  /** The invoice's links made before this row's (lib/ledger.ts). */
  readonly earlier: readonly SessionRecord[];
}

/** A column: its name in the header, and its cell in each row. */
interface Column {
  readonly name: string;
  readonly cell: (session: SessionRecord, row: RowContext) => string;
}

/** The columns that are the link's own, not a form field's (those come from lib/fields.ts). */
const LINK_COLUMNS: readonly Column[] = [
  { name: 'id', cell: (session) => session.id },
  { name: 'url', cell: (session) => session.url },
  { name: 'status', cell: (_, row) => row.status },
  // The string Payfect returned, never re-formatted through a float.
  { name: 'amount_total', cell: (session) => session.amountTotal },
  { name: 'currency', cell: (session) => session.currency.toUpperCase() },
  { name: 'network', cell: (session) => session.network },
  { name: 'items', cell: (session) => itemsCell(session.items) },
  { name: 'created_at', cell: (session) => isoTime(session.createdAt) },
  { name: 'expires_at', cell: (session) => isoTime(session.expiresAt) },
  // When the extension saw it paid (Payfect's answer has no payment time); empty otherwise.
  {
    name: 'paid_at',
    cell: (session, row) => (row.status === 'complete' ? isoTime(session.statusChangedAt) : ''),
  },
  { name: 'mode', cell: (session) => (session.isLivemode ? 'live' : 'test') },
  { name: 'note', cell: (session) => session.note ?? '' },
  { name: 'tags', cell: (session) => (session.tags ?? []).join('; ') },
  // Typed by people too, so it goes through csvField like the rest.
  { name: 'profile', cell: (session, row) => sessionProfileName(session, row.profiles) },
  { name: 'invoice_number', cell: (session) => session.invoiceNumber ?? '' },
];

/** Every column in order: the link's own, each field's placed after the column it names. */
const LINK_AND_FIELD_COLUMNS: readonly Column[] = FIELDS.reduce<Column[]>(
  (columns, field) => {
    if (!('csv' in field)) return columns;
    const at = columns.findIndex((column) => column.name === field.csv.after);
    const column = {
      name: field.csv.column,
      cell: (s: SessionRecord) => keptValue(s, field) ?? '',
    };
    return [...columns.slice(0, at + 1), column, ...columns.slice(at + 1)];
  },
  [...LINK_COLUMNS],
);

/** The invoice's items, tax and total in the items' currency (lib/tax.ts), exact. */
function totalsOf(session: SessionRecord) {
  return invoiceTotals({ ...session, currency: session.itemsCurrency ?? session.currency });
}

/**
 * One row is one invoice (History's rows: lib/ledger.ts), so its own columns come last: the
 * columns above keep their places, and a bookkeeper's sheet that reads them by position still
 * works. Dates are calendar days where the user is, as the invoice prints them.
 */
const INVOICE_COLUMNS: readonly Column[] = [
  { name: 'invoice_status', cell: (session, row) => invoiceState(session, row.now) },
  { name: 'issue_date', cell: (session) => localDate(session.issuedAt ?? session.createdAt) },
  { name: 'due_date', cell: (session) => dueDateOf(session) },
  {
    name: 'paid_date',
    cell: (session, row) => (row.status === 'complete' ? localDate(session.statusChangedAt) : ''),
  },
  { name: 'net', cell: (session) => totalsOf(session).net },
  { name: 'tax', cell: (session) => totalsOf(session).tax },
  { name: 'gross', cell: (session) => totalsOf(session).gross },
  {
    name: 'items_currency',
    cell: (session) => (session.itemsCurrency ?? session.currency).toUpperCase(),
  },
  // The current link is `url`; this counts it with the earlier ones.
  { name: 'links', cell: (_, row) => String(row.earlier.length + 1) },
];

/** Every column in order: the link's own, each field's after the one it names, the invoice's. */
const COLUMNS: readonly Column[] = [...LINK_AND_FIELD_COLUMNS, ...INVOICE_COLUMNS];

export const CSV_HEADER: readonly string[] = COLUMNS.map((column) => column.name);

/**
 * History's rows as a CSV file's text, BOM and header included: one row per invoice (its
 * current link), with `earlier` the links made for it before (lib/ledger.ts).
 */
export function sessionsToCsv(
  sessions: readonly SessionRecord[],
  now: number,
  profiles: readonly ProfileName[] = [],
  earlier: ReadonlyMap<string, readonly SessionRecord[]> = new Map(),
): string {
  const lines = [CSV_HEADER.join(',')];
  for (const session of sessions) {
    const row = {
      status: effectiveStatus(session, now),
      profiles,
      now,
      earlier: earlier.get(session.id) ?? [],
    };
    lines.push(COLUMNS.map((column) => csvField(column.cell(session, row))).join(','));
  }
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}

/** `payfect-history-2026-03-14.csv`, by the local calendar date. */
export function csvFileName(now: number): string {
  const date = new Date(now);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `payfect-history-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.csv`;
}
