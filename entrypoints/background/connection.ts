import { t } from '../../lib/i18n.ts';
import { hostOf } from '../../lib/key-hosts.ts';
import type { ResponseFor, UiError } from '../../lib/messages.ts';
import type { Checkout, PayfectError } from '../../lib/payfect/index.ts';
import type { Result } from '../../lib/result.ts';
import { learnKeyMode, keyStatus } from './key-store.ts';
import { connect, type BackgroundDeps, type Connection, type TypedAccount } from './payfect-api.ts';
import { uiErrorFromPayfect } from './ui-error.ts';

/**
 * Whether the probe's answer is shaped like Payfect's: a checkout the client's zod schema
 * accepted, or the 404 with a JSON `{"detail": …}` body Payfect (Django REST Framework)
 * gives an unknown id. A 404 HTML page, a bare 404 or `{}` is some other server.
 */
function answeredLikePayfect(result: Result<Checkout, PayfectError>): boolean {
  return result.ok || (result.error.kind === 'not_found' && result.error.detail !== undefined);
}

/**
 * Checks the key and base URL without creating anything: asks for a checkout that cannot
 * exist (a fresh random id). Payfect authenticates before it looks the id up, so its "not
 * found" means the key was accepted, and a bad key is a 401. The answer names the host, so a
 * look-alike base URL is seen for what it is.
 */
export async function testConnection(
  deps: BackgroundDeps,
  profileId?: string,
  typed?: TypedAccount,
): Promise<ResponseFor<'testConnection'>> {
  const connection = await connect(deps, profileId, typed);
  if (!connection.ok) return { ok: false, error: saidOnSettings(connection.error, typed) };
  const { client, apiKey, baseUrl } = connection.value;
  const host = hostOf(baseUrl);
  const result = await client.getCheckout(crypto.randomUUID());
  // Only the saved key's mode is learned: a typed one may never be saved.
  if (result.ok && result.value.isLivemode !== undefined && typed?.apiKey === undefined) {
    await learnKeyMode(apiKey, result.value.isLivemode, connection.value.profileId);
  }
  if (answeredLikePayfect(result)) {
    return {
      ok: true,
      mode:
        typed?.apiKey === undefined
          ? (await keyStatus(connection.value.profileId)).mode
          : typedKeyMode(result),
      message: t('background.connected', { host }),
    };
  }
  // A key refused, a timeout or no network is said as such; only an answer is "not Payfect".
  if (
    !result.ok &&
    result.error.kind !== 'not_found' &&
    result.error.kind !== 'malformed_response'
  ) {
    return { ok: false, error: saidOnSettings(uiErrorFromPayfect(result.error), typed) };
  }
  return {
    ok: false,
    error: { kind: 'malformed_response', message: t('background.notPayfect', { host }) },
  };
}

/** The mode a typed (unsaved) key showed in its answer, without storing it. */
function typedKeyMode(result: Awaited<ReturnType<Connection['client']['getCheckout']>>) {
  if (!result.ok || result.value.isLivemode === undefined) return 'unknown' as const;
  return result.value.isLivemode ? ('live' as const) : ('test' as const);
}

/**
 * Test connection is pressed on the Settings page: its answers point at the fields there
 * ("above"), never "check it in Settings".
 */
function saidOnSettings(error: UiError, typed: TypedAccount | undefined): UiError {
  if (error.kind === 'auth') return { ...error, message: t('background.keyRefusedHere') };
  const host = typed === undefined ? undefined : hostOfTyped(typed.baseUrl);
  if (error.kind === 'unconfirmed_host' && host !== undefined) {
    return { ...error, message: t('background.unconfirmedHostHere', { host }) };
  }
  return error;
}

function hostOfTyped(baseUrl: string): string | undefined {
  try {
    return new URL(baseUrl).host;
  } catch {
    return undefined;
  }
}
