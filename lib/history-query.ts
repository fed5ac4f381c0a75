import {
  isKnownStatus,
  type CheckoutStatus,
  type SessionRecord,
  type SessionStatus,
} from './history.ts';
import { FIELDS, keptValue } from './fields.ts';
import { formatAmount } from './format.ts';
import { uiLocale } from './i18n.ts';
import { isReplaced, ledgerOf, type Ledger } from './ledger.ts';
import { invoiceMark, type InvoiceMark } from './invoice-status.ts';
import { sessionProfileId, type ProfileName } from './profile-names.ts';
import { effectiveStatus } from './status.ts';

/*
 * Search and status filter of the History view. Pure and allocation-light: the history can
 * hold 10,000 sessions. A keystroke only needs the rows it shows, so `firstMatches` stops
 * once it has them and the full filter (the count, "No links match", the export) can run
 * when the popup is idle. The rows' lower-case search texts are made once per history array.
 */

/** A link's word, or an invoice's (Overdue, Void: lib/invoice-status.ts invoiceMark). */
export type StatusFilter = 'all' | CheckoutStatus | InvoiceMark;

function isMarkFilter(status: StatusFilter): status is InvoiceMark {
  return status === 'overdue' || status === 'void';
}

function passes(record: SessionRecord, status: StatusFilter, now: number, ledger: Ledger): boolean {
  if (status === 'all') return true;
  if (isMarkFilter(status)) return invoiceMark(record, isReplaced(record, ledger), now) === status;
  return filteredAs(effectiveStatus(record, now)) === status;
}

/** The filter a shown status falls under: one Payfect added later ("processing") is open. */
function filteredAs(status: SessionStatus): CheckoutStatus {
  return isKnownStatus(status) ? status : 'open';
}

export interface HistoryQuery {
  /** As typed; whitespace-separated words must all occur (in any field). */
  readonly query: string;
  /** The status as shown (lib/status.ts effectiveStatus): open past expiry is expired. */
  readonly status: StatusFilter;
  /** The profiles now, so a search can match the name of the profile that made a link. */
  readonly profiles?: readonly ProfileName[];
}

// An integer part of four digits or more: the row shows the amount grouped ("1,200.00").
const GROUPED = /^-?\d{4}/;

/** The fields History's search finds a link by (lib/fields.ts `search`). */
const SEARCHED = FIELDS.filter((field) => field.search);

/**
 * Every item name, the amount (as stored, and as the row shows it when that differs), the
 * currency, the note, the tags, the invoice number and every searched field (the reference,
 * the client's name and email, …), lower case, one per line.
 */
export function searchText(record: SessionRecord, locale: string = uiLocale()): string {
  let text = '';
  for (const item of record.items) text += `${item.name}\n`;
  text += `${record.amountTotal}\n${record.currency}`;
  if (GROUPED.test(record.amountTotal)) text += `\n${formatAmount(record.amountTotal, locale)}`;
  if (record.note) text += `\n${record.note}`;
  for (const tag of record.tags ?? []) text += `\n${tag}`;
  if (record.invoiceNumber) text += `\n${record.invoiceNumber}`;
  for (const field of SEARCHED) {
    const value = keptValue(record, field);
    if (value) text += `\n${value}`;
  }
  return text.toLowerCase();
}

// Keyed by the array itself: the view gets a new array whenever the stored history changes.
const searchTexts = new WeakMap<readonly SessionRecord[], readonly string[]>();

/**
 * Every row's search text, made once per history array (about 11 ms for 10,000 invoices):
 * a keystroke then only looks through strings, however far back its matches are.
 */
function searchTextsOf(rows: readonly SessionRecord[]): readonly string[] {
  let texts = searchTexts.get(rows);
  if (texts === undefined) {
    const locale = uiLocale();
    texts = rows.map((record) => searchText(record, locale));
    searchTexts.set(rows, texts);
  }
  return texts;
}

/**
 * Makes the search texts of a history that is read, so that its first keystroke does not
 * (History calls it once the whole history is in, before anyone types).
 */
export function prepareSearch(history: readonly SessionRecord[]): void {
  searchTextsOf(ledgerOf(history).rows);
}

/** The words of a query, lower case; none for a blank query. */
export function queryWords(query: string): string[] {
  const trimmed = query.trim().toLowerCase();
  return trimmed === '' ? [] : trimmed.split(/\s+/);
}

function containsAll(text: string, words: readonly string[], profile = ''): boolean {
  for (const word of words) {
    if (!text.includes(word) && !profile.includes(word)) return false;
  }
  return true;
}

/** What firstMatches found. */
export interface FirstMatches {
  /** Matches in the order given, at most the `wanted` asked for. */
  readonly matches: readonly SessionRecord[];
  /** True when every session was looked at, so `matches` holds all there are. */
  readonly complete: boolean;
}

/**
 * The first `wanted` matching invoices in the order given (the history's: newest first),
 * each as its current link (lib/ledger.ts): the rows a view needs now, at the cost of
 * reaching them rather than of the whole history. With no words and every status, every
 * invoice is returned, complete (the same array when no link was replaced).
 */
export function firstMatches(
  history: readonly SessionRecord[],
  { query, status, profiles = [] }: HistoryQuery,
  now: number,
  wanted: number,
): FirstMatches {
  // An earlier link of an invoice is in its row's details, never a row of its own.
  const ledger = ledgerOf(history);
  const sessions = ledger.rows;
  const words = queryWords(query);
  if (words.length === 0 && status === 'all') return { matches: sessions, complete: true };
  const texts = words.length > 0 ? searchTextsOf(sessions) : [];
  // Current names, lower case once per call; a deleted profile's link keeps its old name.
  const names = new Map(profiles.map(({ id, name }) => [id, name.toLowerCase()]));
  const profileText = (record: SessionRecord) =>
    names.get(sessionProfileId(record)) ?? record.profileName?.toLowerCase() ?? '';
  const matches: SessionRecord[] = [];
  let index = 0;
  for (; index < sessions.length && matches.length < wanted; index += 1) {
    const record = sessions[index];
    if (record === undefined) continue;
    if (!passes(record, status, now, ledger)) continue;
    if (words.length > 0) {
      if (!containsAll(texts[index] ?? '', words, profileText(record))) continue;
    }
    matches.push(record);
  }
  return { matches, complete: index >= sessions.length };
}

/**
 * Every invoice that matches, as its current link, in the order given (the history's: newest
 * first). With no words and every status the same array is returned for the same history, so
 * callers can tell nothing changed.
 */
export function filterSessions(
  sessions: readonly SessionRecord[],
  query: HistoryQuery,
  now: number,
): readonly SessionRecord[] {
  return firstMatches(sessions, query, now, Infinity).matches;
}
