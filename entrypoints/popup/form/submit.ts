import type { SessionRecord } from '../../../lib/history.ts';
import type { Order } from '../../../lib/order.ts';
import { readLastCreate } from '../../../storage/last-create.ts';
import { ask } from '../../../utils/ask.ts';
import { backgroundSilent, formErrorFrom, type FormError } from './form-error.ts';

export type SubmitOutcome =
  | { readonly kind: 'created'; readonly requestId: string; readonly session: SessionRecord }
  | { readonly kind: 'pending'; readonly requestId: string; readonly startedAt: number }
  | { readonly kind: 'failed'; readonly error: FormError }
  /** The worker would make a first live link unasked: the question to ask (nothing was sent). */
  | { readonly kind: 'ask'; readonly question: string };

/** Tells the background the outcome is on screen, so a reopened popup does not show it again. */
export function dismiss(requestId: string): void {
  ask({ type: 'dismissLastCreate', requestId }).catch((error: unknown) => {
    console.error('Could not dismiss the last create', error);
  });
}

/** Whose key, and whether the user answered the live question for this very submission. */
interface CreateFor {
  readonly profileId?: string | undefined;
  readonly liveConfirmed?: boolean | undefined;
}

/**
 * Asks the background to create one checkout. The request id is chosen here, once per
 * submission: the background creates at most one session per id.
 */
export async function submitOrder(order: Order, target: CreateFor = {}): Promise<SubmitOutcome> {
  const requestId = crypto.randomUUID();
  try {
    return await askToCreate(requestId, order, target);
  } catch (error) {
    console.error(error);
    return recoverFromSilence(requestId, order, target);
  }
}

/**
 * `profileId` is the profile the form showed: the link is made with its key even if
 * another window switched profiles meanwhile.
 */
async function askToCreate(
  requestId: string,
  order: Order,
  { profileId, liveConfirmed }: CreateFor,
): Promise<SubmitOutcome> {
  const answer = await ask({
    type: 'createCheckout',
    requestId,
    order,
    ...(profileId === undefined ? {} : { profileId }),
    ...(liveConfirmed === true ? { liveConfirmed } : {}),
  });
  if (answer.ok) return { kind: 'created', requestId, session: answer.session };
  // Refused before anything was recorded for the id: nothing to dismiss.
  if (answer.error.kind === 'live_unconfirmed')
    return { kind: 'ask', question: answer.error.message };
  dismiss(requestId);
  return { kind: 'failed', error: formErrorFrom(answer.error) };
}

/** The background went quiet, but may have taken the request first: its record says. */
async function recoverFromSilence(
  requestId: string,
  order: Order,
  target: CreateFor,
): Promise<SubmitOutcome> {
  const last = await readLastCreate().catch(() => null);
  if (last === null || last.requestId !== requestId) {
    return { kind: 'failed', error: backgroundSilent() };
  }
  switch (last.state) {
    case 'done':
      return { kind: 'created', requestId, session: last.session };
    case 'pending':
      // Most likely the worker was stopped mid-request. Asking again with the same id wakes
      // it and is safe: a live worker joins the request it has, a restarted one answers
      // that the outcome is unknown, and neither sends it twice.
      return askToCreate(requestId, order, target).catch(() => ({
        kind: 'pending',
        requestId,
        startedAt: last.startedAt,
      }));
    case 'failed':
      dismiss(requestId);
      return { kind: 'failed', error: formErrorFrom(last.error) };
  }
}
