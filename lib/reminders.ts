import { formatAmount } from './format.ts';
import { itemsSummary, type SessionRecord } from './history.ts';
import { t } from './i18n.ts';
import { isReplaced, type Ledger } from './ledger.ts';
import { isLive } from './status.ts';

/*
 * The "expires soon" reminder: one notification per open session, `reminderMinutes` before
 * its expiry (Settings; 0 turns it off), so an unpaid link can be renewed in time.
 */

const MINUTE = 60_000;

/** What the History's Renew button uses when reminders are off. */
export const DEFAULT_RENEW_WINDOW_MINUTES = 60;

/**
 * Whether to raise the reminder for this session now: open, near expiry, not yet reminded,
 * and not carried on by a newer link of its invoice (lib/ledger.ts isReplaced: the newer
 * link counts as soon as it is stored, before `renewedBy` is written on this one).
 */
export function needsReminder(
  record: SessionRecord,
  ledger: Ledger,
  now: number,
  minutes: number,
): boolean {
  return (
    minutes > 0 &&
    isLive(record, now) &&
    record.expiresAt - now <= minutes * MINUTE &&
    record.remindedAt === undefined &&
    !isReplaced(record, ledger)
  );
}

/** "45 min", "1 h 5 min", "2 h": how long an open link still takes payments. */
export function durationText(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / MINUTE));
  if (minutes < 60) return t('background.durationMinutes', { minutes });
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0
    ? t('background.durationHours', { hours })
    : t('background.durationHoursMinutes', { hours, minutes: rest });
}

/** "Logo design — 20.50 USDT expires in 45 min". */
export function reminderMessage(record: SessionRecord, now: number): string {
  const what = itemsSummary(record.items) || record.reference;
  const amount = `${formatAmount(record.amountTotal)} ${record.currency.toUpperCase()}`;
  const duration = durationText(record.expiresAt - now);
  return t('background.expiringMessage', { what, amount, duration });
}

/**
 * Whether this link is due a new one: expired, or open with less than the reminder window
 * left. A paid link is never renewed. Whether a newer link already carries its invoice on is
 * the caller's to know (History: lib/ledger.ts isReplaced; the worker: `renewedBy`, which it
 * writes itself).
 */
export function canRenew(record: SessionRecord, now: number, minutes: number): boolean {
  if (record.status === 'complete') return false;
  if (!isLive(record, now)) return true;
  const window = minutes > 0 ? minutes : DEFAULT_RENEW_WINDOW_MINUTES;
  return record.expiresAt - now < window * MINUTE;
}
