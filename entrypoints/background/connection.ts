import { t } from '../../lib/i18n.ts';
import type { ResponseFor } from '../../lib/messages.ts';
import { learnKeyMode, keyStatus } from './key-store.ts';
import { connect, type BackgroundDeps } from './payfect-api.ts';
import { uiErrorFromPayfect } from './ui-error.ts';

/**
 * Checks the key and base URL without creating anything: asks for a checkout that cannot
 * exist (a fresh random id). Payfect authenticates before it looks the id up, so "not found"
 * means the key was accepted, and a bad key is a 401. (A wrong base URL that happens to
 * answer 404 looks connected too; the first create would then say so.)
 */
export async function testConnection(
  deps: BackgroundDeps,
  profileId?: string,
): Promise<ResponseFor<'testConnection'>> {
  const connection = await connect(deps, profileId);
  if (!connection.ok) return { ok: false, error: connection.error };
  const { client, apiKey } = connection.value;
  const result = await client.getCheckout(crypto.randomUUID());
  if (result.ok && result.value.isLivemode !== undefined) {
    await learnKeyMode(apiKey, result.value.isLivemode, connection.value.profileId);
  }
  if (result.ok || result.error.kind === 'not_found') {
    return {
      ok: true,
      mode: (await keyStatus(connection.value.profileId)).mode,
      message: t('background.connected'),
    };
  }
  return { ok: false, error: uiErrorFromPayfect(result.error) };
}
