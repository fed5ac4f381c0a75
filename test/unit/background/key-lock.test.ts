import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { openSealedKey, sealKey } from '../../../entrypoints/background/key-lock.ts';
import {
  KEY_LOCK_ALARM,
  clearApiKey,
  keyStatus,
  lockUnusedKeys,
  lockKey,
  readApiKey,
  removalLeavesPlainCopy,
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

  it('goes back to a plain key when the passphrase is removed, given the current one', async () => {
    await setPassphrase(PASSPHRASE);
    await unlockKey(PASSPHRASE);
    // Unlocked is not enough: whoever sits at the browser must know the passphrase.
    for (const current of ['', 'not the passphrase']) {
      expect(await removePassphrase(current)).toMatchObject({
        ok: false,
        error: { fields: { current: 'That is not the current passphrase.' } },
      });
      expect((await keyStatus()).lock).toBe('unlocked');
    }
    expect(await removePassphrase(PASSPHRASE)).toMatchObject({ ok: true, value: { set: true } });
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

describe('a key chosen with its passphrase in the same save', () => {
  it('is sealed before its first write: the plain key never reaches storage.local', async () => {
    const written: string[] = [];
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    fakeBrowser.storage.local.set = async (items) => {
      written.push(JSON.stringify(items));
      return set(items);
    };
    try {
      expect(await saveApiKey(KEY, undefined, PASSPHRASE)).toMatchObject({
        ok: true,
        value: { set: true, lock: 'unlocked', last4: 'cdef' },
      });
    } finally {
      fakeBrowser.storage.local.set = set;
    }
    // Not only absent now: never written, since storage.local keeps old values on disk.
    expect(written.some((value) => value.includes(KEY.slice(0, -4)))).toBe(false);
    expect(await everythingStored()).not.toContain(KEY.slice(0, -4));
    expect(await readApiKey()).toBe(KEY);
    await lockKey();
    expect(await readApiKey()).toBeUndefined();
    expect(await unlockKey(PASSPHRASE)).toMatchObject({ ok: true });
  });

  it('refuses a short passphrase beside its field, saving nothing', async () => {
    expect(await saveApiKey(KEY, undefined, 'short')).toMatchObject({
      ok: false,
      error: { fields: { passphrase: expect.stringContaining('at least 8') } },
    });
    expect(await everythingStored()).toBe('{}');
  });
});

describe('changing the passphrase', () => {
  beforeEach(async () => {
    await saveApiKey(KEY, undefined, PASSPHRASE);
  });

  it('asks for the current one, unlocked or not, and then seals with the new one', async () => {
    expect(await setPassphrase('a passphrase of theirs')).toMatchObject({
      ok: false,
      error: { fields: { current: 'That is not the current passphrase.' } },
    });
    expect(await setPassphrase('a passphrase of theirs', undefined, 'wrong one')).toMatchObject({
      ok: false,
    });
    expect(await setPassphrase('the new passphrase', undefined, PASSPHRASE)).toMatchObject({
      ok: true,
      value: { lock: 'unlocked' },
    });
    await lockKey();
    expect(await unlockKey(PASSPHRASE)).toMatchObject({ ok: false });
    expect(await unlockKey('the new passphrase')).toMatchObject({ ok: true });
    expect(await readApiKey()).toBe(KEY);
  });
});

/** Every value written to storage.local from now on, as JSON: LevelDB keeps each on disk. */
function recordLocalWrites(): string[] {
  const written: string[] = [];
  const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
  fakeBrowser.storage.local.set = async (items) => {
    written.push(JSON.stringify(items));
    return set(items);
  };
  onTestFinished(() => {
    fakeBrowser.storage.local.set = set;
  });
  return written;
}

describe('whether a key was ever written in clear, kept with the key', () => {
  const inClear = (written: string[]) => written.some((value) => value.includes(KEY.slice(0, -4)));

  it('is never, for a key saved with its passphrase, then changed, locked, unlocked', async () => {
    const written = recordLocalWrites();
    await saveApiKey(KEY, undefined, PASSPHRASE);
    await setPassphrase('the new passphrase', undefined, PASSPHRASE);
    await lockKey();
    await unlockKey('the new passphrase');
    expect(inClear(written)).toBe(false);
    expect(await keyStatus()).not.toHaveProperty('plainCopy');
    expect(await removalLeavesPlainCopy()).toBe(false);
  });

  it('is said of a key saved in clear and locked later, through every change of passphrase', async () => {
    await saveApiKey(KEY);
    expect(await setPassphrase(PASSPHRASE)).toMatchObject({ value: { plainCopy: true } });
    expect(await lockKey()).toMatchObject({ lock: 'locked', plainCopy: true });
    await unlockKey(PASSPHRASE);
    await setPassphrase('the new passphrase', undefined, PASSPHRASE);
    expect(await keyStatus()).toMatchObject({ plainCopy: true });
    expect(await removalLeavesPlainCopy()).toBe(true);
  });

  it('is said again once a removed passphrase is set anew and the key locked', async () => {
    const written = recordLocalWrites();
    await saveApiKey(KEY, undefined, PASSPHRASE);
    // Removing the lock is the user's choice to keep the key usable without one: in clear.
    await removePassphrase(PASSPHRASE);
    expect(inClear(written)).toBe(true);
    await setPassphrase('the new passphrase');
    expect(await lockKey()).toMatchObject({ lock: 'locked', plainCopy: true });
  });

  it('is said of the key a new one replaces or a removal removes, not of the new one', async () => {
    await saveApiKey(KEY);
    expect(await removalLeavesPlainCopy()).toBe(true);
    await saveApiKey('pfk_test_other_key_0000000000000', undefined, PASSPHRASE);
    expect(await keyStatus()).not.toHaveProperty('plainCopy');
    expect(await removalLeavesPlainCopy()).toBe(false);
    await clearApiKey();
    expect(await removalLeavesPlainCopy()).toBe(false);
  });

  it('counts as "may" for a sealed key stored before it was kept', async () => {
    await fakeBrowser.storage.local.set({
      apiKeySealed: await sealKey(KEY, PASSPHRASE, 'cdef'),
    });
    expect(await keyStatus()).toMatchObject({ lock: 'locked', plainCopy: true });
    expect(await removalLeavesPlainCopy()).toBe(true);
  });
});

describe('a stored seal with an absurd iteration count', () => {
  it.each([1_000, 2 ** 31])('is refused, never run (%i iterations)', async (iterations) => {
    await saveApiKey(KEY, undefined, PASSPHRASE);
    await lockKey();
    const { apiKeySealed } = await fakeBrowser.storage.local.get('apiKeySealed');
    await fakeBrowser.storage.local.set({
      apiKeySealed: { ...(apiKeySealed as object), iterations },
    });
    expect(await unlockKey(PASSPHRASE)).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('damaged') },
    });
    // Refused from the record alone: run, 2^31 rounds of PBKDF2 would take hours (and the
    // test would time out).
    expect(await readApiKey()).toBeUndefined();
  });
});

describe('Lock after: an unlocked key unused for that long is locked again', () => {
  const MINUTE = 60_000;
  let now = Date.UTC(2026, 11, 4, 9, 0);

  beforeEach(async () => {
    now = Date.UTC(2026, 11, 4, 9, 0);
    vi.spyOn(Date, 'now').mockImplementation(() => now);
    await saveApiKey(KEY);
    await setPassphrase(PASSPHRASE);
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  async function withLockAfter(minutes: number): Promise<void> {
    const stored = await fakeBrowser.storage.local.get('settings');
    await fakeBrowser.storage.local.set({
      settings: { ...(stored.settings as object), lockAfterMinutes: minutes },
    });
  }

  it('locks after an hour without use by default, and each use moves the end', async () => {
    now += 50 * MINUTE;
    expect(await readApiKey()).toBe(KEY);
    now += 50 * MINUTE;
    expect(await readApiKey()).toBe(KEY);
    now += 61 * MINUTE;
    expect((await keyStatus()).lock).toBe('locked');
    expect(await readApiKey()).toBeUndefined();
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    // The passphrase opens it again, for another hour.
    expect((await unlockKey(PASSPHRASE)).ok).toBe(true);
    expect(await readApiKey()).toBe(KEY);
  });

  it('is locked by the alarm without waiting for the next use, across worker restarts', async () => {
    const alarm = await fakeBrowser.alarms.get(KEY_LOCK_ALARM);
    expect(alarm?.scheduledTime).toBe(now + 60 * MINUTE);
    // A worker started later finds the end in storage.session and the alarm.
    now += 60 * MINUTE;
    await lockUnusedKeys();
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    expect((await keyStatus()).lock).toBe('locked');
  });

  it('past the deadline with the alarm not yet fired, leaves storage.session when asked for its status', async () => {
    now += 61 * MINUTE;
    // The popup's first question (getState) finds it locked, and the plain key gone.
    expect((await keyStatus()).lock).toBe('locked');
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });

  it('follows the setting: 15 minutes, or never', async () => {
    await withLockAfter(15);
    expect(await readApiKey()).toBe(KEY);
    now += 16 * MINUTE;
    expect(await readApiKey()).toBeUndefined();

    expect((await unlockKey(PASSPHRASE)).ok).toBe(true);
    await withLockAfter(0);
    expect(await readApiKey()).toBe(KEY);
    now += 24 * 60 * MINUTE;
    await lockUnusedKeys();
    expect(await readApiKey()).toBe(KEY);
  });

  it('leaves a key without a passphrase alone', async () => {
    await removePassphrase(PASSPHRASE);
    now += 24 * 60 * MINUTE;
    await lockUnusedKeys();
    expect(await readApiKey()).toBe(KEY);
  });
});
