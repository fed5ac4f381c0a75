import { afterEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '../../../lib/settings.ts';
import { ask, BackgroundError } from '../../../utils/ask.ts';

/**
 * A background that answers every message with `reply`. WXT's fake browser awaits the
 * promise a listener returns (it passes no sendResponse).
 */
function answerWith(reply: unknown): void {
  browser.runtime.onMessage.addListener(() => Promise.resolve(reply));
}

afterEach(() => {
  fakeBrowser.reset();
});

describe('ask', () => {
  it('returns the background’s answer when it matches the protocol', async () => {
    const state = {
      settings: DEFAULT_SETTINGS,
      key: { set: false, mode: 'unknown' },
      lastCreate: null,
      profiles: [{ id: 'default', name: 'Default', key: { set: false, mode: 'unknown' } }],
      activeProfileId: 'default',
      formChoice: null,
    };
    answerWith(state);
    await expect(ask({ type: 'getState' })).resolves.toEqual(state);
  });

  it('throws a BackgroundError naming the request when the answer breaks the protocol', async () => {
    answerWith({ ok: 'yes' });
    await expect(ask({ type: 'dismissLastCreate', requestId: 'r1' })).rejects.toThrow(
      /dismissLastCreate.*does not match the protocol/,
    );
  });

  it('throws a BackgroundError when nobody answers', async () => {
    answerWith(undefined);
    await expect(ask({ type: 'getState' })).rejects.toBeInstanceOf(BackgroundError);
  });

  it('throws a BackgroundError when the background cannot be reached', async () => {
    await expect(ask({ type: 'getState' })).rejects.toThrow(/could not be reached/);
  });
});
