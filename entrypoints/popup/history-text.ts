import type { CheckoutStatus, SessionRecord } from '../../lib/history.ts';
import type { ResponseFor } from '../../lib/messages.ts';

/* The words of the History view, kept out of the components so they can be tested. */

export const STATUS_WORDS: Readonly<Record<CheckoutStatus, string>> = {
  open: 'Open',
  complete: 'Complete',
  expired: 'Expired',
};

/** The first item's name and, apart, "and 2 more" (the rest is on the checkout page). */
export function itemsLine(items: SessionRecord['items']): { first: string; more: string } {
  const [first, ...rest] = items;
  return {
    first: first?.name ?? '',
    more: rest.length > 0 ? `and ${rest.length} more` : '',
  };
}

export function totalText(session: Pick<SessionRecord, 'amountTotal' | 'currency'>): string {
  return `${session.amountTotal} ${session.currency.toUpperCase()}`;
}

/** A row's accessible name: "Logo design, 20.50 USDT, Open". */
export function rowLabel(session: SessionRecord, status: CheckoutStatus): string {
  const name = session.items[0]?.name ?? session.reference;
  return `${name}, ${totalText(session)}, ${STATUS_WORDS[status]}`;
}

const counts = new Intl.NumberFormat('en-GB');

function links(count: number, kind = ''): string {
  const noun = kind ? `${kind} link` : 'link';
  return count === 1 ? `1 ${noun}` : `${counts.format(count)} ${noun}s`;
}

/** "3 links", or while filtering "1 of 3 links" ("12 of 10,000 links"). */
export function countLine(shown: number, total: number): string {
  return shown === total ? links(total) : `${counts.format(shown)} of ${links(total)}`;
}

export interface RefreshReport {
  readonly tone: 'success' | 'error';
  readonly text: string;
}

function changes(count: number): string {
  if (count === 0) return 'no change';
  return count === 1 ? '1 status changed' : `${counts.format(count)} statuses changed`;
}

/**
 * What "Refresh statuses" tells the user: "Checked 3 open links · 1 status changed", or why
 * it failed.
 */
export function refreshReport(answer: ResponseFor<'refreshStatuses'>): RefreshReport {
  if (!answer.ok) return { tone: 'error', text: answer.error.message };
  const summary = `Checked ${links(answer.checked, 'open')} · ${changes(answer.changed)}`;
  if (answer.failed > 0) {
    const reason = answer.error ? ` ${answer.error.message}` : '';
    return { tone: 'error', text: `${summary} · ${answer.failed} failed.${reason}` };
  }
  if (answer.checked === 0) return { tone: 'success', text: 'No open links to check' };
  if (answer.notFound !== undefined && answer.notFound > 0) {
    const they = answer.notFound === 1 ? 'it expires' : 'they expire';
    const missing = `${links(answer.notFound)} not found at Payfect: shown as Open until ${they}.`;
    return { tone: 'success', text: `${summary} · ${missing}` };
  }
  return { tone: 'success', text: summary };
}
