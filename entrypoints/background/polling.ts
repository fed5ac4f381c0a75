import { browser } from 'wxt/browser';
import { POLL_ALARM, POLL_PERIOD_MINUTES } from '../../lib/polling-policy.ts';

/*
 * Payfect sends the extension no callback, so open sessions are polled. An alarm, not a
 * timer: MV3 stops an idle worker, and an alarm wakes it again. The alarm exists only while
 * a session can still be paid, so a history of old links costs nothing. Its name and period:
 * lib/polling-policy.ts.
 */
/**
 * Creates or clears the alarm. One with the policy's period is left alone: creating it anew
 * restarts its period, and a sync on every change would then keep postponing the poll. One
 * with another period (set by an older version) is replaced, or a changed period would never
 * reach users who keep links open.
 */
export async function schedulePolling(needed: boolean): Promise<void> {
  const existing = await browser.alarms.get(POLL_ALARM);
  if (needed && existing?.periodInMinutes !== POLL_PERIOD_MINUTES) {
    await browser.alarms.create(POLL_ALARM, { periodInMinutes: POLL_PERIOD_MINUTES });
  } else if (!needed && existing !== undefined) {
    await browser.alarms.clear(POLL_ALARM);
  }
}
