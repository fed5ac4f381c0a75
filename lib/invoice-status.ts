import { z } from 'zod/mini';
import { isCalendarDate, localDate } from './calendar-date.ts';
import type { SessionRecord } from './history.ts';
import { t } from './i18n.ts';
import { err, ok, type Result } from './result.ts';
import { hasHiddenCharacters } from './safe-text.ts';

/*
 * An invoice's own state, apart from its link's word (Open, Complete, Expired): a link lasts
 * a day, an invoice is due on its terms. Pure, with the time zone passed in where it matters,
 * so the popup, the worker and the tests agree on which day it is.
 */

export type InvoiceState = 'unpaid' | 'paid' | 'overdue' | 'void';

type Dated = Pick<SessionRecord, 'expiresAt' | 'dueDate'>;
type Stated = Dated & Pick<SessionRecord, 'status' | 'voided'>;

/**
 * The invoice's due date, 'YYYY-MM-DD': its own when it has one; for a record from before
 * payment terms, the local date its link expired, which is what its document called due.
 */
export function dueDateOf(record: Dated, timeZone?: string): string {
  const { dueDate } = record;
  return dueDate !== undefined && isCalendarDate(dueDate)
    ? dueDate
    : localDate(record.expiresAt, timeZone);
}

/**
 * Void once voided (even if money came after: the void is the user's word on it), paid once
 * its link was paid, overdue once the whole due day has passed where the user is, else
 * unpaid. Dates written 'YYYY-MM-DD' compare as text, so "the due day has passed" is "today
 * is a later date", whatever the day's length across a clock change.
 */
export function invoiceState(record: Stated, now: number, timeZone?: string): InvoiceState {
  if (record.voided !== undefined) return 'void';
  if (record.status === 'complete') return 'paid';
  return localDate(now, timeZone) > dueDateOf(record, timeZone) ? 'overdue' : 'unpaid';
}

export const MAX_VOID_REASON_LENGTH = 200;

function isPrintableReason(reason: string): boolean {
  return reason === reason.trim() && !hasHiddenCharacters(reason);
}

/** A void's reason as the worker takes it: trimmed, said, short, and shown exactly as printed. */
export const VoidReasonSchema = z
  .string()
  .check(z.minLength(1), z.maxLength(MAX_VOID_REASON_LENGTH), z.refine(isPrintableReason));

/** The reason as typed in the Void dialog, ready to send, or why it cannot be. */
export function validateVoidReason(typed: string): Result<string, string> {
  const reason = typed.trim();
  if (reason === '') return err(t('validation.voidReasonRequired'));
  if (reason.length > MAX_VOID_REASON_LENGTH) {
    return err(
      t('validation.voidReasonTooLong', { max: MAX_VOID_REASON_LENGTH, count: reason.length }),
    );
  }
  if (hasHiddenCharacters(reason)) return err(t('validation.hiddenText'));
  return ok(reason);
}

/** The word History shows beside a row's link word, when one applies. */
export type InvoiceMark = 'overdue' | 'void';

/**
 * Overdue or Void for a History row: only a link with an invoice number is an invoice (older
 * links were not issued as such), and an invoice carried on by a newer link (`replaced`:
 * lib/ledger.ts isReplaced) is overdue there, not on the link it replaced.
 */
export function invoiceMark(
  record: Stated & Pick<SessionRecord, 'invoiceNumber'>,
  replaced: boolean,
  now: number,
  timeZone?: string,
): InvoiceMark | undefined {
  if (record.invoiceNumber === undefined) return undefined;
  const state = invoiceState(record, now, timeZone);
  if (state === 'void') return 'void';
  return state === 'overdue' && !replaced ? 'overdue' : undefined;
}
