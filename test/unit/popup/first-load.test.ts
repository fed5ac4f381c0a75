import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { saveApiKey } from '../../../entrypoints/background/key-store.ts';
import { getState } from '../../../entrypoints/background/state.ts';
import { load } from '../../../entrypoints/popup/App.tsx';
import { askFirst, FIRST_STORED_KEYS } from '../../../entrypoints/popup/start/first-load.ts';
import { emptyDraft, type Draft } from '../../../lib/draft.ts';
import type { Request } from '../../../lib/messages.ts';
import { DEFAULT_SETTINGS } from '../../../lib/settings.ts';
import { draftItem, prefillItem } from '../../../storage/draft.ts';

const DRAFT: Draft = {
  ...emptyDraft(DEFAULT_SETTINGS, 'INV-7'),
  items: [{ name: 'Logo design', description: '', unitPrice: '120.5', quantity: '1' }],
};

/** A worker that answers getState from the fake storage, and a log of what it was asked. */
function fakeWorker(answer: (request: Request) => unknown = () => undefined) {
  const asked: string[] = [];
  // The fake browser answers with what the listener returns (the real worker uses sendResponse).
  const listener = (message: unknown): Promise<unknown> => {
    const request = message as Request;
    asked.push(request.type);
    return request.type === 'getState' ? getState() : Promise.resolve(answer(request));
  };
  browser.runtime.onMessage.addListener(listener);
  return { asked, stop: () => browser.runtime.onMessage.removeListener(listener) };
}

describe("the popup's first load", () => {
  let worker: ReturnType<typeof fakeWorker>;
  beforeEach(async () => {
    fakeBrowser.reset();
    await saveApiKey('pk_test_first_load_key_0001');
    // Opening the popup also asks for a refresh of stale statuses: nothing to check here.
    worker = fakeWorker(() => ({ ok: true, checked: 0, changed: 0, failed: 0 }));
  });
  afterEach(() => {
    worker.stop();
    vi.restoreAllMocks();
  });

  it('reads the very items storage/draft.ts keeps the draft and the prefill in', () => {
    expect(FIRST_STORED_KEYS.map((name) => `local:${name}`)).toEqual([
      draftItem.key,
      prefillItem.key,
    ]);
  });

  it("shows the stored draft from the entry script's answers, asking for the state once", async () => {
    await draftItem.setValue(DRAFT);
    const loaded = await load(askFirst());
    expect(loaded.state?.key).toMatchObject({ set: true, last4: '0001' });
    expect(loaded.view).toEqual({ kind: 'form', draft: DRAFT, error: null });
    expect(worker.asked.filter((type) => type === 'getState')).toHaveLength(1);
  });

  it('drops a stored draft that is not a draft, as a later read would', async () => {
    await browser.storage.local.set({ draft: { items: 'not a list' } });
    const loaded = await load(askFirst());
    expect(loaded.view.kind).toBe('form');
    if (loaded.view.kind === 'form') expect(loaded.view.draft.items[0]?.name).toBe('');
  });

  it('shows "unreachable" when the answer to getState is not a state', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const loaded = await load({
      state: Promise.resolve({ settings: 'nonsense' }),
      stored: Promise.resolve({}),
    });
    expect(loaded).toEqual({ state: null, view: { kind: 'unreachable' } });
    expect(String(logged.mock.calls[0]?.[0])).toContain('does not match the protocol');
  });

  it('shows "unreachable" when the worker could not be reached', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const loaded = await load({
      state: Promise.reject(new Error('Could not establish connection')),
      stored: Promise.resolve({}),
    });
    expect(loaded).toEqual({ state: null, view: { kind: 'unreachable' } });
    expect(String(logged.mock.calls[0]?.[0])).toContain('could not be reached');
  });
});
