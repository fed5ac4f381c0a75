import { browser } from 'wxt/browser';
import { storage, type WxtStorageItem } from '../../storage/item.ts';
import { z } from 'zod/mini';
import { t } from '../../lib/i18n.ts';
import type { KeyStatus, UiError } from '../../lib/messages.ts';
import { err, ok, type Result } from '../../lib/result.ts';
import { activeProfile, DEFAULT_PROFILE_ID } from '../../lib/settings.ts';
import { readStoredSettings } from '../../storage/settings.ts';
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
 *
 * storage.local is a LevelDB: a value written once stays in its log, then its tables, after
 * it is overwritten or removed, until the browser compacts them — overwriting before
 * removing keeps it too (measured by scanning the profile's files). So a key is never
 * written in clear once a passphrase was chosen for it, and whether it ever was is kept with
 * it (plainWritten), for Settings to say so when locking or removing it.
 */

export type KeyMode = KeyStatus['mode'];

const MAX_KEY_LENGTH = 200;
/* Fewer characters than this and the last four would give away too much of the key. */
const MIN_LENGTH_FOR_LAST4 = 12;

/*
 * Each profile has its own items. The default profile keeps the keys of before
 * profiles (local:apiKey, …), so no key had to move; another profile's keys end in
 * `:<profileId>`.
 */
interface KeyItems {
  readonly apiKey: WxtStorageItem<string | null, Record<string, unknown>>;
  readonly sealed: WxtStorageItem<SealedKey | null, Record<string, unknown>>;
  /* Chrome lets only the extension's own pages and worker read storage.session by default. */
  readonly unlocked: WxtStorageItem<string | null, Record<string, unknown>>;
  /** Learned from `isLivemode` of a Payfect answer; unknown for a key not used yet. */
  readonly mode: WxtStorageItem<KeyMode, Record<string, unknown>>;
  /** Until when (unix ms) the unlocked key stays unlocked without use (Settings: Lock after). */
  readonly unlockedUntil: WxtStorageItem<number | null, Record<string, unknown>>;
  /** A live link was made with this key: the popup's "real payment link" question was had. */
  readonly liveLinkMade: WxtStorageItem<boolean, Record<string, unknown>>;
  /** This key was written in clear at least once; null for a key saved before this was kept. */
  readonly plainWritten: WxtStorageItem<boolean | null, Record<string, unknown>>;
}

const itemsByProfile = new Map<string, KeyItems>();

function keyItems(profileId: string): KeyItems {
  const known = itemsByProfile.get(profileId);
  if (known !== undefined) return known;
  const suffix = profileId === DEFAULT_PROFILE_ID ? '' : `:${profileId}`;
  const items: KeyItems = {
    apiKey: storage.defineItem<string | null>(`local:apiKey${suffix}`, {
      fallback: null,
      version: 1,
    }),
    sealed: storage.defineItem<SealedKey | null>(`local:apiKeySealed${suffix}`, {
      fallback: null,
      version: 1,
    }),
    unlocked: storage.defineItem<string | null>(`session:apiKey${suffix}`, {
      fallback: null,
      version: 1,
    }),
    mode: storage.defineItem<KeyMode>(`local:keyMode${suffix}`, {
      fallback: 'unknown',
      version: 1,
    }),
    unlockedUntil: storage.defineItem<number | null>(`session:apiKeyUntil${suffix}`, {
      fallback: null,
      version: 1,
    }),
    liveLinkMade: storage.defineItem<boolean>(`local:liveLinkMade${suffix}`, {
      fallback: false,
      version: 1,
    }),
    plainWritten: storage.defineItem<boolean | null>(`local:apiKeyPlainWritten${suffix}`, {
      fallback: null,
      version: 1,
    }),
  };
  itemsByProfile.set(profileId, items);
  return items;
}

/** The items of `profileId`, or of the active profile when none is named. */
async function itemsOf(profileId: string | undefined): Promise<KeyItems> {
  if (profileId !== undefined) return keyItems(profileId);
  return keyItems(activeProfile(await readStoredSettings()).id);
}

const KeyModeSchema = z.enum(['test', 'live', 'unknown']);

async function readPlainKey(items: KeyItems): Promise<string | undefined> {
  const stored: unknown = await items.apiKey.getValue();
  return typeof stored === 'string' && stored !== '' ? stored : undefined;
}

async function readSealedKey(items: KeyItems): Promise<SealedKey | undefined> {
  const parsed = z.safeParse(SealedKeySchema, await items.sealed.getValue());
  return parsed.success ? parsed.data : undefined;
}

/*
 * A key saved before plainWritten was kept may have been saved in clear and locked later,
 * which left a copy: unknown counts as "may", as the warning words it.
 */
function mayHavePlainCopy(written: unknown, plain: unknown, sealed: unknown): boolean {
  if (typeof written === 'boolean') return written;
  return (typeof plain === 'string' && plain !== '') || (sealed !== null && sealed !== undefined);
}

async function plainCopyOf(items: KeyItems): Promise<boolean> {
  const [written, plain, sealed] = await Promise.all([
    items.plainWritten.getValue(),
    items.apiKey.getValue(),
    items.sealed.getValue(),
  ]);
  return mayHavePlainCopy(written, plain, sealed);
}

/**
 * Whether removing or replacing the profile's key now would leave a copy of it in clear in
 * the storage files (asked before the change: the answer tells the user at once).
 */
export async function removalLeavesPlainCopy(profileId?: string): Promise<boolean> {
  return plainCopyOf(await itemsOf(profileId));
}

async function readUnlockedKey(items: KeyItems): Promise<string | undefined> {
  const stored: unknown = await items.unlocked.getValue();
  return typeof stored === 'string' && stored !== '' ? stored : undefined;
}

/** The saved key, for the Payfect client only; undefined when none is saved or it is locked. */
export async function readApiKey(profileId?: string): Promise<string | undefined> {
  return apiKeyOf(await itemsOf(profileId));
}

async function apiKeyOf(items: KeyItems): Promise<string | undefined> {
  const plain = await readPlainKey(items);
  if (plain !== undefined) return plain;
  if ((await readSealedKey(items)) === undefined) return undefined;
  const key = await readUnlockedKey(items);
  if (key === undefined) return undefined;
  const now = Date.now();
  const until = await readUnlockedUntil(items);
  if (until !== undefined && now >= until) {
    // Unused for longer than Lock after (the alarm may not have run yet): locked again.
    await forgetUnlocked(items);
    return undefined;
  }
  await keepUnlockedFrom(items, now, until);
  return key;
}

async function readUnlockedUntil(items: KeyItems): Promise<number | undefined> {
  const stored: unknown = await items.unlockedUntil.getValue();
  return typeof stored === 'number' && Number.isFinite(stored) ? stored : undefined;
}

/*
 * Lock after: an unlocked key is locked again after that long without use, also across
 * worker restarts (storage.session and alarms outlive the worker). Each use moves the end;
 * stored only when it moves by a minute or more, so a busy minute costs one write.
 */
export const KEY_LOCK_ALARM = 'key-lock';
const MOVE_AT_LEAST_MS = 60_000;

async function keepUnlocked(items: KeyItems, key: string): Promise<void> {
  await items.unlocked.setValue(key);
  await keepUnlockedFrom(items, Date.now(), undefined);
}

async function keepUnlockedFrom(items: KeyItems, now: number, until: number | undefined) {
  const minutes = (await readStoredSettings()).lockAfterMinutes;
  if (minutes === 0) {
    if (until !== undefined) await items.unlockedUntil.removeValue();
    return;
  }
  const next = now + minutes * 60_000;
  if (until !== undefined && Math.abs(next - until) < MOVE_AT_LEAST_MS) return;
  await items.unlockedUntil.setValue(next);
  await checkLocksAt(next);
}

async function forgetUnlocked(items: KeyItems): Promise<void> {
  await items.unlocked.removeValue();
  await items.unlockedUntil.removeValue();
}

/** The lock alarm fires at `when` at the latest (one alarm serves every profile). */
async function checkLocksAt(when: number): Promise<void> {
  const existing = await browser.alarms.get(KEY_LOCK_ALARM);
  if (existing !== undefined && existing.scheduledTime <= when) return;
  await browser.alarms.create(KEY_LOCK_ALARM, { when });
}

/** Locks every profile's key unused for longer than Lock after; run by the alarm. */
export async function lockUnusedKeys(now = Date.now()): Promise<void> {
  const stored = await readStoredSettings();
  let earliest: number | undefined;
  for (const profile of stored.profiles) {
    const items = keyItems(profile.id);
    const until = await readUnlockedUntil(items);
    if (until === undefined) continue;
    if (now >= until) await forgetUnlocked(items);
    else earliest = Math.min(earliest ?? until, until);
  }
  if (earliest !== undefined) await browser.alarms.create(KEY_LOCK_ALARM, { when: earliest });
}

async function readKeyMode(items: KeyItems): Promise<KeyMode> {
  const parsed = z.safeParse(KeyModeSchema, await items.mode.getValue());
  return parsed.success ? parsed.data : 'unknown';
}

function lastFour(key: string): string {
  return key.length >= MIN_LENGTH_FOR_LAST4 ? key.slice(-4) : '';
}

/** What the live question (lib/live-question.ts) reads of a profile's key: two reads, no more. */
export async function keyLiveness(
  profileId: string,
): Promise<Pick<KeyStatus, 'mode' | 'liveLinkMade'>> {
  const items = keyItems(profileId);
  const [mode, liveLinkMade] = await Promise.all([
    readKeyMode(items),
    items.liveLinkMade.getValue(),
  ]);
  return liveLinkMade === true ? { mode, liveLinkMade: true } : { mode };
}

export async function keyStatus(profileId?: string): Promise<KeyStatus> {
  return statusOf(await itemsOf(profileId));
}

async function statusOf(items: KeyItems): Promise<KeyStatus> {
  // Side by side: the popup's form waits for getState, which asks this for every profile,
  // and each read is a round trip to the browser process (npm run bench, popup ready).
  const [mode, plain, sealed, unlocked, liveLinkMade, until, written] = await Promise.all([
    readKeyMode(items),
    readPlainKey(items),
    readSealedKey(items),
    readUnlockedKey(items),
    items.liveLinkMade.getValue(),
    readUnlockedUntil(items),
    items.plainWritten.getValue(),
  ]);
  const made = liveLinkMade === true ? { liveLinkMade: true } : {};
  if (plain !== undefined) {
    const last4 = lastFour(plain);
    return last4 === '' ? { set: true, mode, ...made } : { set: true, last4, mode, ...made };
  }
  if (sealed === undefined) return { set: false, mode: 'unknown' };
  // Said of a sealed key only: a plain one is in clear now, which Settings says already.
  const copy = mayHavePlainCopy(written, plain, sealed) ? { plainCopy: true as const } : {};
  const expired = until !== undefined && Date.now() >= until;
  // Past Lock after with the alarm not run yet: gone now, not at the alarm's turn.
  if (expired) await forgetUnlocked(items);
  const lock = unlocked === undefined || expired ? 'locked' : 'unlocked';
  return sealed.last4 === ''
    ? { set: true, mode, lock, ...made, ...copy }
    : { set: true, last4: sealed.last4, mode, lock, ...made, ...copy };
}

function invalidKey(message: string): UiError {
  return { kind: 'invalid_request', message };
}

/** Why a pasted key cannot be a key; the message never repeats it. */
export function checkApiKey(text: string): Result<string, UiError> {
  const key = text.trim();
  if (key === '') return err(invalidKey(t('background.key.empty')));
  if (/\s/.test(key)) {
    return err(invalidKey(t('background.key.spaces')));
  }
  if (key.length > MAX_KEY_LENGTH) {
    return err(invalidKey(t('background.key.tooLong', { max: MAX_KEY_LENGTH })));
  }
  // It travels in an HTTP header, which only takes visible ASCII.
  if (!/^[\x21-\x7e]+$/.test(key)) {
    return err(invalidKey(t('background.key.badCharacters')));
  }
  return ok(key);
}

function checkPassphrase(passphrase: string): Result<string, UiError> {
  return passphrase.length < MIN_PASSPHRASE_LENGTH
    ? err(invalidKey(t('background.key.shortPassphrase', { min: MIN_PASSPHRASE_LENGTH })))
    : ok(passphrase);
}

/**
 * Saves a new key; its mode is unknown until Payfect answers a request made with it. With a
 * passphrase the key is sealed before anything is written: storage.local is a LevelDB whose
 * log keeps overwritten values until it is compacted, so a key written in clear even once
 * may be read from the profile folder long after it was locked.
 */
export async function saveApiKey(
  text: string,
  profileId?: string,
  passphrase?: string,
): Promise<Result<KeyStatus, UiError>> {
  const checked = checkApiKey(text);
  if (!checked.ok) return checked;
  const items = await itemsOf(profileId);
  if (passphrase !== undefined && passphrase !== '') {
    const lock = checkPassphrase(passphrase);
    if (!lock.ok) return err({ ...lock.error, fields: { passphrase: lock.error.message } });
    const key = checked.value;
    await items.sealed.setValue(await sealKey(key, passphrase, lastFour(key)));
    await keepUnlocked(items, key);
    await items.apiKey.removeValue();
    await items.mode.setValue('unknown');
    await items.liveLinkMade.removeValue();
    await items.plainWritten.setValue(false);
    return ok(await statusOf(items));
  }
  // Marked before the write: a worker stopped between the two must not forget the copy.
  await items.plainWritten.setValue(true);
  await items.apiKey.setValue(checked.value);
  // A new key replaces a locked one: its passphrase sealed the old key, not this one.
  await items.sealed.removeValue();
  await forgetUnlocked(items);
  await items.mode.setValue('unknown');
  await items.liveLinkMade.removeValue();
  return ok(await statusOf(items));
}

/** Removes the profile's key, sealed or not, and what was learned about it. */
export async function clearApiKey(profileId?: string): Promise<KeyStatus> {
  const items = await itemsOf(profileId);
  await items.apiKey.removeValue();
  await items.sealed.removeValue();
  await forgetUnlocked(items);
  await items.mode.removeValue();
  await items.liveLinkMade.removeValue();
  await items.plainWritten.removeValue();
  return statusOf(items);
}

export function keyLockedMessage(): string {
  return t('background.keyLocked');
}

/**
 * The key a locked profile's current passphrase opens; a wrong or missing one is refused
 * beside the "Current passphrase" field. Unlocked or not, changing or removing the lock
 * asks for it: someone at an unlocked browser must not be able to re-lock the key with a
 * passphrase of theirs, or take the lock off.
 */
async function openWithCurrent(
  sealed: SealedKey,
  current: string | undefined,
): Promise<Result<string, UiError>> {
  const key =
    current === undefined || current === '' ? undefined : await openSealedKey(sealed, current);
  if (key === undefined) {
    const message = t('background.key.wrongCurrent');
    return err({ ...invalidKey(message), fields: { current: message } });
  }
  return ok(key);
}

/**
 * Seals the key with a passphrase — a new one for a locked key, given the current one — and
 * keeps it unlocked for this browser session. The plain item is removed only once the
 * sealed one is written.
 */
export async function setPassphrase(
  passphrase: string,
  profileId?: string,
  current?: string,
): Promise<Result<KeyStatus, UiError>> {
  const lock = checkPassphrase(passphrase);
  if (!lock.ok) return lock;
  const items = await itemsOf(profileId);
  const sealed = await readSealedKey(items);
  if (sealed !== undefined) {
    const opened = await openWithCurrent(sealed, current);
    if (!opened.ok) return opened;
    await items.sealed.setValue(await sealKey(opened.value, passphrase, lastFour(opened.value)));
    await keepUnlocked(items, opened.value);
    return ok(await statusOf(items));
  }
  const key = await apiKeyOf(items);
  if (key === undefined) {
    return err(
      invalidKey((await statusOf(items)).set ? keyLockedMessage() : t('background.key.saveFirst')),
    );
  }
  // It was in clear until now: kept as a fact, not left to be derived from the plain item.
  await items.plainWritten.setValue(true);
  await items.sealed.setValue(await sealKey(key, passphrase, lastFour(key)));
  await keepUnlocked(items, key);
  await items.apiKey.removeValue();
  return ok(await statusOf(items));
}

/** Unlocks the sealed key until the browser closes. */
export async function unlockKey(
  passphrase: string,
  profileId?: string,
): Promise<Result<KeyStatus, UiError>> {
  const items = await itemsOf(profileId);
  const sealed = await readSealedKey(items);
  if (sealed === undefined) {
    // A stored seal that fails its schema (iterations out of bounds: tampered or broken) is
    // never run; the user is told to save the key again.
    const damaged = (await items.sealed.getValue()) !== null;
    return err(invalidKey(t(damaged ? 'background.key.damagedSeal' : 'background.key.noneLocked')));
  }
  const key = await openSealedKey(sealed, passphrase);
  if (key === undefined) return err(invalidKey(t('background.key.wrongPassphrase')));
  await keepUnlocked(items, key);
  return ok(await statusOf(items));
}

/** Forgets the unlocked key; the sealed one stays. */
export async function lockKey(profileId?: string): Promise<KeyStatus> {
  const items = await itemsOf(profileId);
  await forgetUnlocked(items);
  return statusOf(items);
}

/** Keeps the key unsealed again, as before the lock, given the current passphrase. */
export async function removePassphrase(
  current: string,
  profileId?: string,
): Promise<Result<KeyStatus, UiError>> {
  const items = await itemsOf(profileId);
  const sealed = await readSealedKey(items);
  if (sealed === undefined) return err(invalidKey(t('background.key.noneLocked')));
  const opened = await openWithCurrent(sealed, current);
  if (!opened.ok) return opened;
  const key = opened.value;
  // The user's choice: a key without a passphrase must open without one, so it is written in
  // clear (a device key beside it would not hide it: see README "The key on disk"), and
  // locking it again later says so.
  await items.plainWritten.setValue(true);
  await items.apiKey.setValue(key);
  await items.sealed.removeValue();
  await forgetUnlocked(items);
  return ok(await statusOf(items));
}

/**
 * Records whether `usedKey` is a live or a test key — unless another key was saved while
 * the request was on its way, whose mode this answer says nothing about.
 */
export async function learnKeyMode(
  usedKey: string,
  isLivemode: boolean,
  profileId?: string,
  /** The answer made a link: a live one means the user has made a real payment link. */
  madeLink = false,
): Promise<void> {
  const items = await itemsOf(profileId);
  if ((await apiKeyOf(items)) !== usedKey) return;
  await items.mode.setValue(isLivemode ? 'live' : 'test');
  if (isLivemode && madeLink) await items.liveLinkMade.setValue(true);
}
