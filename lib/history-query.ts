import type { CheckoutStatus, SessionRecord } from './history.ts';
import { formatAmount } from './format.ts';
import { uiLocale } from './i18n.ts';
import { sessionProfileId, type ProfileName } from './profile-names.ts';
import { effectiveStatus } from './status.ts';

/*
 * Search and status filter of the History view. Pure and allocation-light: the history can
 * hold 10,000 sessions and every keystroke filters all of them, so each session's search
 * text is lower-cased once per history array, and a keystroke is one scan over strings.
 */

export type StatusFilter = 'all' | CheckoutStatus;

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

/**
 * Every item name, the reference, the amount (as stored, and as the row shows it when that
 * differs), the currency, the note and the tags, lower case, one per line.
 */
export function searchText(record: SessionRecord, locale: string = uiLocale()): string {
  let text = '';
  for (const item of record.items) text += `${item.name}\n`;
  text += `${record.reference}\n${record.amountTotal}\n${record.currency}`;
  if (GROUPED.test(record.amountTotal)) text += `\n${formatAmount(record.amountTotal, locale)}`;
  if (record.note) text += `\n${record.note}`;
  for (const tag of record.tags ?? []) text += `\n${tag}`;
  return text.toLowerCase();
}

// Keyed by the array itself: the view gets a new array whenever the stored history changes.
const searchTexts = new WeakMap<readonly SessionRecord[], readonly string[]>();

function searchTextsOf(sessions: readonly SessionRecord[]): readonly string[] {
  let texts = searchTexts.get(sessions);
  if (!texts) {
    const locale = uiLocale();
    texts = sessions.map((record) => searchText(record, locale));
    searchTexts.set(sessions, texts);
  }
  return texts;
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

/**
 * The sessions that match, in the order given (the history's: newest first). With no
 * words and every status the same array is returned, so callers can tell nothing changed.
 */
export function filterSessions(
  sessions: readonly SessionRecord[],
  { query, status, profiles = [] }: HistoryQuery,
  now: number,
): readonly SessionRecord[] {
  const words = queryWords(query);
  if (words.length === 0 && status === 'all') return sessions;
  const texts = words.length === 0 ? [] : searchTextsOf(sessions);
  // Current names, lower case once per call; a deleted profile's link keeps its old name.
  const names = new Map(profiles.map(({ id, name }) => [id, name.toLowerCase()]));
  const profileText = (record: SessionRecord) =>
    names.get(sessionProfileId(record)) ?? record.profileName?.toLowerCase() ?? '';
  const matches: SessionRecord[] = [];
  for (let index = 0; index < sessions.length; index += 1) {
    const record = sessions[index];
    if (record === undefined) continue;
    if (status !== 'all' && effectiveStatus(record, now) !== status) continue;
    if (words.length > 0 && !containsAll(texts[index] ?? '', words, profileText(record))) {
      continue;
    }
    matches.push(record);
  }
  return matches;
}
