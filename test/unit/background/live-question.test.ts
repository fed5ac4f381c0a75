import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import {
  createMessageHandler,
  type MessageHandler,
} from '../../../entrypoints/background/router.ts';
import { ResponseSchemas, type Request } from '../../../lib/messages.ts';
import { DEFAULT_SETTINGS, LIVE_API_BASE_URL } from '../../../lib/settings.ts';
import { readHistory } from '../../../storage/history.ts';
import { readLastCreate } from '../../../storage/last-create.ts';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';
import { ask, configure, order } from './helpers.ts';

/*
 * The worker, not the popup, decides whether a create would make the profile's first live
 * link (lib/live-question.ts): without the user's answer in that very action it refuses, and
 * nothing reaches Payfect. Every path that creates goes through it: the form (and with it the
 * context menu's prefilled form and a second popup), New payment link and Copy reminder
 * (both renewCheckout).
 */

const LIVE = 'sandbox-live-key-0000-0000-0000000000aa';
const REFUSED = {
  ok: false,
  error: {
    kind: 'live_unconfirmed',
    message: 'This profile’s key is a live key: your client pays real USDT.',
  },
};

let sandbox: Sandbox;
let handle: MessageHandler;
let clock: number | undefined;
/** Every request the worker made to Payfect, through its fetch. */
let fetched: string[];
/** The next request fails as a dropped connection would. */
let dropNext: boolean;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, quiet: true, liveKeys: [LIVE] });
});
afterAll(() => sandbox.close());

beforeEach(async () => {
  fakeBrowser.reset();
  sandbox.reset();
  clock = undefined;
  fetched = [];
  dropNext = false;
  handle = createMessageHandler({
    now: () => clock ?? Date.now(),
    fetch: (input, init) => {
      fetched.push(String(input));
      if (dropNext) {
        dropNext = false;
        return Promise.reject(new TypeError('Failed to fetch'));
      }
      return fetch(input, init);
    },
  });
  await configure(handle, sandbox.apiBaseUrl, LIVE);
  // As Test connection leaves a live key: known to be live, no link made with it yet.
  await browser.storage.local.set({ keyMode: 'live' });
});

async function create(requestId: string, extra: Partial<Request> = {}) {
  return z.parse(
    ResponseSchemas.createCheckout,
    await ask(handle, { type: 'createCheckout', requestId, order: order(), ...extra } as Request),
  );
}

async function renew(requestId: string, sessionId: string, liveConfirmed?: true) {
  return z.parse(
    ResponseSchemas.renewCheckout,
    await ask(handle, {
      type: 'renewCheckout',
      requestId,
      sessionId,
      ...(liveConfirmed ? { liveConfirmed } : {}),
    }),
  );
}

describe('createCheckout and the first live link', () => {
  it('refuses a create without the answer and sends nothing', async () => {
    expect(await create('r1')).toEqual(REFUSED);
    expect(fetched).toEqual([]);
    expect(sandbox.sessions.size).toBe(0);
    expect(await readLastCreate()).toBeNull();
    expect(await readHistory()).toEqual([]);
  });

  it('refuses it from the options page as from the popup: any page must have asked', async () => {
    const options = {
      id: browser.runtime.id,
      url: browser.runtime.getURL('/options.html'),
      frameId: 0,
    };
    const answer = await handle(
      { type: 'createCheckout', requestId: 'crafted', order: order() },
      options,
    );
    expect(answer).toEqual(REFUSED);
    expect(fetched).toEqual([]);
  });

  it('makes the link with the answer, and then no create asks', async () => {
    const answer = await create('r1', { liveConfirmed: true });
    if (!answer.ok) throw new Error(answer.error.message);
    expect(answer.session.isLivemode).toBe(true);
    // Recorded before the answer: the next create, at once, is not refused.
    const next = await create('r2');
    expect(next.ok).toBe(true);
    expect(sandbox.sessions.size).toBe(2);
  });

  it('takes the same request id again once answered: nothing was sent under it', async () => {
    expect(await create('r1')).toEqual(REFUSED);
    expect((await create('r1', { liveConfirmed: true })).ok).toBe(true);
    expect(sandbox.sessions.size).toBe(1);
  });

  it('keeps no answer: a confirmed create that failed leaves the next one to be asked', async () => {
    dropNext = true;
    const failed = await create('r1', { liveConfirmed: true });
    expect(failed.ok).toBe(false);
    expect(fetched).toHaveLength(1);
    // Another popup, or this one again without asking: refused, nothing sent.
    expect(await create('r2')).toEqual(REFUSED);
    expect(fetched).toHaveLength(1);
  });

  it('does not ask about a key not used yet that goes to this computer’s sandbox', async () => {
    await browser.storage.local.set({ keyMode: 'unknown' });
    // The sandbox is on this computer: a key not used yet is not asked about there.
    expect((await create('r1')).ok).toBe(true);
  });

  it('refuses a key not used yet that goes to the live API, and sends nothing there', async () => {
    await ask(handle, {
      type: 'saveSettings',
      settings: { ...DEFAULT_SETTINGS, baseUrl: LIVE_API_BASE_URL },
    });
    await browser.storage.local.set({ keyMode: 'unknown' });
    expect(await create('r1')).toEqual({
      ok: false,
      error: {
        kind: 'live_unconfirmed',
        message: 'This key has not been used yet: if it is a live key, your client pays real USDT.',
      },
    });
    expect(fetched).toEqual([]);
  });

  it('does not ask with a test key, nor once a live link was made', async () => {
    await browser.storage.local.set({ keyMode: 'test' });
    expect((await create('r1')).ok).toBe(true);
    await browser.storage.local.set({ keyMode: 'live', liveLinkMade: true });
    expect((await create('r2')).ok).toBe(true);
    expect(sandbox.sessions.size).toBe(2);
  });
});

describe('renewCheckout (New payment link, and Copy reminder’s new link)', () => {
  /** A link made with a test key, expired, and a live key saved since, known to be live. */
  async function expiredTestLink() {
    await ask(handle, { type: 'saveKey', apiKey: sandbox.keys[0] ?? '' });
    const made = await create('first');
    if (!made.ok) throw new Error(made.error.message);
    expect(made.session.isLivemode).toBe(false);
    await ask(handle, { type: 'saveKey', apiKey: LIVE });
    await browser.storage.local.set({ keyMode: 'live' });
    clock = made.session.expiresAt + 1;
    fetched = [];
    return made.session;
  }

  it('refuses a new link without the answer, sends nothing and leaves the invoice as it was', async () => {
    const old = await expiredTestLink();
    expect(await renew('renew-1', old.id)).toEqual(REFUSED);
    expect(fetched).toEqual([]);
    const history = await readHistory();
    expect(history).toHaveLength(1);
    expect(history[0]?.renewedBy).toBeUndefined();
  });

  it('makes the new link with the answer, for the same invoice', async () => {
    const old = await expiredTestLink();
    const answer = await renew('renew-1', old.id, true);
    if (!answer.ok) throw new Error(answer.error.message);
    expect(answer.session).toMatchObject({ invoiceNumber: old.invoiceNumber, isLivemode: true });
    expect(fetched).toHaveLength(1);
  });

  it('does not ask with a test key', async () => {
    const old = await expiredTestLink();
    await browser.storage.local.set({ keyMode: 'test' });
    expect((await renew('renew-1', old.id)).ok).toBe(true);
  });
});
