import type { SessionRecord } from './history.ts';

/*
 * Invoices as History holds them (issue 23): an invoice is the links that share one invoice
 * number, its current link the newest one; each earlier link names its successor in
 * `renewedBy`. Nothing is stored per invoice, so a history written before this (each
 * renewal under its own number, with `replacesInvoice`) reads as it did: a link renewed
 * under another number is still the only link of its own invoice.
 */

/**
 * Whether `record` is the current link of its invoice, given `successor`, the link its
 * `renewedBy` names (undefined when History no longer holds it, e.g. pruned): it is unless a
 * link made for the same invoice number replaced it.
 */
export function isCurrentLink(
  record: SessionRecord,
  successor?: Pick<SessionRecord, 'invoiceNumber'>,
): boolean {
  return !(
    record.renewedBy !== undefined &&
    record.invoiceNumber !== undefined &&
    successor?.invoiceNumber === record.invoiceNumber
  );
}

export interface Ledger {
  /**
   * One record per invoice, in the history's order (newest first): its current link, or the
   * earlier link it was paid through (a replaced link is followed until it settles), so a
   * paid invoice never shows as Open with a link to hand out again.
   */
  readonly rows: readonly SessionRecord[];
  /** The other links of an invoice, newest first, by the id of its row's record. */
  readonly earlier: ReadonlyMap<string, readonly SessionRecord[]>;
  /** Each numbered invoice by its number, with its current (newest) link. */
  readonly invoices: ReadonlyMap<string, { readonly current: SessionRecord }>;
}

const NONE: readonly SessionRecord[] = [];

/** Whether money came through this link: its invoice is paid, whichever of its links it was. */
export const isPaid = (link: Pick<SessionRecord, 'status'>): boolean => link.status === 'complete';

interface Invoice {
  readonly number: string;
  /** Its current link, and where it sits among the rows. */
  readonly current: SessionRecord;
  readonly row: number;
}

function groupLinks(sessions: readonly SessionRecord[]): Ledger {
  // The history is in the order links were made, newest first: one pass meets an invoice's
  // current link before its earlier ones. Grouped by the number itself, which is never on two
  // invoices, not by following `renewedBy`: an earlier link is one row of its invoice even
  // while the write that names its successor is still on its way.
  const byNumber = new Map<string, Invoice>();
  const groups = new Map<Invoice, SessionRecord[]>();
  let rows: SessionRecord[] | undefined;
  for (let index = 0; index < sessions.length; index += 1) {
    const record = sessions[index];
    if (record === undefined) continue;
    const number = record.invoiceNumber;
    const next = number === undefined ? undefined : byNumber.get(number);
    if (next !== undefined) {
      // Copied only once a link is left out, so a history with no renewal keeps its array.
      rows ??= sessions.slice(0, index);
      const links = groups.get(next);
      if (links === undefined) groups.set(next, [next.current, record]);
      else links.push(record);
      continue;
    }
    const row = rows === undefined ? index : rows.length;
    rows?.push(record);
    if (number !== undefined) byNumber.set(number, { number, current: record, row });
  }
  const earlier = new Map<string, readonly SessionRecord[]>();
  for (const [invoice, links] of groups) {
    const shown = isPaid(invoice.current)
      ? invoice.current
      : (links.find(isPaid) ?? invoice.current);
    if (rows !== undefined) rows[invoice.row] = shown;
    earlier.set(
      shown.id,
      links.filter((link) => link !== shown),
    );
  }
  return { rows: rows ?? sessions, earlier, invoices: byNumber };
}

// Keyed by the array itself: the view gets a new array whenever the stored history changes.
const ledgers = new WeakMap<readonly SessionRecord[], Ledger>();

/** The invoices of a history (newest first), each once; computed once per array. */
export function ledgerOf(sessions: readonly SessionRecord[]): Ledger {
  let ledger = ledgers.get(sessions);
  if (ledger === undefined) {
    ledger = groupLinks(sessions);
    ledgers.set(sessions, ledger);
  }
  return ledger;
}

/**
 * Whether another link carries `record`'s invoice on, so it is not the one to correct,
 * remind of, mark Overdue or renew. The ledger knows a newer link under the same number as
 * soon as it is stored, while the write naming it in `renewedBy` may still be on its way
 * (seen in the popup more than 5 s late); `renewedBy` is still the only fact for a renewal
 * under another number (histories from before issue 23) or a successor no longer held.
 */
export function isReplaced(record: SessionRecord, ledger: Ledger): boolean {
  if (record.renewedBy !== undefined) return true;
  const number = record.invoiceNumber;
  const current = number === undefined ? undefined : ledger.invoices.get(number)?.current;
  return current !== undefined && current.id !== record.id;
}

/** The other links of the invoice `row` stands for, newest first (none for most). */
export function earlierLinks(
  sessions: readonly SessionRecord[],
  row: SessionRecord,
): readonly SessionRecord[] {
  return ledgerOf(sessions).earlier.get(row.id) ?? NONE;
}

/** Every link of the invoice `row` stands for, `row` first. */
export function linksOfInvoice(
  sessions: readonly SessionRecord[],
  row: SessionRecord,
): readonly SessionRecord[] {
  return [row, ...earlierLinks(sessions, row)];
}
