/**
 * The notification Payfect POSTs to a session's callback_url once it is paid. Sent fire and
 * forget with a short timeout: a receiver that is down or slow never breaks the payment.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { StoredCheckout } from './checkout-object.ts';

/** The documented payload, snake_case. */
export interface CallbackPayload {
  id: string;
  amount: string;
  status: 'succeeded';
  currency: string;
  merchant: string;
  is_livemode: boolean;
  payment_intent: string;
  payment_method: {
    id: string;
    payment_method_detail: { network: string; currency: string };
  };
  client_reference_id: string | null;
}

export interface CallbackAttempt {
  readonly url: string;
  readonly payload: CallbackPayload;
  readonly signature: string;
  /** The receiver's HTTP status, once it answered. */
  status?: number;
  /** Why it failed (timeout, refused connection), if it did. */
  error?: string;
}

export function callbackPayload(checkout: StoredCheckout): CallbackPayload {
  return {
    id: checkout.id,
    amount: checkout.amountTotal,
    status: 'succeeded',
    currency: checkout.currency,
    merchant: checkout.merchant.id,
    is_livemode: false,
    payment_intent: checkout.paymentIntent,
    payment_method: {
      id: checkout.paymentMethodId,
      payment_method_detail: { network: checkout.network, currency: checkout.paymentCurrency },
    },
    client_reference_id: checkout.clientReferenceId,
  };
}

export class CallbackSender {
  readonly attempts: CallbackAttempt[] = [];
  readonly #pending = new Set<Promise<void>>();
  readonly #closing = new AbortController();
  // Real Payfect signs with a Fernet token (the payload encrypted with the merchant's
  // secret key). The sandbox's signature is an opaque HMAC: receivers must not rely on it.
  readonly #secret = randomBytes(32);
  readonly #timeoutMs: number;
  readonly #log: (line: string) => void;

  constructor(timeoutMs: number, log: (line: string) => void) {
    this.#timeoutMs = timeoutMs;
    this.#log = log;
  }

  send(url: string, payload: CallbackPayload): CallbackAttempt {
    const body = JSON.stringify(payload);
    const signature = createHmac('sha256', this.#secret).update(body).digest('base64url');
    const attempt: CallbackAttempt = { url, payload, signature };
    this.attempts.push(attempt);
    const delivery = this.#deliver(attempt, body).finally(() => this.#pending.delete(delivery));
    this.#pending.add(delivery);
    return attempt;
  }

  async #deliver(attempt: CallbackAttempt, body: string): Promise<void> {
    try {
      const response = await fetch(attempt.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-payfect-signature': attempt.signature,
          'user-agent': 'payfect-sandbox',
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.any([this.#closing.signal, AbortSignal.timeout(this.#timeoutMs)]),
      });
      attempt.status = response.status;
      await response.body?.cancel();
      this.#log(`callback POST ${attempt.url} ${response.status}`);
    } catch (error) {
      attempt.error = describeFailure(error);
      this.#log(`callback POST ${attempt.url} failed: ${attempt.error}`);
    }
  }

  /** Resolves once every callback sent so far has been answered or has failed. */
  async settled(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all([...this.#pending]);
  }

  /** Stops every delivery in flight (the sandbox is closing). */
  abort(): void {
    this.#closing.abort();
  }
}

function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message;
}
