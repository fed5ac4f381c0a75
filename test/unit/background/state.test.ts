import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { saveApiKey } from '../../../entrypoints/background/key-store.ts';
import { forgetState, getState } from '../../../entrypoints/background/state.ts';
import { DEFAULT_SETTINGS } from '../../../lib/settings.ts';
import { settingsItem } from '../../../storage/settings.ts';
import { lastCreateItem } from '../../../storage/last-create.ts';

/** Counts the worker's storage reads, local and session. */
function countReads() {
  const local = vi.spyOn(browser.storage.local, 'get');
  const session = vi.spyOn(browser.storage.session, 'get');
  return () => local.mock.calls.length + session.mock.calls.length;
}

/** Lets the fake browser deliver its storage.onChanged events. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the state the pages ask for', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    forgetState();
  });
  afterEach(() => {
    browser.storage.onChanged.removeListener(forgetState);
    vi.restoreAllMocks();
  });

  it('is read from storage once, then answered from memory while nothing changes', async () => {
    const first = await getState();
    const reads = countReads();
    const second = await getState();
    expect(reads()).toBe(0);
    expect(second).toEqual(first);
  });

  it("follows the worker's own write at once, before storage.onChanged is delivered", async () => {
    await getState();
    // Chrome delivers onChanged after the write resolved, the fake browser at once: these
    // tests leave the listener out, so only the worker's own count of its writes can tell.
    await saveApiKey('pk_test_written_by_the_worker_01');
    expect((await getState()).key).toMatchObject({ set: true, last4: 'r_01' });
  });

  it('follows a change made elsewhere, announced by storage.onChanged', async () => {
    // As the worker's entry point does.
    browser.storage.onChanged.addListener(forgetState);
    expect((await getState()).lastCreate).toBeNull();
    // Another context writes (here the fake browser's storage directly, as a page would).
    await browser.storage.local.set({
      lastCreate: { state: 'pending', requestId: 'req-1', startedAt: 1 },
    });
    await settle();
    expect((await getState()).lastCreate).toEqual({
      state: 'pending',
      requestId: 'req-1',
      startedAt: 1,
    });
  });

  it('does not keep a read that a write overtook', async () => {
    const reading = getState();
    // Written while the read above is under way: the read may have seen the old value.
    await lastCreateItem.setValue({ state: 'pending', requestId: 'req-2', startedAt: 2 });
    await reading;
    const reads = countReads();
    expect((await getState()).lastCreate).toMatchObject({ requestId: 'req-2' });
    expect(reads()).toBeGreaterThan(0);
  });

  it('reads anew after a settings write', async () => {
    expect((await getState()).settings.currency).toBe(DEFAULT_SETTINGS.currency);
    const stored = await settingsItem.getValue();
    const [profile] = stored.profiles;
    if (!profile) throw new Error('No default profile');
    const other = DEFAULT_SETTINGS.currency === 'usdt' ? 'usdc' : 'usdt';
    await settingsItem.setValue({
      ...stored,
      profiles: [{ ...profile, currency: other }],
    });
    expect((await getState()).settings.currency).toBe(other);
  });
});
