import type { ResponseFor } from '../../lib/messages.ts';
import { learnKeyMode, keyStatus } from './key-store.ts';
import { connect, type BackgroundDeps } from './payfect-api.ts';
import { uiErrorFromPayfect } from './ui-error.ts';

const CONNECTED = 'Connected — Payfect accepted the key.';

/**
 * Checks the key and base URL without creating anything: asks for a checkout that cannot
 * exist (a fresh random id). Payfect authenticates before it looks the id up, so "not found"
 * means the key was accepted, and a bad key is a 401. (A wrong base URL that happens to
 * answer 404 looks connected too; the first create would then say so.)
 */
export async function testConnection(deps: BackgroundDeps): Promise<ResponseFor<'testConnection'>> {
  const connection = await connect(deps);
  if (!connection.ok) return { ok: false, error: connection.error };
  const { client, apiKey } = connection.value;
  const result = await client.getCheckout(crypto.randomUUID());
  if (result.ok && result.value.isLivemode !== undefined) {
    await learnKeyMode(apiKey, result.value.isLivemode);
  }
  if (result.ok || result.error.kind === 'not_found') {
    return { ok: true, mode: (await keyStatus()).mode, message: CONNECTED };
  }
  return { ok: false, error: uiErrorFromPayfect(result.error) };
}
