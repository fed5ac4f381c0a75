import { isSettled, type SessionRecord, type SessionStatus } from './history.ts';

/*
 * The rules for a session's status, pure so the worker and the popup agree. Payfect sends no
 * callback for expiry and cannot be reached from every network, so the clock has a say too.
 */

type Dated = Pick<SessionRecord, 'status' | 'expiresAt'>;

/**
 * The status to show and act on: an open session whose `expiresAt` has passed is expired,
 * whether or not Payfect has been asked since — the link no longer takes money. A status
 * Payfect added after our docs ("processing") counts as open here: see isSettled.
 */
export function effectiveStatus(record: Dated, now: number): SessionStatus {
  return !isSettled(record.status) && record.expiresAt <= now ? 'expired' : record.status;
}

/**
 * Whether the session may still be paid: stored as open (or as a status we do not know) and
 * not past its expiry.
 */
export function isLive(record: Dated, now: number): boolean {
  return !isSettled(effectiveStatus(record, now));
}

/**
 * The status after Payfect (or the clock) said `fetched`:
 * - complete is final: money was received, nothing undoes that;
 * - expired never turns open again (a late or cached answer, a skewed clock);
 * - expired may still turn complete: a payment made in the last seconds can be confirmed
 *   after the clock (ours, or Payfect's) declared the session over;
 * - an open answer past expiresAt counts as expired, as effectiveStatus shows it;
 * - otherwise the latest answer is kept as received, an unknown one ("processing") too.
 */
function nextStatus(current: SessionStatus, fetched: SessionStatus): SessionStatus {
  if (current === 'complete' || fetched === 'complete') return 'complete';
  if (current === 'expired' || fetched === 'expired') return 'expired';
  return fetched;
}

/**
 * The record after a status check at `now`: lastChecked is now; statusChangedAt moves only
 * when the status really changes.
 */
export function mergeStatus(
  record: SessionRecord,
  fetched: { readonly status: SessionStatus },
  now: number,
): SessionRecord {
  const merged = nextStatus(record.status, fetched.status);
  const status = effectiveStatus({ status: merged, expiresAt: record.expiresAt }, now);
  const changed = status !== record.status;
  return {
    ...record,
    status,
    lastChecked: now,
    statusChangedAt: changed ? now : record.statusChangedAt,
  };
}

/**
 * An open (or unknown-status) session past its expiry, stored as expired without asking anyone. It changed when
 * it expired, so that is its statusChangedAt; lastChecked stays, as nobody was asked.
 */
export function expireByClock(record: SessionRecord, now: number): SessionRecord {
  if (effectiveStatus(record, now) !== 'expired' || isSettled(record.status)) return record;
  return { ...record, status: 'expired', statusChangedAt: record.expiresAt };
}
