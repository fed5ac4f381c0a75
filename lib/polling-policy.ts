/*
 * When open sessions are asked about, in one place. Payfect sends the extension no callback,
 * so the worker polls on an alarm (entrypoints/background/polling.ts) and asks the sessions
 * this policy says are due (entrypoints/background/statuses.ts). No runtime imports: the e2e
 * tests load it in Node to fire the alarm by its name.
 */

/** The alarm that wakes the worker to poll. */
export const POLL_ALARM = 'poll-statuses';

/** How often the alarm fires while a session can be paid: a payment shows within a minute. */
export const POLL_PERIOD_MINUTES = 1;

/**
 * Not checked for this long: what a staleOnly refresh (opening the popup) asks again. One
 * period, so a popup opened between two polls adds no request the next poll would make anyway.
 */
export const STALE_AFTER_MS = POLL_PERIOD_MINUTES * 60_000;

export interface PollCandidate {
  /** When Payfect was last asked about it (unix ms). */
  readonly lastChecked: number;
  readonly expiresAt: number;
  /** Whether it can still be paid now (lib/status.ts isLive). */
  readonly live: boolean;
}

/**
 * Whether a refresh at `at` asks Payfect about a session. Asked while it can be paid, and
 * once more after its expiry if it was not asked since: a payment made in its last minute,
 * before the poll after it, is still seen. A staleOnly refresh skips one asked recently.
 */
export function isDueForPoll(session: PollCandidate, at: number, staleOnly: boolean): boolean {
  if (!session.live && session.lastChecked >= session.expiresAt) return false;
  return !staleOnly || at - session.lastChecked >= STALE_AFTER_MS;
}
