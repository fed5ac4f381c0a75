import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { openSealedKey, sealKey } from '../../../entrypoints/background/key-lock.ts';
import {
  clearApiKey,
  keyStatus,
  lockKey,
  readApiKey,
  removePassphrase,
  saveApiKey,
  setPassphrase,
  unlockKey,
} from '../../../entrypoints/background/key-store.ts';

const KEY = 'pfk_test_sealed_0123456789abcdef';
const PASSPHRASE = 'correct horse battery';

beforeEach(() => {
  fakeBrowser.reset();
});

async function everythingStored(): Promise<string> {
  const local = await fakeBrowser.storage.local.get(null);
  return JSON.stringify(local);
}

describe('sealing', () => {
  it('opens with the passphrase it was sealed with and with no other', async () => {
    const sealed = await sealKey(KEY, PASSPHRASE, 'cdef');
    expect(JSON.stringify(sealed)).not.toContain(KEY.slice(0, -4));
    expect(await openSealedKey(sealed, PASSPHRASE)).toBe(KEY);
    expect(await openSealedKey(sealed, 'correct horse battery.')).toBeUndefined();
  });

  it('seals the same key differently each time (fresh salt and IV)', async () => {
    const [a, b] = await Promise.all([sealKey(KEY, PASSPHRASE, ''), sealKey(KEY, PASSPHRASE, '')]);
    expect(a.ciphertext).not.toBe(b.ciphertext);
    expect(a.salt).not.toBe(b.salt);
  });
});

describe('a key with a passphrase lock', () => {
  beforeEach(async () => {
    await saveApiKey(KEY);
  });

  it('is kept only sealed in storage.local, and unlocked in storage.session', async () => {
    const locked = await setPassphrase(PASSPHRASE);
    expect(locked).toMatchObject({
      ok: true,
      value: { set: true, lock: 'unlocked', last4: 'cdef' },
    });
    expect(await everythingStored()).not.toContain(KEY.slice(0, -4));
    expect(await fakeBrowser.storage.session.get('apiKey')).toEqual({ apiKey: KEY });
    expect(await readApiKey()).toBe(KEY);
  });

  it('cannot be used once locked, and opens again with the passphrase only', async () => {
    await setPassphrase(PASSPHRASE);
    expect(await lockKey()).toMatchObject({ set: true, lock: 'locked', last4: 'cdef' });
    expect(await readApiKey()).toBeUndefined();
    expect(await unlockKey('wrong passphrase')).toMatchObject({
      ok: false,
      error: { message: 'That passphrase does not unlock the key.' },
    });
    expect(await readApiKey()).toBeUndefined();
    expect(await unlockKey(PASSPHRASE)).toMatchObject({ ok: true, value: { lock: 'unlocked' } });
    expect(await readApiKey()).toBe(KEY);
  });

  it('refuses a passphrase shorter than eight characters', async () => {
    expect(await setPassphrase('short')).toMatchObject({ ok: false });
    expect((await keyStatus()).lock).toBeUndefined();
  });

  it('goes back to a plain key when the passphrase is removed while unlocked', async () => {
    await setPassphrase(PASSPHRASE);
    await lockKey();
    expect(await removePassphrase()).toMatchObject({ ok: false });
    await unlockKey(PASSPHRASE);
    expect(await removePassphrase()).toMatchObject({ ok: true, value: { set: true } });
    expect((await keyStatus()).lock).toBeUndefined();
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    expect(await readApiKey()).toBe(KEY);
  });

  it('is replaced, lock and all, by a newly saved key', async () => {
    await setPassphrase(PASSPHRASE);
    await lockKey();
    await saveApiKey('pfk_test_other_key_0000000000000');
    expect(await keyStatus()).toMatchObject({ set: true, last4: '0000' });
    expect((await keyStatus()).lock).toBeUndefined();
  });

  it('is gone entirely when the key is removed', async () => {
    await setPassphrase(PASSPHRASE);
    expect(await clearApiKey()).toEqual({ set: false, mode: 'unknown' });
    expect(await everythingStored()).toBe('{}');
  });
});
