import { t } from '../../lib/i18n.ts';
import { hostOf } from '../../lib/key-hosts.ts';
import type { ResponseFor } from '../../lib/messages.ts';
import type { Checkout, PayfectError } from '../../lib/payfect/index.ts';
import type { Result } from '../../lib/result.ts';
import { learnKeyMode, keyStatus } from './key-store.ts';
import { connect, type BackgroundDeps } from './payfect-api.ts';
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
): Promise<ResponseFor<'testConnection'>> {
  const connection = await connect(deps, profileId);
  if (!connection.ok) return { ok: false, error: connection.error };
  const { client, apiKey, baseUrl } = connection.value;
  const host = hostOf(baseUrl);
  const result = await client.getCheckout(crypto.randomUUID());
  if (result.ok && result.value.isLivemode !== undefined) {
    await learnKeyMode(apiKey, result.value.isLivemode, connection.value.profileId);
  }
  if (answeredLikePayfect(result)) {
    return {
      ok: true,
      mode: (await keyStatus(connection.value.profileId)).mode,
      message: t('background.connected', { host }),
    };
  }
  // A key refused, a timeout or no network is said as such; only an answer is "not Payfect".
  if (
    !result.ok &&
    result.error.kind !== 'not_found' &&
    result.error.kind !== 'malformed_response'
  ) {
    return { ok: false, error: uiErrorFromPayfect(result.error) };
  }
  return {
    ok: false,
    error: { kind: 'malformed_response', message: t('background.notPayfect', { host }) },
  };
}
