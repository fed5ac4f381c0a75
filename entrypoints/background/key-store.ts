import { storage } from '../../lib/storage-item.ts';
import { z } from 'zod/mini';
import type { KeyStatus, UiError } from '../../lib/messages.ts';
import { err, ok, type Result } from '../../lib/result.ts';
import {
  MIN_PASSPHRASE_LENGTH,
  SealedKeySchema,
  openSealedKey,
  sealKey,
  type SealedKey,
} from './key-lock.ts';

/*
 * The only place the API key is read or written. It lives in its own item, apart from the
 * settings the pages read, and leaves this file only towards the Payfect client: answers
 * carry KeyStatus (set, last four characters, mode, lock), never the key. Never log it.
 *
 * With a passphrase lock (key-lock.ts) the key is at rest only sealed, in apiKeySealed;
 * unlocked, it is in storage.session, which the browser forgets when it closes. The plain
 * apiKey item and the sealed one never both hold a key.
 */

export type KeyMode = KeyStatus['mode'];

const MAX_KEY_LENGTH = 200;
/* Fewer characters than this and the last four would give away too much of the key. */
const MIN_LENGTH_FOR_LAST4 = 12;

const apiKeyItem = storage.defineItem<string | null>('local:apiKey', {
  fallback: null,
  version: 1,
});

const sealedKeyItem = storage.defineItem<SealedKey | null>('local:apiKeySealed', {
  fallback: null,
  version: 1,
});

/* Chrome lets only the extension's own pages and worker read storage.session by default. */
const unlockedKeyItem = storage.defineItem<string | null>('session:apiKey', {
  fallback: null,
  version: 1,
});

/** Learned from `isLivemode` of a Payfect answer; unknown for a key not used yet. */
const keyModeItem = storage.defineItem<KeyMode>('local:keyMode', {
  fallback: 'unknown',
  version: 1,
});

const KeyModeSchema = z.enum(['test', 'live', 'unknown']);

async function readPlainKey(): Promise<string | undefined> {
  const stored: unknown = await apiKeyItem.getValue();
  return typeof stored === 'string' && stored !== '' ? stored : undefined;
}

async function readSealedKey(): Promise<SealedKey | undefined> {
  const parsed = z.safeParse(SealedKeySchema, await sealedKeyItem.getValue());
  return parsed.success ? parsed.data : undefined;
}

async function readUnlockedKey(): Promise<string | undefined> {
  const stored: unknown = await unlockedKeyItem.getValue();
  return typeof stored === 'string' && stored !== '' ? stored : undefined;
}

/** The saved key, for the Payfect client only; undefined when none is saved or it is locked. */
export async function readApiKey(): Promise<string | undefined> {
  const plain = await readPlainKey();
  if (plain !== undefined) return plain;
  return (await readSealedKey()) === undefined ? undefined : readUnlockedKey();
}

async function readKeyMode(): Promise<KeyMode> {
  const parsed = z.safeParse(KeyModeSchema, await keyModeItem.getValue());
  return parsed.success ? parsed.data : 'unknown';
}

function lastFour(key: string): string {
  return key.length >= MIN_LENGTH_FOR_LAST4 ? key.slice(-4) : '';
}

export async function keyStatus(): Promise<KeyStatus> {
  const mode = await readKeyMode();
  const plain = await readPlainKey();
  if (plain !== undefined) {
    const last4 = lastFour(plain);
    return last4 === '' ? { set: true, mode } : { set: true, last4, mode };
  }
  const sealed = await readSealedKey();
  if (sealed === undefined) return { set: false, mode: 'unknown' };
  const lock = (await readUnlockedKey()) === undefined ? 'locked' : 'unlocked';
  return sealed.last4 === ''
    ? { set: true, mode, lock }
    : { set: true, last4: sealed.last4, mode, lock };
}

function invalidKey(message: string): UiError {
  return { kind: 'invalid_request', message };
}

/** Why a pasted key cannot be a key; the message never repeats it. */
export function checkApiKey(text: string): Result<string, UiError> {
  const key = text.trim();
  if (key === '') return err(invalidKey('Enter the API key.'));
  if (/\s/.test(key)) {
    return err(invalidKey('The API key cannot contain spaces or line breaks — paste it again.'));
  }
  if (key.length > MAX_KEY_LENGTH) {
    return err(invalidKey(`That is too long for an API key (over ${MAX_KEY_LENGTH} characters).`));
  }
  // It travels in an HTTP header, which only takes visible ASCII.
  if (!/^[\x21-\x7e]+$/.test(key)) {
    return err(invalidKey('The API key contains characters an API key cannot have.'));
  }
  return ok(key);
}

/** Saves a new key; its mode is unknown until Payfect answers a request made with it. */
export async function saveApiKey(text: string): Promise<Result<KeyStatus, UiError>> {
  const checked = checkApiKey(text);
  if (!checked.ok) return checked;
  await apiKeyItem.setValue(checked.value);
  // A new key replaces a locked one: its passphrase sealed the old key, not this one.
  await sealedKeyItem.removeValue();
  await unlockedKeyItem.removeValue();
  await keyModeItem.setValue('unknown');
  return ok(await keyStatus());
}

export async function clearApiKey(): Promise<KeyStatus> {
  await apiKeyItem.removeValue();
  await sealedKeyItem.removeValue();
  await unlockedKeyItem.removeValue();
  await keyModeItem.removeValue();
  return keyStatus();
}

export const KEY_LOCKED_MESSAGE = 'The API key is locked — unlock it with your passphrase.';

/**
 * Seals the key with a passphrase (or a new one, when unlocked) and keeps it unlocked for
 * this browser session. The plain item is removed only once the sealed one is written.
 */
export async function setPassphrase(passphrase: string): Promise<Result<KeyStatus, UiError>> {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    return err(invalidKey(`Use a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters.`));
  }
  const key = await readApiKey();
  if (key === undefined) {
    return err(invalidKey((await keyStatus()).set ? KEY_LOCKED_MESSAGE : 'Save a key first.'));
  }
  await sealedKeyItem.setValue(await sealKey(key, passphrase, lastFour(key)));
  await unlockedKeyItem.setValue(key);
  await apiKeyItem.removeValue();
  return ok(await keyStatus());
}

/** Unlocks the sealed key until the browser closes. */
export async function unlockKey(passphrase: string): Promise<Result<KeyStatus, UiError>> {
  const sealed = await readSealedKey();
  if (sealed === undefined) return err(invalidKey('No key is locked.'));
  const key = await openSealedKey(sealed, passphrase);
  if (key === undefined) return err(invalidKey('That passphrase does not unlock the key.'));
  await unlockedKeyItem.setValue(key);
  return ok(await keyStatus());
}

/** Forgets the unlocked key; the sealed one stays. */
export async function lockKey(): Promise<KeyStatus> {
  await unlockedKeyItem.removeValue();
  return keyStatus();
}

/** Keeps the key unsealed again, as before the lock; only an unlocked key can be. */
export async function removePassphrase(): Promise<Result<KeyStatus, UiError>> {
  const key = await readUnlockedKey();
  if ((await readSealedKey()) === undefined || key === undefined) {
    return err(invalidKey('Unlock the key first.'));
  }
  await apiKeyItem.setValue(key);
  await sealedKeyItem.removeValue();
  await unlockedKeyItem.removeValue();
  return ok(await keyStatus());
}

/**
 * Records whether `usedKey` is a live or a test key — unless another key was saved while
 * the request was on its way, whose mode this answer says nothing about.
 */
export async function learnKeyMode(usedKey: string, isLivemode: boolean): Promise<void> {
  if ((await readApiKey()) !== usedKey) return;
  await keyModeItem.setValue(isLivemode ? 'live' : 'test');
}
