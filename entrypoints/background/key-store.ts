import { storage } from 'wxt/utils/storage';
import { z } from 'zod/mini';
import type { KeyStatus, UiError } from '../../lib/messages.ts';
import { err, ok, type Result } from '../../lib/result.ts';

/*
 * The only place the API key is read or written. It lives in its own item, apart from the
 * settings the pages read, and leaves this file only towards the Payfect client: answers
 * carry KeyStatus (set, last four characters, mode), never the key. Never log it.
 */

export type KeyMode = KeyStatus['mode'];

const MAX_KEY_LENGTH = 200;
/* Fewer characters than this and the last four would give away too much of the key. */
const MIN_LENGTH_FOR_LAST4 = 12;

const apiKeyItem = storage.defineItem<string | null>('local:apiKey', {
  fallback: null,
  version: 1,
});

/** Learned from `isLivemode` of a Payfect answer; unknown for a key not used yet. */
const keyModeItem = storage.defineItem<KeyMode>('local:keyMode', {
  fallback: 'unknown',
  version: 1,
});

const KeyModeSchema = z.enum(['test', 'live', 'unknown']);

/** The saved key, for the Payfect client only; undefined when none is saved. */
export async function readApiKey(): Promise<string | undefined> {
  const stored: unknown = await apiKeyItem.getValue();
  return typeof stored === 'string' && stored !== '' ? stored : undefined;
}

async function readKeyMode(): Promise<KeyMode> {
  const parsed = z.safeParse(KeyModeSchema, await keyModeItem.getValue());
  return parsed.success ? parsed.data : 'unknown';
}

export async function keyStatus(): Promise<KeyStatus> {
  const key = await readApiKey();
  const mode = await readKeyMode();
  if (key === undefined) return { set: false, mode: 'unknown' };
  return key.length >= MIN_LENGTH_FOR_LAST4
    ? { set: true, last4: key.slice(-4), mode }
    : { set: true, mode };
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
  await keyModeItem.setValue('unknown');
  return ok(await keyStatus());
}

export async function clearApiKey(): Promise<KeyStatus> {
  await apiKeyItem.removeValue();
  await keyModeItem.removeValue();
  return keyStatus();
}

/**
 * Records whether `usedKey` is a live or a test key — unless another key was saved while
 * the request was on its way, whose mode this answer says nothing about.
 */
export async function learnKeyMode(usedKey: string, isLivemode: boolean): Promise<void> {
  if ((await readApiKey()) !== usedKey) return;
  await keyModeItem.setValue(isLivemode ? 'live' : 'test');
}
