import type { UiError } from '../../lib/messages.ts';
import {
  createPayfectClient,
  validateBaseUrl,
  type FetchLike,
  type PayfectClient,
} from '../../lib/payfect/index.ts';
import { err, ok, type Result } from '../../lib/result.ts';
import type { Settings } from '../../lib/settings.ts';
import { readSettings } from '../../lib/settings-storage.ts';
import { KEY_LOCKED_MESSAGE, keyStatus, readApiKey } from './key-store.ts';

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
}

export const NO_KEY: UiError = {
  kind: 'no_key',
  message: 'Add your Payfect API key in Settings first.',
};

/** A Payfect client for the saved key and base URL, or why there cannot be one. */
export async function connect(deps: BackgroundDeps): Promise<Result<Connection, UiError>> {
  const apiKey = await readApiKey();
  if (apiKey === undefined) {
    const locked = (await keyStatus()).lock === 'locked';
    return err(locked ? { kind: 'no_key', message: KEY_LOCKED_MESSAGE } : NO_KEY);
  }
  const settings = await readSettings();
  const base = validateBaseUrl(settings.baseUrl);
  if (!base.ok) {
    return err({
      kind: 'invalid_request',
      message: `Fix the API base URL in Settings: ${base.error}`,
    });
  }
  const client = createPayfectClient({
    baseUrl: base.value,
    apiKey,
    ...(deps.fetch === undefined ? {} : { fetch: deps.fetch }),
    ...(deps.timeoutMs === undefined ? {} : { timeoutMs: deps.timeoutMs }),
    ...(deps.now === undefined ? {} : { now: deps.now }),
  });
  return ok({ client, apiKey, settings, baseUrl: base.value });
}
