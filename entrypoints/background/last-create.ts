import type { LastCreate } from '../../lib/messages.ts';
import { lastCreateItem, readLastCreate } from '../../lib/storage.ts';
import { createSerialQueue } from './serial.ts';

/*
 * The create the popup asked for last, in storage so a popup that closed (or a worker that
 * was stopped) mid-request can find out what happened. Changed through one queue, and only
 * by the request it belongs to: a slow older create must not overwrite a newer one.
 */
const enqueue = createSerialQueue();

export function markPending(requestId: string, startedAt: number): Promise<void> {
  return enqueue(() => lastCreateItem.setValue({ state: 'pending', requestId, startedAt }));
}

/** Records the outcome, unless a newer create has taken the slot meanwhile. */
export function markSettled(outcome: Exclude<LastCreate, { state: 'pending' }>): Promise<void> {
  return enqueue(async () => {
    const current = await readLastCreate();
    if (current !== null && current.requestId !== outcome.requestId) return;
    await lastCreateItem.setValue(outcome);
  });
}

/** The popup has shown the outcome; a create still on its way stays. */
export function dismissLastCreate(requestId: string): Promise<void> {
  return enqueue(async () => {
    const current = await readLastCreate();
    if (current === null || current.requestId !== requestId || current.state === 'pending') return;
    await lastCreateItem.setValue(null);
  });
}
