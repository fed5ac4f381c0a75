import type { ResponseFor } from '../../../lib/messages.ts';
import { ask } from '../../../utils/ask.ts';
import type { ConfirmLive } from './useLiveConfirm.ts';

/**
 * A new link for the invoice of `sessionId` (New payment link, Copy reminder of an expired
 * link). When the worker refuses it as the profile's first live link unasked, the question is
 * put and, answered, the same request goes again carrying that answer; nothing was sent the
 * first time, so the same id is safe. Undefined: the user cancelled, and nothing was sent.
 */
export async function renewAsking(
  requestId: string,
  sessionId: string,
  confirmLive: ConfirmLive,
): Promise<ResponseFor<'renewCheckout'> | undefined> {
  const answer = await ask({ type: 'renewCheckout', requestId, sessionId });
  if (answer.ok || answer.error.kind !== 'live_unconfirmed') return answer;
  if (!(await confirmLive(answer.error.message))) return undefined;
  return ask({ type: 'renewCheckout', requestId, sessionId, liveConfirmed: true });
}
