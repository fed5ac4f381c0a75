import { browser, type Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod/mini';
import background from '../../../entrypoints/background/index.ts';
import {
  createMessageHandler,
  type MessageHandler,
} from '../../../entrypoints/background/router.ts';
import { ResponseSchemas, type Request, type RequestType } from '../../../lib/messages.ts';
import { DEFAULT_SETTINGS, type Settings, type StoredSettings } from '../../../lib/settings.ts';
import { readSettings, settingsItem } from '../../../storage/settings.ts';
import { migrate as settingsToV5 } from '../../../storage/migrations/settings/005.ts';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';
import { ask, configure, order, popupSender, stubContextMenus, storedJson } from './helpers.ts';

let sandbox: Sandbox;
let handle: MessageHandler;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, quiet: true });
});
afterAll(() => sandbox.close());

beforeEach(() => {
  fakeBrowser.reset();
  sandbox.reset();
  handle = createMessageHandler();
});

const INVALID_REQUEST = { ok: false, error: { kind: 'invalid_request' } };

describe('who may ask', () => {
  const foreign: [string, () => Browser.runtime.MessageSender][] = [
    [
      'a content script',
      () => ({
        id: browser.runtime.id,
        url: 'https://example.com/chat',
        frameId: 0,
        tab: { id: 3 } as Browser.tabs.Tab,
      }),
    ],
    [
      'another extension',
      () => ({ id: 'other-extension', url: 'chrome-extension://other-extension/popup.html' }),
    ],
    [
      'an extension page framed inside a web page',
      () => ({ id: browser.runtime.id, url: browser.runtime.getURL('/popup.html'), frameId: 4 }),
    ],
    [
      'a look-alike URL',
      () => ({ id: browser.runtime.id, url: `${browser.runtime.getURL('/').slice(0, -1)}.evil/` }),
    ],
    ['a sender without a URL', () => ({ id: browser.runtime.id })],
  ];

  it.each(foreign)('refuses a message from %s', async (_name, sender) => {
    await handle({ type: 'saveKey', apiKey: 'stolen-key-000000' }, popupSender());
    const answer = await handle({ type: 'getState' }, sender());
    expect(answer).toMatchObject(INVALID_REQUEST);
    expect(JSON.stringify(answer)).not.toContain('0000');
  });

  it('answers the options page', async () => {
    const sender = { id: browser.runtime.id, url: browser.runtime.getURL('/options.html') };
    expect(await handle({ type: 'getState' }, sender)).toHaveProperty('settings');
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'getState'],
    ['an unknown type', { type: 'deleteEverything' }],
    ['an empty key', { type: 'saveKey', apiKey: '' }],
    [
      'an order without items',
      { type: 'createCheckout', requestId: 'r', order: { ...order(), items: [] } },
    ],
    [
      'an order with a float price',
      {
        type: 'createCheckout',
        requestId: 'r',
        order: order({ items: [{ name: 'x', description: '', unitAmount: '1e3', quantity: 1 }] }),
      },
    ],
  ])('refuses %s', async (_name, message) => {
    expect(await handle(message, popupSender())).toMatchObject(INVALID_REQUEST);
  });
});

describe('the API key', () => {
  const KEY = 'pk_test_abcdefghijklmnop1234';

  it('shows only its last four characters once saved', async () => {
    const answer = await ask(handle, { type: 'saveKey', apiKey: `  ${KEY}\n` });
    expect(answer).toEqual({ ok: true, key: { set: true, last4: '1234', mode: 'unknown' } });
    expect(await ask(handle, { type: 'getState' })).toMatchObject({
      key: { set: true, last4: '1234', mode: 'unknown' },
    });
  });

  it.each([
    ['a space inside', 'pk_test abc123456789'],
    ['more than 200 characters', 'k'.repeat(201)],
    ['only spaces', '   '],
  ])('is refused with %s', async (_name, apiKey) => {
    expect(await ask(handle, { type: 'saveKey', apiKey })).toMatchObject(INVALID_REQUEST);
    expect(await ask(handle, { type: 'getState' })).toMatchObject({ key: { set: false } });
  });

  it('is forgotten by clearKey, which says a copy saved in clear may remain on disk', async () => {
    await ask(handle, { type: 'saveKey', apiKey: KEY });
    expect(await ask(handle, { type: 'clearKey' })).toEqual({
      ok: true,
      key: { set: false, mode: 'unknown' },
      leftPlainCopy: true,
    });
  });

  it('says nothing of a copy when the removed or replaced key was never in clear', async () => {
    const passphrase = 'correct horse battery';
    await ask(handle, { type: 'saveKey', apiKey: KEY, passphrase });
    expect(await ask(handle, { type: 'saveKey', apiKey: KEY, passphrase })).not.toHaveProperty(
      'leftPlainCopy',
    );
    expect(await ask(handle, { type: 'clearKey' })).not.toHaveProperty('leftPlainCopy');
  });

  it('says a copy may remain when a key saved in clear is replaced', async () => {
    await ask(handle, { type: 'saveKey', apiKey: KEY });
    const replaced = await ask(handle, {
      type: 'saveKey',
      apiKey: 'pk_test_other_key_00000000',
      passphrase: 'correct horse battery',
    });
    expect(replaced).toMatchObject({ ok: true, leftPlainCopy: true });
  });

  it('appears in no answer and in no stored value but its own', async () => {
    const key = sandbox.keys[0] ?? '';
    const answers: unknown[] = [];
    const send = async (message: Request) => answers.push(await ask(handle, message));
    await configure(handle, sandbox.apiBaseUrl, key);
    await send({ type: 'getState' });
    await send({ type: 'testConnection' });
    await send({ type: 'createCheckout', requestId: 'ok', order: order() });
    sandbox.faults.add({
      match: 'create',
      respond: { status: 400, body: JSON.stringify({ detail: `bad key ${key}` }) },
    });
    await send({ type: 'createCheckout', requestId: 'echo', order: order() });
    await send({ type: 'getState' });
    for (const answer of answers) expect(JSON.stringify(answer)).not.toContain(key);
    const stored = await storedJson();
    expect(Object.keys(stored)).toContain('apiKey');
    for (const [name, json] of Object.entries(stored)) {
      if (name !== 'apiKey') expect(json, name).not.toContain(key);
    }
  });
});

describe('settings', () => {
  const save = (settings: Partial<Settings>) =>
    ask(handle, { type: 'saveSettings', settings: { ...DEFAULT_SETTINGS, ...settings } });

  it('refuses a plain-http base URL on a remote host', async () => {
    const answer = await save({ baseUrl: 'http://example.com/api/v1' });
    expect(answer).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(answer).toHaveProperty('error.fields.baseUrl');
    expect((await readSettings()).baseUrl).toBe(DEFAULT_SETTINGS.baseUrl);
  });

  it('accepts a plain-http sandbox on this machine', async () => {
    const answer = await save({ baseUrl: 'http://127.0.0.1:8787/api/v1/' });
    expect(answer).toMatchObject({
      ok: true,
      settings: { baseUrl: 'http://127.0.0.1:8787/api/v1' },
    });
    expect((await readSettings()).baseUrl).toBe('http://127.0.0.1:8787/api/v1');
  });

  it('names each wrong default URL by its field', async () => {
    const answer = await save({
      successUrl: 'javascript:alert(1)',
      callbackUrl: 'http://example.com',
    });
    expect(answer).toHaveProperty('error.fields.successUrl');
    expect(answer).toHaveProperty('error.fields.callbackUrl');
    expect(answer).not.toHaveProperty('error.fields.cancelUrl');
  });

  it('keeps the networks Payfect offered, whatever the page sends', async () => {
    const learned = [{ value: 'polygon', name: 'Polygon' }];
    await settingsItem.setValue(
      settingsToV5({ ...DEFAULT_SETTINGS, networks: learned }) as StoredSettings,
    );
    await save({ networks: [{ value: 'fake', name: 'Fake' }], messageTemplate: '{url}' });
    expect(await readSettings()).toMatchObject({ networks: learned, messageTemplate: '{url}' });
  });
});

describe('answers', () => {
  const examples: Request[] = [
    { type: 'getState' },
    { type: 'saveSettings', settings: DEFAULT_SETTINGS },
    { type: 'saveSettings', settings: { ...DEFAULT_SETTINGS, baseUrl: 'ftp://x' } },
    { type: 'saveKey', apiKey: 'pk_test_abcdefghijklmnop' },
    { type: 'saveKey', apiKey: 'with space inside' },
    { type: 'clearKey' },
    { type: 'testConnection' },
    { type: 'createCheckout', requestId: 'r1', order: order() },
    { type: 'dismissLastCreate', requestId: 'r1' },
    { type: 'renewCheckout', requestId: 'r2', sessionId: 'cs_unknown' },
    { type: 'updateSessionNotes', sessionId: 'cs_unknown', note: 'Acme', tags: ['acme'] },
    { type: 'voidInvoice', sessionId: 'cs_unknown', reason: 'Duplicate' },
    { type: 'correctInvoice', sessionId: 'cs_unknown', fields: { clientName: 'Acme' } },
    { type: 'refreshStatuses', staleOnly: false },
    { type: 'setPassphrase', passphrase: 'correct horse battery' },
    { type: 'lockKey' },
    { type: 'unlockKey', passphrase: 'correct horse battery' },
    { type: 'removePassphrase', current: 'correct horse battery' },
    { type: 'addProfile', name: 'Live' },
    { type: 'addProfile', name: ' live ' },
    { type: 'renameProfile', profileId: 'default', name: 'Test' },
    { type: 'switchProfile', profileId: 'default' },
    { type: 'switchProfile', profileId: 'nope' },
    { type: 'deleteProfile', profileId: 'nope' },
    { type: 'createCheckout', requestId: 'r3', order: order(), profileId: 'nope' },
    { type: 'getInvoice', sessionId: 'cs_unknown' },
    { type: 'getLogo' },
    { type: 'saveLogo', logo: 'data:image/png;base64,iVBORw0KGgo=' },
    { type: 'saveLogo', logo: null, profileId: 'nope' },
  ];

  async function answersFor(configured: boolean) {
    if (configured) await configure(handle, sandbox.apiBaseUrl, sandbox.keys[0] ?? '');
    const all: [RequestType, unknown][] = [];
    for (const message of examples) {
      if (configured && message.type === 'saveKey') continue;
      if (configured && message.type === 'clearKey') continue;
      all.push([message.type, await ask(handle, message)]);
    }
    return all;
  }

  it.each([
    ['without a key', false],
    ['with a key and a sandbox', true],
  ])('match the protocol for every request type %s', async (_name, configured) => {
    const answers = await answersFor(configured);
    for (const [type, answer] of answers) {
      const parsed = z.safeParse(ResponseSchemas[type], answer);
      expect(parsed.success, `${type}: ${JSON.stringify(answer)}`).toBe(true);
    }
    const covered = new Set(answers.map(([type]) => type));
    if (!configured) expect([...covered].sort()).toEqual(Object.keys(ResponseSchemas).sort());
  });

  it('marks a made link seen on dismissLastCreate once the popup has shown it', async () => {
    await configure(handle, sandbox.apiBaseUrl, sandbox.keys[0] ?? '');
    await ask(handle, { type: 'createCheckout', requestId: 'r1', order: order() });
    await ask(handle, { type: 'dismissLastCreate', requestId: 'other' });
    const before = await ask(handle, { type: 'getState' });
    expect(before).toMatchObject({ lastCreate: { state: 'done' } });
    expect(before).not.toMatchObject({ lastCreate: { seen: true } });
    await ask(handle, { type: 'dismissLastCreate', requestId: 'r1' });
    expect(await ask(handle, { type: 'getState' })).toMatchObject({
      lastCreate: { state: 'done', requestId: 'r1', seen: true },
    });
  });

  it("remembers the last link's currency and network as the profile's form choice", async () => {
    await configure(handle, sandbox.apiBaseUrl, sandbox.keys[0] ?? '');
    expect(await ask(handle, { type: 'getState' })).toMatchObject({ formChoice: null });
    await ask(handle, {
      type: 'createCheckout',
      requestId: 'r1',
      order: { ...order(), currency: 'twd' },
    });
    expect(await ask(handle, { type: 'getState' })).toMatchObject({
      formChoice: { currency: 'twd', network: 'tron', defaults: { currency: 'usdt' } },
    });
  });
});

describe('the worker entry point', () => {
  it('answers runtime messages through sendResponse and keeps the channel open', async () => {
    const addListener = vi.spyOn(browser.runtime.onMessage, 'addListener');
    stubContextMenus();
    background.main();
    const listener = addListener.mock.calls[0]?.[0];
    if (listener === undefined) throw new Error('no onMessage listener registered');
    const sendResponse = vi.fn();
    expect(listener({ type: 'getState' }, popupSender(), sendResponse)).toBe(true);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledOnce());
    expect(sendResponse.mock.calls[0]?.[0]).toMatchObject({ key: { set: false } });
  });
});
