import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { readHistory } from '../../../storage/history.ts';
import {
  createMessageHandler,
  type MessageHandler,
} from '../../../entrypoints/background/router.ts';
import type { ResponseFor } from '../../../lib/messages.ts';
import { readSettings } from '../../../storage/settings.ts';
import { lastCreateItem, readLastCreate } from '../../../storage/last-create.ts';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';
import { ask, configure, order } from './helpers.ts';

type CreateAnswer = ResponseFor<'createCheckout'>;

const NETWORKS = [
  { value: 'tron', name: 'Tron (TRC20)' },
  { value: 'polygon', name: 'Polygon (PoS)' },
];

let sandbox: Sandbox;
let handle: MessageHandler;
let key: string;

function creates(): number {
  return sandbox.requests.filter((request) => request.method === 'POST').length;
}

function create(requestId: string, overrides = {}): Promise<CreateAnswer> {
  return ask(handle, {
    type: 'createCheckout',
    requestId,
    order: order(overrides),
  }) as Promise<CreateAnswer>;
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, quiet: true, networks: NETWORKS });
  key = sandbox.keys[0] ?? '';
});
afterAll(() => sandbox.close());

beforeEach(async () => {
  fakeBrowser.reset();
  sandbox.reset();
  handle = createMessageHandler();
  await configure(handle, sandbox.apiBaseUrl, key);
});

describe('createCheckout', () => {
  it('answers no_key and sends nothing when no key is saved', async () => {
    await ask(handle, { type: 'clearKey' });
    expect(await create('r1')).toEqual({
      ok: false,
      error: { kind: 'no_key', message: 'Add your Payfect API key in Settings first.' },
    });
    expect(sandbox.requests).toHaveLength(0);
    expect(await readLastCreate()).toBeNull();
  });

  it('creates the session, records it as done, appends it to History and learns from it', async () => {
    const answer = await create('r1');
    if (!answer.ok) throw new Error(answer.error.message);
    const { session } = answer;
    expect(sandbox.sessions.has(session.id)).toBe(true);
    expect(session).toMatchObject({
      status: 'open',
      amountTotal: '41.00',
      currency: 'usdt',
      network: 'tron',
      networkName: 'Tron (TRC20)',
      reference: 'INV-42',
      isLivemode: false,
      baseUrl: sandbox.apiBaseUrl,
    });
    expect(session.expiresAt).toBeGreaterThan(session.createdAt);
    expect(await readLastCreate()).toEqual({ state: 'done', requestId: 'r1', session });
    expect(await readHistory()).toEqual([session]);
    // Learned just after the answer, so as not to delay the link.
    await vi.waitFor(async () => {
      expect((await readSettings()).networks).toEqual(NETWORKS);
      expect(await ask(handle, { type: 'getState' })).toMatchObject({
        key: { set: true, mode: 'test' },
      });
    });
  });

  it('keeps a link Payfect made with a status its docs do not list, and records it', async () => {
    sandbox.faults.add({ match: 'create', status: 'processing' });
    const answer = await create('r1');
    expect(answer).toMatchObject({ ok: true, session: { status: 'processing' } });
    const history = await readHistory();
    expect(history.map(({ id, status }) => ({ id, status }))).toEqual([
      { id: [...sandbox.sessions.keys()][0], status: 'processing' },
    ]);
  });

  it('sends the order as Payfect’s snake_case request with the key in the header', async () => {
    await create('r1', { successUrl: 'https://example.com/thanks' });
    const [request] = sandbox.requests;
    expect(request?.path).toBe('/api/v1/checkouts/');
    expect(request?.headers.authorization).toBe(`Api-Key ${key}`);
    expect(request?.json).toMatchObject({
      currency: 'usdt',
      client_reference_id: 'INV-42',
      success_url: 'https://example.com/thanks',
      payment_method_data: { paymentMethodDetail: { currency: 'usdt', network: 'tron' } },
    });
  });

  it('writes pending before the request and finishes even when nobody waits', async () => {
    sandbox.faults.add({ match: 'create', latencyMs: 300 });
    void create('r1');
    await vi.waitFor(() => expect(creates()).toBe(1));
    expect(await readLastCreate()).toMatchObject({ state: 'pending', requestId: 'r1' });
    await vi.waitFor(async () => expect(await readLastCreate()).toMatchObject({ state: 'done' }));
    expect(await readHistory()).toHaveLength(1);
  });

  it('sends one request when the same requestId arrives twice at once', async () => {
    sandbox.faults.add({ match: 'create', latencyMs: 100 });
    const [first, second] = await Promise.all([create('r1'), create('r1')]);
    expect(creates()).toBe(1);
    expect(second).toEqual(first);
    expect(await readHistory()).toHaveLength(1);
  });

  it('answers the same session without a request when a done requestId comes again', async () => {
    const first = await create('r1');
    const restarted = createMessageHandler();
    const again = await ask(restarted, {
      type: 'createCheckout',
      requestId: 'r1',
      order: order(),
    });
    expect(again).toEqual(first);
    expect(creates()).toBe(1);
  });

  it('does not resend a request left pending by a worker that was stopped', async () => {
    await lastCreateItem.setValue({ state: 'pending', requestId: 'r1', startedAt: Date.now() });
    const answer = await create('r1');
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.kind).toBe('network');
    expect(answer.error.message).toContain('unknown');
    expect(answer.error.message).toContain('History');
    expect(sandbox.requests).toHaveLength(0);
    expect(await readLastCreate()).toMatchObject({ state: 'failed', requestId: 'r1' });
  });

  it('creates again under a new requestId', async () => {
    await create('r1');
    await create('r2');
    expect(creates()).toBe(2);
    expect(await readHistory()).toHaveLength(2);
  });

  it('says the key was rejected when Payfect answers 401', async () => {
    await ask(handle, { type: 'saveKey', apiKey: 'wrong-key-0000-0000-0000' });
    const answer = await create('r1');
    expect(answer).toEqual({
      ok: false,
      error: { kind: 'auth', message: 'Payfect rejected the API key — check it in Settings.' },
    });
    expect(await readLastCreate()).toMatchObject({ state: 'failed', error: { kind: 'auth' } });
    expect(await readHistory()).toEqual([]);
  });

  it('refuses an answer in another currency than the order, storing and showing nothing', async () => {
    const first = await create('r1');
    if (!first.ok) throw new Error(first.error.message);
    const answer = await fetch(`${sandbox.apiBaseUrl}/checkouts/${first.session.id}/`, {
      headers: { Authorization: `Api-Key ${key}` },
    });
    // A new id, as a hostile server would answer, with a currency that prints as markup.
    const body = {
      ...((await answer.json()) as object),
      id: 'cs_hostile_1',
      currency: '<b>USDT</b><img src=x>',
    };
    sandbox.faults.add({ match: 'create', respond: { status: 201, body: JSON.stringify(body) } });
    expect(await create('r2', { reference: 'INV-43' })).toMatchObject({
      ok: false,
      error: {
        kind: 'malformed_response',
        message: expect.stringContaining('Payfect answered in another currency than the USDT'),
      },
    });
    expect(await readHistory()).toEqual([first.session]);
  });

  it('refuses a second create answered with the id of the first, keeping the first intact', async () => {
    const first = await create('r1');
    if (!first.ok) throw new Error(first.error.message);
    const { id } = first.session;
    // The same checkout again, as a buggy or hostile server might answer a new create.
    const again = await fetch(`${sandbox.apiBaseUrl}/checkouts/${id}/`, {
      headers: { Authorization: `Api-Key ${key}` },
    });
    sandbox.faults.add({ match: 'create', respond: { status: 201, body: await again.text() } });
    const second = await create('r2', { reference: 'INV-43' });
    expect(second).toMatchObject({
      ok: false,
      error: {
        kind: 'malformed_response',
        message: expect.stringContaining(
          `Payfect answered with the id of a link you already have (${id})`,
        ),
      },
    });
    expect(await readHistory()).toEqual([first.session]);
    expect(await readLastCreate()).toMatchObject({ state: 'failed', requestId: 'r2' });
  });

  it('puts Payfect’s field errors beside the form field', async () => {
    const body = { invoice_items: [{ price_data: { unit_amount: ['Ensure 6 decimals.'] } }] };
    sandbox.faults.add({ match: 'create', respond: { status: 400, body: JSON.stringify(body) } });
    const answer = await create('r1');
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.kind).toBe('validation');
    expect(answer.error.fields).toEqual({ 'items.0.unitPrice': 'Ensure 6 decimals.' });
  });

  it('refuses a plain-http success URL on a remote host without sending anything', async () => {
    const answer = await create('r1', { successUrl: 'http://example.com/thanks' });
    expect(answer).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(answer.ok ? {} : answer.error.fields).toHaveProperty('successUrl');
    expect(sandbox.requests).toHaveLength(0);
  });

  it('reports a server failure without recording a session', async () => {
    sandbox.faults.add({ match: 'create', respond: { status: 503, body: '{}' } });
    const answer = await create('r1');
    expect(answer).toMatchObject({ ok: false, error: { kind: 'server' } });
    expect(await readHistory()).toEqual([]);
  });
});

describe('testConnection', () => {
  it('says connected when Payfect accepts the key, creating nothing', async () => {
    expect(await ask(handle, { type: 'testConnection' })).toEqual({
      ok: true,
      mode: 'unknown',
      message: `Connected to ${new URL(sandbox.apiBaseUrl).host} — Payfect accepted the key.`,
    });
    expect(sandbox.requests.map((request) => request.method)).toEqual(['GET']);
    expect(sandbox.sessions.size).toBe(0);
  });

  it('reports the mode learned from an earlier answer', async () => {
    await create('r1');
    expect(await ask(handle, { type: 'testConnection' })).toMatchObject({ ok: true, mode: 'test' });
  });

  it('says the key was rejected when it is wrong, in words for the Settings page', async () => {
    await ask(handle, { type: 'saveKey', apiKey: 'wrong-key-0000-0000-0000' });
    expect(await ask(handle, { type: 'testConnection' })).toEqual({
      ok: false,
      error: {
        kind: 'auth',
        message:
          'Payfect refused this API key — check that it was pasted whole and belongs to this Payfect account.',
      },
    });
  });

  it('tests a typed key and base URL as they are, saving neither', async () => {
    await ask(handle, { type: 'saveKey', apiKey: 'wrong-key-0000-0000-0000' });
    const before = await ask(handle, { type: 'getState' });
    expect(
      await ask(handle, {
        type: 'testConnection',
        typed: { apiKey: key, baseUrl: sandbox.apiBaseUrl },
      }),
    ).toMatchObject({ ok: true });
    // The stored key is still the wrong one, untouched, and still refused.
    expect(await ask(handle, { type: 'getState' })).toEqual(before);
    expect(await ask(handle, { type: 'testConnection' })).toMatchObject({
      ok: false,
      error: { kind: 'auth' },
    });
    // A typed base URL is tried as typed: here, one where nothing listens.
    expect(
      await ask(handle, {
        type: 'testConnection',
        typed: { apiKey: key, baseUrl: 'http://127.0.0.1:9/api/v1' },
      }),
    ).toMatchObject({ ok: false, error: { kind: 'network' } });
  });

  it('answers no_key without a request when no key is saved', async () => {
    await ask(handle, { type: 'clearKey' });
    expect(await ask(handle, { type: 'testConnection' })).toMatchObject({
      ok: false,
      error: { kind: 'no_key' },
    });
    expect(sandbox.requests).toHaveLength(0);
  });
});
