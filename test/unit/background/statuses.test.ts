import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod/mini';
import {
  createMessageHandler,
  type MessageHandler,
} from '../../../entrypoints/background/router.ts';
import type { SessionRecord } from '../../../lib/history.ts';
import { readHistory } from '../../../storage/history.ts';
import { ResponseSchemas } from '../../../lib/messages.ts';
import { DEFAULT_SETTINGS } from '../../../lib/settings.ts';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';
import { ask, configure, createSession } from './helpers.ts';

let sandbox: Sandbox;
let handle: MessageHandler;
/** The worker's clock; undefined follows the real one. */
let clock: number | undefined;
let sleeps: number[];
let inFlight: number;
let maxInFlight: number;

/* fetch as the worker sees it, counting requests that are waiting for an answer. */
async function countingFetch(url: string, init: RequestInit): Promise<Response> {
  inFlight += 1;
  maxInFlight = Math.max(maxInFlight, inFlight);
  try {
    return await fetch(url, init);
  } finally {
    inFlight -= 1;
  }
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, quiet: true });
});
afterAll(() => sandbox.close());

beforeEach(async () => {
  fakeBrowser.reset();
  sandbox.reset();
  clock = undefined;
  sleeps = [];
  inFlight = 0;
  maxInFlight = 0;
  handle = createMessageHandler({
    fetch: countingFetch,
    now: () => clock ?? Date.now(),
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
  await configure(handle, sandbox.apiBaseUrl, sandbox.keys[0] ?? '');
});

async function createLinks(count: number): Promise<SessionRecord[]> {
  const sessions: SessionRecord[] = [];
  for (let i = 0; i < count; i += 1) {
    sessions.push(await createSession(handle, `r${i}`));
  }
  return sessions;
}

async function refresh(staleOnly = false) {
  return z.parse(
    ResponseSchemas.refreshStatuses,
    await ask(handle, { type: 'refreshStatuses', staleOnly }),
  );
}

function statusQueries(): number {
  return sandbox.requests.filter((request) => request.method === 'GET').length;
}

async function statuses(): Promise<Record<string, string>> {
  return Object.fromEntries((await readHistory()).map((record) => [record.id, record.status]));
}

function pay(id: string) {
  if (!sandbox.pay(id).ok) throw new Error(`could not pay ${id}`);
}

describe('refreshStatuses against the sandbox', () => {
  it('keeps polling when Payfect answers a status it does not document, shown as received', async () => {
    const [odd, other] = await createLinks(2);
    if (!odd || !other) throw new Error('two links expected');
    sandbox.faults.add({ match: 'get', status: 'processing' });
    pay(other.id);

    expect(await refresh()).toEqual({ ok: true, checked: 2, changed: 2, failed: 0 });
    expect(await statuses()).toEqual({ [odd.id]: 'processing', [other.id]: 'complete' });
    // Still watched like an open link: asked again, and badged.
    expect(await browser.action.getBadgeText({})).toBe('1');
    pay(odd.id);
    expect(await refresh()).toEqual({ ok: true, checked: 1, changed: 1, failed: 0 });
    expect(await statuses()).toEqual({ [odd.id]: 'complete', [other.id]: 'complete' });
  });

  it('stores paid, expired and open, notifies the payment once and badges the open count', async () => {
    const [paid, expired, open] = await createLinks(3);
    if (!paid || !expired || !open) throw new Error('three links expected');
    pay(paid.id);
    sandbox.expire(expired.id);
    const notify = vi.spyOn(browser.notifications, 'create');

    expect(await refresh()).toEqual({ ok: true, checked: 3, changed: 2, failed: 0 });
    expect(await statuses()).toEqual({
      [paid.id]: 'complete',
      [expired.id]: 'expired',
      [open.id]: 'open',
    });
    expect(await browser.notifications.getAll()).toEqual({
      [paid.id]: {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title: 'Payment received',
        message: 'INV-0001 paid — 41.00 USDT',
      },
    });
    expect(await browser.action.getBadgeText({})).toBe('1');

    expect(await refresh()).toEqual({ ok: true, checked: 1, changed: 0, failed: 0 });
    expect(notify).toHaveBeenCalledOnce();
  });

  it('tells of more than two links paid in one pass in one notification that names them', async () => {
    const links = await createLinks(4);
    for (const link of links) pay(link.id);
    expect(await refresh()).toEqual({ ok: true, checked: 4, changed: 4, failed: 0 });
    const shown = Object.values(await browser.notifications.getAll());
    expect(shown).toEqual([
      expect.objectContaining({
        title: 'Payment received',
        message: '4 invoices paid — INV-0001, INV-0002, …',
      }),
    ]);
  });

  it('asks a session past expiresAt once more, then stores it expired and asks no more', async () => {
    const [session] = await createLinks(1);
    if (!session) throw new Error('a link expected');
    clock = session.expiresAt + 1;
    const before = statusQueries();
    expect(await refresh()).toEqual({ ok: true, checked: 1, changed: 1, failed: 0 });
    expect(statusQueries()).toBe(before + 1);
    expect(await statuses()).toEqual({ [session.id]: 'expired' });
    expect(await browser.action.getBadgeText({})).toBe('');
    expect(await refresh()).toEqual({ ok: true, checked: 0, changed: 0, failed: 0 });
    expect(statusQueries()).toBe(before + 1);
  });

  it('sees a payment made just before expiry in the first poll after it', async () => {
    const [session] = await createLinks(1);
    if (!session) throw new Error('a link expected');
    sandbox.pay(session.id);
    clock = session.expiresAt + 30_000;
    expect(await refresh()).toEqual({ ok: true, checked: 1, changed: 1, failed: 0 });
    expect(await statuses()).toEqual({ [session.id]: 'complete' });
    expect(Object.keys(await browser.notifications.getAll())).toEqual([session.id]);
  });

  it('asks only sessions not checked for a minute when staleOnly', async () => {
    const [session] = await createLinks(2);
    if (!session) throw new Error('links expected');
    clock = session.lastChecked + 30_000;
    expect(await refresh(true)).toMatchObject({ ok: true, checked: 0 });
    clock = session.lastChecked + 61_000;
    expect(await refresh(true)).toMatchObject({ ok: true, checked: 2 });
    expect(await refresh(true)).toMatchObject({ ok: true, checked: 0 });
    expect(await refresh(false)).toMatchObject({ ok: true, checked: 2 });
  });

  it.each([404, 405])(
    'keeps a session open when status queries answer %i, and records the check',
    async (status) => {
      const [session] = await createLinks(1);
      if (!session) throw new Error('a link expected');
      sandbox.faults.add({ match: 'get', respond: { status, body: '{"detail":"Not found."}' } });
      clock = session.lastChecked + 90_000;
      expect(await refresh()).toEqual({
        ok: true,
        checked: 1,
        changed: 0,
        failed: 0,
        notFound: 1,
      });
      expect(await readHistory()).toMatchObject([{ status: 'open', lastChecked: clock }]);
    },
  );

  it('waits as long as Retry-After says, then asks again', async () => {
    const [session] = await createLinks(1);
    if (!session) throw new Error('a link expected');
    pay(session.id);
    sandbox.faults.add({ match: 'get', rateLimit: { retryAfterSeconds: 1 } });
    expect(await refresh()).toEqual({ ok: true, checked: 1, changed: 1, failed: 0 });
    expect(sleeps).toEqual([1000]);
    expect(statusQueries()).toBe(2);
  });

  it.each([
    ['a long Retry-After is capped at 20 s', { rateLimit: { retryAfterSeconds: 600 } }, 20_000],
    ['no Retry-After waits 5 s', { respond: { status: 429, body: '{}' } }, 5_000],
  ])('%s', async (_name, fault, waited) => {
    await createLinks(1);
    sandbox.faults.add({ match: 'get', ...fault });
    expect(await refresh()).toMatchObject({ ok: true, failed: 0 });
    expect(sleeps).toEqual([waited]);
  });

  it('gives up after two retries and reports the rate limit', async () => {
    const [session] = await createLinks(1);
    if (!session) throw new Error('a link expected');
    sandbox.faults.add({ match: 'get', rateLimit: { retryAfterSeconds: 2 }, times: 3 });
    const answer = await refresh();
    expect(answer).toMatchObject({ ok: true, checked: 1, changed: 0, failed: 1 });
    expect(answer.ok && answer.error?.kind).toBe('rate_limited');
    expect(sleeps).toEqual([2000, 2000]);
    expect(statusQueries()).toBe(3);
    expect(await readHistory()).toMatchObject([{ lastChecked: session.lastChecked }]);
  });

  it('asks at most 4 sessions at once', async () => {
    await createLinks(10);
    sandbox.faults.add({ match: 'get', latencyMs: 80, times: Infinity });
    maxInFlight = 0;
    expect(await refresh()).toMatchObject({ ok: true, checked: 10, failed: 0 });
    expect(maxInFlight).toBe(4);
  });

  it('counts other failures, keeps the first error and stores the rest', async () => {
    const [first, second] = await createLinks(2);
    if (!first || !second) throw new Error('links expected');
    pay(first.id);
    pay(second.id);
    sandbox.faults.add({ match: 'get', respond: { status: 503, body: '{}' } });
    const answer = await refresh();
    expect(answer).toMatchObject({ ok: true, checked: 2, changed: 1, failed: 1 });
    expect(answer.ok && answer.error?.kind).toBe('server');
  });

  it('shares one run between calls made while it runs', async () => {
    await createLinks(2);
    sandbox.faults.add({ match: 'get', latencyMs: 50, times: Infinity });
    const before = statusQueries();
    const [a, b] = await Promise.all([refresh(), refresh(true)]);
    expect(b).toEqual(a);
    expect(statusQueries() - before).toBe(2);
  });

  it('answers no_key and asks nothing without a key', async () => {
    await createLinks(1);
    await ask(handle, { type: 'clearKey' });
    const before = statusQueries();
    expect(await refresh()).toMatchObject({ ok: false, error: { kind: 'no_key' } });
    expect(statusQueries()).toBe(before);
  });

  it('does not send the key to the base URL of sessions made on another API', async () => {
    await createLinks(1);
    const other = 'http://127.0.0.1:9/api/v1';
    await ask(handle, { type: 'saveSettings', settings: { ...DEFAULT_SETTINGS, baseUrl: other } });
    const before = statusQueries();
    expect(await refresh()).toEqual({ ok: true, checked: 0, changed: 0, failed: 0 });
    expect(statusQueries()).toBe(before);
  });
});
