import { browser, type Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import {
  readApiKey,
  saveApiKey,
  setPassphrase,
} from '../../../entrypoints/background/key-store.ts';
import {
  createMessageHandler,
  type MessageHandler,
} from '../../../entrypoints/background/router.ts';
import { readHistory } from '../../../storage/history.ts';
import { ResponseSchemas, type State } from '../../../lib/messages.ts';
import { DEFAULT_SETTINGS } from '../../../lib/settings.ts';
import { readSettings } from '../../../storage/settings.ts';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';
import { ask, configure, createSession, order, storedJson } from './helpers.ts';

const FIRST_KEY = 'pk_test_first_sandbox_key_0001';
const SECOND_KEY = 'pk_test_second_sandbox_key_0002';

let first: Sandbox;
let second: Sandbox;
let handle: MessageHandler;
/** The worker's clock; undefined follows the real one. */
let clock: number | undefined;

beforeAll(async () => {
  first = await startSandbox({ port: 0, quiet: true, keys: [FIRST_KEY] });
  second = await startSandbox({ port: 0, quiet: true, keys: [SECOND_KEY] });
});
afterAll(async () => {
  await first.close();
  await second.close();
});

beforeEach(() => {
  fakeBrowser.reset();
  first.reset();
  second.reset();
  clock = undefined;
  handle = createMessageHandler({ now: () => clock ?? Date.now() });
});

async function profileAnswer(message: Parameters<typeof ask>[1]) {
  return z.parse(ResponseSchemas.switchProfile, await ask(handle, message));
}

async function stateAfter(message: Parameters<typeof ask>[1]): Promise<State> {
  const answer = await profileAnswer(message);
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.state;
}

async function refusal(message: Parameters<typeof ask>[1]): Promise<string> {
  const answer = await profileAnswer(message);
  if (answer.ok) throw new Error('Expected a refusal');
  return answer.error.message;
}

/** The default profile on the first sandbox, and "Second" (active) on the second. */
async function twoProfiles(): Promise<{ secondId: string }> {
  await configure(handle, first.apiBaseUrl, FIRST_KEY);
  const state = await stateAfter({ type: 'addProfile', name: 'Second' });
  await configure(handle, second.apiBaseUrl, SECOND_KEY);
  return { secondId: state.activeProfileId };
}

function authorizations(sandbox: Sandbox, method: string): string[] {
  return sandbox.requests
    .filter((request) => request.method === method && request.path.includes('/checkouts/'))
    .map((request) => request.headers.authorization ?? '');
}

describe('the key store per profile', () => {
  it('keeps the default profile’s key under the storage keys of before profiles', async () => {
    await saveApiKey(FIRST_KEY, 'default');
    const stored = await storedJson();
    expect(stored.apiKey).toBe(JSON.stringify(FIRST_KEY));
    expect(Object.keys(stored).filter((key) => key.startsWith('apiKey:'))).toEqual([]);
  });

  it('keeps each profile’s key apart', async () => {
    await saveApiKey(FIRST_KEY, 'default');
    await saveApiKey(SECOND_KEY, 'p2');
    expect(await readApiKey('default')).toBe(FIRST_KEY);
    expect(await readApiKey('p2')).toBe(SECOND_KEY);
    expect(await readApiKey('p3')).toBeUndefined();
    expect((await storedJson())['apiKey:p2']).toBe(JSON.stringify(SECOND_KEY));
  });

  it('removes a deleted profile’s key items, sealed and unlocked included', async () => {
    const { secondId } = await twoProfiles();
    const sealed = await setPassphrase('correct horse battery', secondId);
    expect(sealed.ok).toBe(true);
    expect(Object.keys(await storedJson())).toContain(`apiKeySealed:${secondId}`);
    await stateAfter({ type: 'deleteProfile', profileId: secondId });
    const left = Object.keys(await storedJson()).filter((key) => key.includes(secondId));
    expect(left).toEqual([]);
    expect(await browser.storage.session.get(`apiKey:${secondId}`)).toEqual({});
    expect(await readApiKey('default')).toBe(FIRST_KEY);
  });

  it('says, deleting a profile whose key was saved in clear, that a copy may remain', async () => {
    const { secondId } = await twoProfiles();
    const deleted = await profileAnswer({ type: 'deleteProfile', profileId: secondId });
    expect(deleted).toMatchObject({ ok: true, leftPlainCopy: true });
    const again = await stateAfter({ type: 'addProfile', name: 'Third' });
    await ask(handle, {
      type: 'saveKey',
      apiKey: SECOND_KEY,
      passphrase: 'correct horse battery',
      profileId: again.activeProfileId,
    });
    const sealedOnly = await profileAnswer({
      type: 'deleteProfile',
      profileId: again.activeProfileId,
    });
    expect(sealedOnly).toMatchObject({ ok: true });
    expect(sealedOnly).not.toHaveProperty('leftPlainCopy');
  });
});

async function readProfiles(): Promise<State> {
  return z.parse(ResponseSchemas.getState, await ask(handle, { type: 'getState' }));
}

describe('profile requests', () => {
  it('start with one profile, "Default"', async () => {
    const state = await readProfiles();
    expect(state.profiles).toEqual([
      {
        id: 'default',
        name: 'Default',
        key: { set: false, mode: 'unknown' },
        invoicePrefix: 'INV-',
      },
    ]);
    expect(state.activeProfileId).toBe('default');
  });

  it('add a profile with the active one’s defaults but no key, and make it active', async () => {
    await configure(handle, first.apiBaseUrl, FIRST_KEY);
    const state = await stateAfter({ type: 'addProfile', name: '  Shop B  ' });
    expect(state.profiles.map((profile) => profile.name)).toEqual(['Default', 'Shop B']);
    expect(state.activeProfileId).not.toBe('default');
    expect(state.key.set).toBe(false);
    expect(state.settings.baseUrl).toBe(first.apiBaseUrl);
  });

  it('refuse an empty, a too long or a taken name, whatever its case', async () => {
    expect(await refusal({ type: 'addProfile', name: '   ' })).toBe(
      'Enter a name for the profile.',
    );
    expect(await refusal({ type: 'addProfile', name: 'x'.repeat(41) })).toBe(
      'Use a profile name of at most 40 characters.',
    );
    expect(await refusal({ type: 'addProfile', name: ' DEFAULT ' })).toBe(
      'There is already a profile named “DEFAULT” — choose another name.',
    );
    expect((await readProfiles()).profiles).toHaveLength(1);
  });

  it('rename a profile, to its own name in another case too, but not to another’s', async () => {
    await stateAfter({ type: 'addProfile', name: 'Live' });
    const renamed = await stateAfter({ type: 'renameProfile', profileId: 'default', name: 'TEST' });
    expect(renamed.profiles.map((profile) => profile.name)).toEqual(['TEST', 'Live']);
    await stateAfter({ type: 'renameProfile', profileId: 'default', name: 'test' });
    expect(await refusal({ type: 'renameProfile', profileId: 'default', name: 'live' })).toMatch(
      /already a profile named/,
    );
  });

  it('refuse to delete the last profile', async () => {
    expect(await refusal({ type: 'deleteProfile', profileId: 'default' })).toBe(
      'The last profile cannot be deleted — there is always at least one.',
    );
  });

  it('switch to another profile when the active one is deleted', async () => {
    const { secondId } = await twoProfiles();
    const state = await stateAfter({ type: 'deleteProfile', profileId: secondId });
    expect(state.activeProfileId).toBe('default');
    expect(state.settings.baseUrl).toBe(first.apiBaseUrl);
  });

  it('switch the settings and key the pages see, and refuse an unknown profile', async () => {
    const { secondId } = await twoProfiles();
    expect((await readSettings()).baseUrl).toBe(second.apiBaseUrl);
    const state = await stateAfter({ type: 'switchProfile', profileId: 'default' });
    expect(state.settings.baseUrl).toBe(first.apiBaseUrl);
    expect(state.profiles.find((profile) => profile.id === secondId)?.key.last4).toBe('0002');
    expect(await refusal({ type: 'switchProfile', profileId: 'gone' })).toMatch(/no such profile/);
  });

  it('share the message template, history cap and reminder between profiles', async () => {
    await twoProfiles();
    await ask(handle, {
      type: 'saveSettings',
      settings: { ...DEFAULT_SETTINGS, baseUrl: second.apiBaseUrl, messageTemplate: '{url}' },
    });
    const state = await stateAfter({ type: 'switchProfile', profileId: 'default' });
    expect(state.settings).toMatchObject({ baseUrl: first.apiBaseUrl, messageTemplate: '{url}' });
  });

  it('are refused from anything but the extension’s own pages', async () => {
    const contentScript = {
      id: browser.runtime.id,
      url: 'https://example.com/chat',
      frameId: 0,
      tab: { id: 3 } as Browser.tabs.Tab,
    };
    for (const message of [
      { type: 'addProfile', name: 'Evil' },
      { type: 'switchProfile', profileId: 'default' },
      { type: 'deleteProfile', profileId: 'default' },
    ]) {
      expect(await handle(message, contentScript)).toMatchObject({
        ok: false,
        error: { kind: 'invalid_request' },
      });
    }
    expect((await readProfiles()).profiles.map((profile) => profile.name)).toEqual(['Default']);
  });

  it('never answer with a key', async () => {
    await twoProfiles();
    const answers = JSON.stringify([
      await ask(handle, { type: 'getState' }),
      await ask(handle, { type: 'switchProfile', profileId: 'default' }),
      await ask(handle, { type: 'addProfile', name: 'Third' }),
    ]);
    expect(answers).not.toContain(FIRST_KEY);
    expect(answers).not.toContain(SECOND_KEY);
  });
});

describe('links per profile', () => {
  it('are created with the key and base URL of the profile the popup showed', async () => {
    const { secondId } = await twoProfiles();
    // Another window switched back to the default profile after this popup drew its form.
    await stateAfter({ type: 'switchProfile', profileId: 'default' });
    const answer = z.parse(
      ResponseSchemas.createCheckout,
      await ask(handle, {
        type: 'createCheckout',
        requestId: 'r1',
        order: order(),
        profileId: secondId,
      }),
    );
    expect(answer).toMatchObject({
      ok: true,
      session: { profileId: secondId, profileName: 'Second' },
    });
    expect(authorizations(second, 'POST')).toEqual([`Api-Key ${SECOND_KEY}`]);
    expect(authorizations(first, 'POST')).toEqual([]);
  });

  it('are refused for a profile that no longer exists, and nothing is sent', async () => {
    await twoProfiles();
    const answer = await ask(handle, {
      type: 'createCheckout',
      requestId: 'r1',
      order: order(),
      profileId: 'deleted-meanwhile',
    });
    expect(answer).toMatchObject({ ok: false, error: { kind: 'invalid_request' } });
    expect(authorizations(first, 'POST')).toEqual([]);
    expect(authorizations(second, 'POST')).toEqual([]);
  });

  it('have their status asked with their own profile’s key, until the profile is deleted', async () => {
    const { secondId } = await twoProfiles();
    await ask(handle, { type: 'createCheckout', requestId: 'r1', order: order() });
    await stateAfter({ type: 'switchProfile', profileId: 'default' });
    await ask(handle, { type: 'createCheckout', requestId: 'r2', order: order() });
    await ask(handle, { type: 'refreshStatuses', staleOnly: false });
    expect(authorizations(first, 'GET')).toEqual([`Api-Key ${FIRST_KEY}`]);
    expect(authorizations(second, 'GET')).toEqual([`Api-Key ${SECOND_KEY}`]);

    await stateAfter({ type: 'deleteProfile', profileId: secondId });
    const answer = await ask(handle, { type: 'refreshStatuses', staleOnly: false });
    expect(answer).toMatchObject({ ok: true, checked: 1 });
    expect(authorizations(second, 'GET')).toHaveLength(1);
    const history = await readHistory();
    expect(history.map((record) => record.profileName)).toEqual(['Default', 'Second']);
  });

  it('are renewed with the key of the profile that made them, whichever is active', async () => {
    const { secondId } = await twoProfiles();
    const created = await createSession(handle, 'r1');
    await stateAfter({ type: 'switchProfile', profileId: 'default' });
    clock = created.expiresAt + 1;
    const renewed = z.parse(
      ResponseSchemas.renewCheckout,
      await ask(handle, { type: 'renewCheckout', requestId: 'n1', sessionId: created.id }),
    );
    expect(renewed).toMatchObject({ ok: true, session: { profileId: secondId } });
    expect(authorizations(second, 'POST')).toEqual([
      `Api-Key ${SECOND_KEY}`,
      `Api-Key ${SECOND_KEY}`,
    ]);
    expect(authorizations(first, 'POST')).toEqual([]);
  });

  it('of a deleted profile are not renewed', async () => {
    const { secondId } = await twoProfiles();
    const created = await createSession(handle, 'r1');
    await stateAfter({ type: 'deleteProfile', profileId: secondId });
    clock = created.expiresAt + 1;
    const renewed = await ask(handle, {
      type: 'renewCheckout',
      requestId: 'n1',
      sessionId: created.id,
    });
    expect(renewed).toMatchObject({ ok: false, error: { kind: 'invalid_request' } });
    expect(authorizations(first, 'POST')).toEqual([]);
  });
});
