import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  createMessageHandler,
  type MessageHandler,
} from '../../../entrypoints/background/router.ts';
import type { ResponseFor } from '../../../lib/messages.ts';
import { DEFAULT_SETTINGS, LIVE_API_BASE_URL, type Settings } from '../../../lib/settings.ts';
import { fakeFetch, jsonResponse, type RecordedCall } from '../lib/payfect/fake-fetch.ts';
import { ask, order } from './helpers.ts';

const LOOK_ALIKE = 'https://api.payfect-finance.support/api/v1';
const LOOK_ALIKE_ORIGIN = 'https://api.payfect-finance.support';
const KEY = 'pk_test_do-not-leak-0001';

type CreateAnswer = ResponseFor<'createCheckout'>;
type TestAnswer = ResponseFor<'testConnection'>;

let handle: MessageHandler;
let calls: RecordedCall[];
let answer: () => Response;
let granted: string[];

function keyHeaders(): (string | undefined)[] {
  return calls.map((call) => new Headers(call.init.headers).get('Authorization') ?? undefined);
}

async function saveSettings(settings: Partial<Settings>) {
  const saved = (await ask(handle, {
    type: 'saveSettings',
    settings: { ...DEFAULT_SETTINGS, ...settings },
  })) as ResponseFor<'saveSettings'>;
  if (!saved.ok) throw new Error(saved.error.message);
  return saved.settings;
}

function create(requestId: string): Promise<CreateAnswer> {
  return ask(handle, {
    type: 'createCheckout',
    requestId,
    order: order(),
  }) as Promise<CreateAnswer>;
}

function testConnection(): Promise<TestAnswer> {
  return ask(handle, { type: 'testConnection' }) as Promise<TestAnswer>;
}

beforeEach(async () => {
  fakeBrowser.reset();
  // What the browser granted through permissions.request (fakeBrowser has no permissions API).
  granted = [];
  vi.spyOn(browser.permissions, 'contains').mockImplementation(async ({ origins }) =>
    (origins ?? []).every((pattern) => granted.includes(pattern)),
  );
  answer = () => jsonResponse({ detail: 'Not found.' }, 404);
  const fake = fakeFetch(() => answer());
  calls = fake.calls;
  handle = createMessageHandler({ fetch: fake.fetch });
  await ask(handle, { type: 'saveKey', apiKey: KEY });
});

describe('where the API key may go', () => {
  it('refuses to send the key to a host the user has not confirmed, naming it and Settings', async () => {
    await saveSettings({ baseUrl: LOOK_ALIKE });
    granted = [`${LOOK_ALIKE_ORIGIN}/*`];

    const created = await create('r1');
    const tested = await testConnection();

    expect(calls).toHaveLength(0);
    for (const refused of [created, tested]) {
      expect(refused).toMatchObject({ ok: false, error: { kind: 'unconfirmed_host' } });
      if (refused.ok) continue;
      expect(refused.error.message).toContain('api.payfect-finance.support');
      expect(refused.error.message).toContain('Settings');
      expect(refused.error.message).not.toContain(KEY);
    }
  });

  it('sends the key to a confirmed host only while the browser grants that origin', async () => {
    await saveSettings({ baseUrl: LOOK_ALIKE, confirmedKeyOrigin: LOOK_ALIKE_ORIGIN });

    expect(await testConnection()).toMatchObject({
      ok: false,
      error: { kind: 'unconfirmed_host' },
    });
    expect(calls).toHaveLength(0);

    granted = [`${LOOK_ALIKE_ORIGIN}/*`];
    expect(await testConnection()).toMatchObject({ ok: true });
    expect(keyHeaders()).toEqual([`Api-Key ${KEY}`]);
    expect(calls[0]?.url).toMatch(/^https:\/\/api\.payfect-finance\.support\/api\/v1\/checkouts\//);
  });

  it('drops the confirmation when the base URL moves to another host after it', async () => {
    granted = [`${LOOK_ALIKE_ORIGIN}/*`, 'https://evil.example/*'];
    await saveSettings({ baseUrl: LOOK_ALIKE, confirmedKeyOrigin: LOOK_ALIKE_ORIGIN });
    // The page sends back what it had stored, confirmation included, with the new URL.
    const moved = await saveSettings({
      baseUrl: 'https://evil.example/api/v1',
      confirmedKeyOrigin: LOOK_ALIKE_ORIGIN,
    });

    expect(moved.confirmedKeyOrigin).toBeUndefined();
    const refused = await create('r1');
    expect(refused).toMatchObject({ ok: false, error: { kind: 'unconfirmed_host' } });
    expect(refused.ok ? '' : refused.error.message).toContain('evil.example');
    expect(calls).toHaveLength(0);
  });

  it('needs no confirmation for the live API nor for loopback', async () => {
    await saveSettings({ baseUrl: LIVE_API_BASE_URL });
    expect(await testConnection()).toMatchObject({ ok: true });
    await saveSettings({ baseUrl: 'http://127.0.0.1:8787/api/v1' });
    expect(await testConnection()).toMatchObject({ ok: true });
    await saveSettings({ baseUrl: 'http://localhost:8787/api/v1' });
    expect(await testConnection()).toMatchObject({ ok: true });
    expect(keyHeaders()).toEqual([`Api-Key ${KEY}`, `Api-Key ${KEY}`, `Api-Key ${KEY}`]);
  });

  it('does not give a new profile the host confirmed for another profile’s key', async () => {
    granted = [`${LOOK_ALIKE_ORIGIN}/*`];
    await saveSettings({ baseUrl: LOOK_ALIKE, confirmedKeyOrigin: LOOK_ALIKE_ORIGIN });
    await ask(handle, { type: 'addProfile', name: 'Second' });
    await ask(handle, { type: 'saveKey', apiKey: 'pk_test_second-key-0002' });

    expect(await create('r2')).toMatchObject({ ok: false, error: { kind: 'unconfirmed_host' } });
    expect(calls).toHaveLength(0);
  });
});

describe('Test connection', () => {
  it('says "Connected to <host>" only on Payfect’s own not-found answer', async () => {
    expect(await testConnection()).toMatchObject({
      ok: true,
      message: 'Connected to api.payfect.finance — Payfect accepted the key.',
    });
  });

  it.each([
    ['a 404 HTML page', () => new Response('<html><h1>Not Found</h1></html>', { status: 404 })],
    ['a bare 404', () => new Response(null, { status: 404 })],
    ['{} with 200', () => jsonResponse({})],
    ['{} with 404', () => jsonResponse({}, 404)],
  ])('names the host that answered but is not Payfect’s API: %s', async (_name, reply) => {
    granted = [`${LOOK_ALIKE_ORIGIN}/*`];
    await saveSettings({ baseUrl: LOOK_ALIKE, confirmedKeyOrigin: LOOK_ALIKE_ORIGIN });
    answer = reply;
    expect(await testConnection()).toEqual({
      ok: false,
      error: {
        kind: 'malformed_response',
        message:
          'api.payfect-finance.support answered, but it is not Payfect’s API — check the API base URL above.',
      },
    });
  });

  it('still says a refused key is refused', async () => {
    answer = () => jsonResponse({ detail: 'Invalid API key.' }, 401);
    expect(await testConnection()).toMatchObject({ ok: false, error: { kind: 'auth' } });
  });
});
