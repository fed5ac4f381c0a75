import { formatAmount, formatCount } from '../../../lib/format.ts';
import type { SessionRecord, SessionStatus } from '../../../lib/history.ts';
import { t } from '../../../lib/i18n.ts';
import type { InvoiceMark } from '../../../lib/invoice-status.ts';
import type { ResponseFor } from '../../../lib/messages.ts';

/* The words of the History view, kept out of the components so they can be tested. */

/**
 * "Open", "Complete", "Expired" (zh-TW "待付款", "已付款", "已過期"); a status Payfect added
 * after our docs ("processing") as received: we cannot translate what we do not know.
 */
export function statusWord(status: SessionStatus): string {
  switch (status) {
    case 'open':
      return t('history.statuses.open');
    case 'complete':
      return t('history.statuses.complete');
    case 'expired':
      return t('history.statuses.expired');
    default:
      return status;
  }
}

/** "Overdue", "Void": an invoice's word beside its link's. */
export function markWord(mark: InvoiceMark): string {
  return mark === 'overdue' ? t('history.statuses.overdue') : t('history.statuses.void');
}

/** The first item's name and, apart, "and 2 more" (the rest is on the checkout page). */
export function itemsLine(items: SessionRecord['items']): { first: string; more: string } {
  const [first, ...rest] = items;
  return {
    first: first?.name ?? '',
    more: rest.length > 0 ? t('history.row.more', rest.length, { count: rest.length }) : '',
  };
}

/** "1,200.50 USDT": the amount in the UI language's digits and grouping, every digit kept. */
export function totalText(session: Pick<SessionRecord, 'amountTotal' | 'currency'>): string {
  return `${formatAmount(session.amountTotal)} ${session.currency.toUpperCase()}`;
}

/** A row's accessible name: "Logo design, 20.50 USDT, Open" ("…, Expired, Overdue"). */
export function rowLabel(
  session: SessionRecord,
  status: SessionStatus,
  mark?: InvoiceMark,
): string {
  const name = session.items[0]?.name ?? session.reference;
  const word = mark === undefined ? statusWord(status) : `${statusWord(status)}, ${markWord(mark)}`;
  return t('history.row.label', { name, total: totalText(session), status: word });
}

function links(count: number): string {
  return t('history.links', count, { count: formatCount(count) });
}

/** "3 links", or while filtering "1 of 3 links" ("12 of 10,000 links"). */
export function countLine(shown: number, total: number): string {
  return shown === total
    ? links(total)
    : t('history.linksOf', total, { shown: formatCount(shown), count: formatCount(total) });
}

export interface RefreshReport {
  readonly tone: 'success' | 'error';
  readonly text: string;
}

function changes(count: number): string {
  return t('history.refreshReport.changed', count, { count: formatCount(count) });
}

/**
 * What "Refresh statuses" tells the user: "Checked 3 open links · 1 status changed", or why
 * it failed. Each part is a whole phrase of its own; " · " lists them in any language.
 */
export function refreshReport(answer: ResponseFor<'refreshStatuses'>): RefreshReport {
  if (!answer.ok) return { tone: 'error', text: answer.error.message };
  const checked = t('history.refreshReport.checked', answer.checked, {
    count: formatCount(answer.checked),
  });
  const summary = `${checked} · ${changes(answer.changed)}`;
  if (answer.failed > 0) {
    const failed = t('history.refreshReport.failed', { count: formatCount(answer.failed) });
    const reason = answer.error ? ` ${answer.error.message}` : '';
    return { tone: 'error', text: `${summary} · ${failed}${reason}` };
  }
  if (answer.checked === 0) return { tone: 'success', text: t('history.refreshReport.none') };
  if (answer.notFound !== undefined && answer.notFound > 0) {
    const missing = t('history.refreshReport.notFound', answer.notFound, {
      count: formatCount(answer.notFound),
    });
    return { tone: 'success', text: `${summary} · ${missing}` };
  }
  return { tone: 'success', text: summary };
}
