import { t } from '../../lib/i18n.ts';
import type { LastCreate, UiError } from '../../lib/messages.ts';
import { lastCreateItem, readLastCreate } from '../../storage/last-create.ts';
import { createSerialQueue } from './serial.ts';

/*
 * The create the popup asked for last, in storage so a popup that closed (or a worker that
 * was stopped) mid-request can find out what happened. Changed through one queue, and only
 * by the request it belongs to: a slow older create must not overwrite a newer one.
 */
const enqueue = createSerialQueue();

/**
 * The answer to a create whose worker was stopped before Payfect's answer arrived. Stored in
 * lastCreate in the browser's language of that moment.
 */
export function unknownOutcome(): UiError {
  return { kind: 'network', message: t('background.unknownOutcome') };
}

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

/**
 * The popup has shown the outcome: a failure is forgotten, a made link is marked seen (the
 * next popup opens on a new form and offers it as "Last link"); a create still on its way
 * stays.
 */
export function dismissLastCreate(requestId: string): Promise<void> {
  return enqueue(async () => {
    const current = await readLastCreate();
    if (current === null || current.requestId !== requestId || current.state === 'pending') return;
    if (current.state === 'failed') await lastCreateItem.setValue(null);
    else if (current.seen !== true) await lastCreateItem.setValue({ ...current, seen: true });
  });
}

/**
 * Queued first at worker start. A create still `pending` then belonged to a worker that was
 * stopped mid-request (this one has sent nothing yet): its answer is lost, and a popup
 * waiting on it would wait for ever. It is settled as unknown, never sent again.
 */
export function settleOrphanedCreate(): Promise<void> {
  return enqueue(async () => {
    const current = await readLastCreate();
    if (current?.state !== 'pending') return;
    await lastCreateItem.setValue({
      state: 'failed',
      requestId: current.requestId,
      error: unknownOutcome(),
    });
  });
}
