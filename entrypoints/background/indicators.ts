import { isLive } from '../../lib/status.ts';
import { showOpenCount } from './badge.ts';
import { openSessions } from './history-store.ts';
import { schedulePolling } from './polling.ts';

/**
 * The badge and the polling alarm, from the sessions that can still be paid. Called after
 * every create, refresh and prune, and at worker start; reads only the chunks from openFrom.
 */
export async function syncIndicators(now: number = Date.now()): Promise<void> {
  const open = (await openSessions()).filter(({ record }) => isLive(record, now)).length;
  await Promise.all([showOpenCount(open), schedulePolling(open > 0)]);
}
