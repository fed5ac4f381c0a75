/** Everything a route needs from its sandbox instance, and the session lifecycle actions. */
import { err, ok, type Result } from '../../lib/result.ts';
import { CallbackSender, callbackPayload } from './callback.ts';
import {
  effectiveStatus,
  presentCheckout,
  type CheckoutObject,
  type StoredCheckout,
} from './checkout-object.ts';
import type { Clock } from './clock.ts';
import type { SandboxConfig } from './config.ts';
import type { FaultQueue } from './faults.ts';
import type { CheckoutStore } from './store.ts';

/** One API request as it arrived (control routes and the hosted page are not recorded). */
export interface RecordedRequest {
  readonly method: string;
  /** Path and query string as received, e.g. "/api/v1/checkouts/". */
  readonly path: string;
  /** Header names lower-cased, values as received (Authorization included: it is a sandbox). */
  readonly headers: Readonly<Record<string, string>>;
  /** The body as text ('' when empty or over the size limit). */
  readonly bodyText: string;
  /** The body parsed as JSON; undefined when empty or not JSON. */
  readonly json: unknown;
  /** Sandbox clock, unix milliseconds. */
  readonly receivedAt: number;
}

export type LifecycleRefusal = 'not_found' | 'complete' | 'expired';

export interface SandboxContext {
  readonly config: SandboxConfig;
  readonly origin: string;
  readonly apiBaseUrl: string;
  readonly clock: Clock;
  readonly store: CheckoutStore;
  readonly faults: FaultQueue;
  readonly requests: RecordedRequest[];
  readonly callbacks: CallbackSender;
  /** Aborted when the sandbox closes: pending latency and streams stop. */
  readonly closing: AbortSignal;
}

export function present(context: SandboxContext, checkout: StoredCheckout): CheckoutObject {
  return presentCheckout(checkout, context.clock.now(), context.origin);
}

/**
 * Completes an open session, as the hosted page's Pay button does, then sends the callback
 * (if the session has a callback_url) without waiting for it.
 */
export function payCheckout(
  context: SandboxContext,
  id: string,
): Result<CheckoutObject, LifecycleRefusal> {
  const checkout = context.store.get(id);
  if (checkout === undefined) return err('not_found');
  const now = context.clock.now();
  const status = effectiveStatus(checkout, now);
  if (status !== 'open') return err(status);
  const paid: StoredCheckout = { ...checkout, status: 'complete', updatedAtMs: now };
  context.store.put(paid);
  if (paid.callbackUrl !== null) context.callbacks.send(paid.callbackUrl, callbackPayload(paid));
  return ok(present(context, paid));
}

/** Expires an open session now, without moving the clock. */
export function expireCheckout(
  context: SandboxContext,
  id: string,
): Result<CheckoutObject, LifecycleRefusal> {
  const checkout = context.store.get(id);
  if (checkout === undefined) return err('not_found');
  const now = context.clock.now();
  const status = effectiveStatus(checkout, now);
  if (status === 'complete') return err('complete');
  const expired: StoredCheckout = {
    ...checkout,
    status: 'expired',
    updatedAtMs: now,
    expiresAtMs: Math.min(checkout.expiresAtMs, now),
  };
  context.store.put(expired);
  return ok(present(context, expired));
}

export function refusalDetail(refusal: LifecycleRefusal): string {
  switch (refusal) {
    case 'not_found':
      return 'Not found.';
    case 'complete':
      return 'This checkout is already paid.';
    case 'expired':
      return 'This checkout has expired.';
  }
}
