import { t } from '../../lib/i18n.ts';
import type { KeyStatus, UiError } from '../../lib/messages.ts';
import {
  createPayfectClient,
  validateBaseUrl,
  type FetchLike,
  type PayfectClient,
} from '../../lib/payfect/index.ts';
import { hostOf, keyHostConfirmed, originNeedingConfirmation } from '../../lib/key-hosts.ts';
import { err, ok, type Result } from '../../lib/result.ts';
import { activeProfile, flatSettings, type Settings } from '../../lib/settings.ts';
import { readStoredSettings } from '../../storage/settings.ts';
import { browserGrantsOrigin } from './host-grant.ts';
import { keyLiveness, keyLockedMessage, keyStatus, readApiKey } from './key-store.ts';
import { profileGone } from './settings-store.ts';

/** What the worker's services take from outside, so tests can fake the network and clock. */
export interface BackgroundDeps {
  readonly fetch?: FetchLike;
  readonly now?: () => number;
  readonly timeoutMs?: number;
  /** Waits out a 429's Retry-After; tests pass one that does not really wait. */
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface Connection {
  readonly client: PayfectClient;
  /** Kept here only to tell, when the answer comes, whether the same key is still saved. */
  readonly apiKey: string;
  readonly settings: Settings;
  /** settings.baseUrl, normalised. */
  readonly baseUrl: string;
  /** The profile whose key and settings these are, and its name now. */
  readonly profileId: string;
  readonly profileName: string;
  /** What the key is known to be, for the live question (lib/live-question.ts). */
  readonly liveness: Pick<KeyStatus, 'mode' | 'liveLinkMade'>;
}

/*
 * Errors are worded in the worker, in the browser's language when they happen; one kept in
 * History or lastCreate stays in that language.
 */
function noKeyError(): UiError {
  return { kind: 'no_key', message: t('background.noKey') };
}

/**
 * Whether the key may go to this (valid) base URL: the live API and loopback always; any
 * other origin only once the user confirmed it in Settings for this profile AND the browser
 * still grants it. Otherwise why not, naming the host.
 */
async function keyHostAllowed(
  baseUrl: string,
  confirmedKeyOrigin: string | undefined,
): Promise<Result<void, UiError>> {
  const needed = originNeedingConfirmation(baseUrl);
  if (needed === undefined) return ok(undefined);
  if (keyHostConfirmed(baseUrl, confirmedKeyOrigin) && (await browserGrantsOrigin(needed))) {
    return ok(undefined);
  }
  return err({
    kind: 'unconfirmed_host',
    message: t('background.unconfirmedHost', { host: hostOf(baseUrl) }),
  });
}

/**
 * A Payfect client for a profile's saved key and base URL (the active profile's when none
 * is named), or why there cannot be one.
 */
/** Account values typed on the options page, not saved: Test connection tries them as they are. */
export interface TypedAccount {
  readonly apiKey?: string | undefined;
  readonly baseUrl: string;
  readonly confirmedKeyOrigin?: string | undefined;
}

export async function connect(
  deps: BackgroundDeps,
  profileId?: string,
  typed?: TypedAccount,
): Promise<Result<Connection, UiError>> {
  const stored = await readStoredSettings();
  const profile =
    profileId === undefined
      ? activeProfile(stored)
      : stored.profiles.find((candidate) => candidate.id === profileId);
  if (profile === undefined) return err(profileGone());
  // Side by side: a create waits for both before anything is sent.
  const [apiKey, liveness] = await Promise.all([
    typed?.apiKey ?? readApiKey(profile.id),
    keyLiveness(profile.id),
  ]);
  if (apiKey === undefined) {
    const locked = (await keyStatus(profile.id)).lock === 'locked';
    return err(locked ? { kind: 'no_key', message: keyLockedMessage() } : noKeyError());
  }
  const settings = flatSettings(stored, profile);
  const base = validateBaseUrl(typed?.baseUrl ?? settings.baseUrl);
  if (!base.ok) {
    return err({
      kind: 'invalid_request',
      message: t('background.fixBaseUrl', { reason: base.error }),
    });
  }
  const allowed = await keyHostAllowed(
    base.value,
    typed === undefined ? profile.confirmedKeyOrigin : typed.confirmedKeyOrigin,
  );
  if (!allowed.ok) return allowed;
  const client = createPayfectClient({
    baseUrl: base.value,
    apiKey,
    ...(deps.fetch === undefined ? {} : { fetch: deps.fetch }),
    ...(deps.timeoutMs === undefined ? {} : { timeoutMs: deps.timeoutMs }),
    ...(deps.now === undefined ? {} : { now: deps.now }),
  });
  return ok({
    client,
    apiKey,
    settings,
    baseUrl: base.value,
    profileId: profile.id,
    profileName: profile.name,
    liveness,
  });
}
