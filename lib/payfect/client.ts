import { z } from 'zod/mini';
import { err, type Result } from '../result';
import type { PayfectError } from './errors';
import { checkoutFromText } from './parse-checkout';
import { redactSecret } from './redact';
import { errorFromReply } from './reply-errors';
import { CreateCheckoutRequestSchema, type Checkout, type CreateCheckoutRequest } from './schemas';
import { exchange, type FetchLike } from './transport';
import { validateBaseUrl } from './url-safety';
import { fieldErrorsFromIssues } from './zod-issues';

export interface PayfectClientOptions {
  /** e.g. https://api.payfect.finance/api/v1, or a loopback sandbox URL. */
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly fetch?: FetchLike;
  /** For the whole exchange, body included. */
  readonly timeoutMs?: number;
  readonly maxResponseBytes?: number;
  /** The clock, for Retry-After dates. */
  readonly now?: () => number;
}

export interface PayfectClient {
  createCheckout(request: CreateCheckoutRequest): Promise<Result<Checkout, PayfectError>>;
  getCheckout(id: string): Promise<Result<Checkout, PayfectError>>;
}

type Outcome = Promise<Result<Checkout, PayfectError>>;

/**
 * Why a key cannot go into a header at all; the message never repeats the key. Kept as the
 * error's `detail`, for developers (English): the user reads errors.authMissing instead.
 */
function apiKeyProblem(apiKey: string): string | undefined {
  if (apiKey === '') return 'No API key is set.';
  if (!/^[\x21-\x7e]+$/.test(apiKey)) {
    return 'The API key contains spaces or characters that cannot be sent.';
  }
  return undefined;
}

/**
 * The Payfect HTTP client. Only the background worker creates one: it is the only
 * holder of the key. Failures come back as PayfectError values, never as exceptions.
 */
export function createPayfectClient(options: PayfectClientOptions): PayfectClient {
  const base = validateBaseUrl(options.baseUrl);
  const fetchImpl: FetchLike = options.fetch ?? ((url, init) => globalThis.fetch(url, init));
  const limits = {
    timeoutMs: options.timeoutMs ?? 15_000,
    maxResponseBytes: options.maxResponseBytes ?? 1_000_000,
  };
  const now = options.now ?? Date.now;

  async function call(method: 'GET' | 'POST', path: string, body?: string): Outcome {
    // Never send the key over plain http to a remote host, whatever is in storage.
    if (!base.ok) return err({ kind: 'network', reason: base.error });
    const keyProblem = apiKeyProblem(options.apiKey);
    if (keyProblem !== undefined) return err({ kind: 'auth', detail: keyProblem });

    const headers: Record<string, string> = {
      Authorization: `Api-Key ${options.apiKey}`,
      Accept: 'application/json',
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const reply = await exchange(
      fetchImpl,
      `${base.value}${path}`,
      // A redirect could carry the key elsewhere, and means a wrong base URL anyway.
      { method, headers, body, redirect: 'error', credentials: 'omit', cache: 'no-store' },
      limits,
    );
    if (!reply.ok) return reply;

    const { status, text } = reply.value;
    if (status < 200 || status > 299) return err(errorFromReply(reply.value, now()));
    if (text === undefined) {
      return err({ kind: 'malformed_response', status, reason: 'response too large' });
    }
    return checkoutFromText(text, status, base.value);
  }

  async function redacted(outcome: Outcome): Outcome {
    const result = await outcome;
    return result.ok ? result : err(redactSecret(result.error, options.apiKey));
  }

  async function create(request: CreateCheckoutRequest): Outcome {
    // An invalid request is a bug upstream (the form validates first): refuse, send nothing.
    const parsed = z.safeParse(CreateCheckoutRequestSchema, request);
    if (!parsed.success) {
      return err({ kind: 'validation', ...fieldErrorsFromIssues(parsed.error.issues) });
    }
    // Sent exactly once, never retried: no idempotency key is documented, so a second
    // POST after a timeout or 5xx could create a second checkout session.
    return call('POST', '/checkouts/', JSON.stringify(parsed.data));
  }

  async function get(id: string): Outcome {
    // "." and ".." survive encodeURIComponent and would climb out of /checkouts/.
    if (id === '' || id === '.' || id === '..') {
      return err({
        kind: 'validation',
        fields: [{ path: 'id', messages: ['Invalid id.'] }],
        messages: [],
      });
    }
    // Not retried here either: on 429 the caller waits retryAfterMs and polls again.
    const result = await call('GET', `/checkouts/${encodeURIComponent(id)}/`);
    if (result.ok && result.value.id !== id) {
      return err({ kind: 'malformed_response', reason: 'the response is for another checkout' });
    }
    return result;
  }

  return {
    createCheckout: (request) => redacted(create(request)),
    getCheckout: (id) => redacted(get(id)),
  };
}
