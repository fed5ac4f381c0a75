import { browser } from 'wxt/browser';

/*
 * Payfect sends the extension no callback, so open sessions are polled. An alarm, not a
 * timer: MV3 stops an idle worker, and an alarm wakes it again. The alarm exists only while
 * a session can still be paid, so a history of old links costs nothing.
 */
export const POLL_ALARM = 'poll-statuses';

/** Creates or clears the alarm. One that exists is left alone: creating it anew restarts it. */
export async function schedulePolling(needed: boolean): Promise<void> {
  const existing = await browser.alarms.get(POLL_ALARM);
  if (needed && existing === undefined) {
    await browser.alarms.create(POLL_ALARM, { periodInMinutes: 1 });
  } else if (!needed && existing !== undefined) {
    await browser.alarms.clear(POLL_ALARM);
  }
}
