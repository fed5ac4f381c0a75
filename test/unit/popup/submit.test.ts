import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { z } from 'zod/mini';
import { submitOrder } from '../../../entrypoints/popup/form/submit.ts';
import { lastCreateItem } from '../../../storage/last-create.ts';
import { order } from '../background/helpers.ts';

const CreateMessage = z.object({ type: z.literal('createCheckout'), requestId: z.string() });

const UNKNOWN = { kind: 'network', message: 'The result of the last attempt is unknown.' };

/**
 * A worker that takes the first create (its record says pending) and is stopped before it
 * answers; `then` is how the next worker answers the same request, and the ids it was
 * asked with are returned.
 */
function workerStoppedMidCreate(then: () => Promise<unknown>): string[] {
  const asked: string[] = [];
  browser.runtime.onMessage.addListener(async (message: unknown) => {
    const create = z.safeParse(CreateMessage, message);
    if (!create.success) return { ok: true };
    asked.push(create.data.requestId);
    if (asked.length > 1) return then();
    await lastCreateItem.setValue({
      state: 'pending',
      requestId: create.data.requestId,
      startedAt: 1_700_000_000_000,
    });
    throw new Error('The message port closed before a response was received.');
  });
  return asked;
}

beforeEach(() => {
  // The popup logs the lost answer; expected here.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('a create whose worker went silent', () => {
  it('is asked again under the same id, and the unknown outcome is shown', async () => {
    const asked = workerStoppedMidCreate(async () => ({ ok: false, error: UNKNOWN }));
    const outcome = await submitOrder(order());
    expect(asked).toHaveLength(2);
    expect(asked[1]).toBe(asked[0]);
    expect(outcome).toMatchObject({ kind: 'failed', error: { message: UNKNOWN.message } });
  });

  it('waits for the record when the worker cannot be reached again', async () => {
    const asked = workerStoppedMidCreate(() => Promise.reject(new Error('No worker')));
    const outcome = await submitOrder(order());
    expect(outcome).toEqual({
      kind: 'pending',
      requestId: asked[0],
      startedAt: 1_700_000_000_000,
    });
  });
});
