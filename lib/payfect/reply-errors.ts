import { z } from 'zod/mini';
import { flattenDrfErrors } from './drf-errors';
import type { PayfectError } from './errors';
import { parseRetryAfterMs } from './retry-after';
import { DetailBodySchema } from './schemas';

/** What the transport read from a response that was not a success. */
export interface FailedReply {
  readonly status: number;
  readonly headers: Headers;
  /** The body text, or undefined when it was too large to read. */
  readonly text: string | undefined;
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    // An HTML error page from a proxy, say: never echoed back to the user.
    return undefined;
  }
}

function detailOf(body: unknown): string | undefined {
  const parsed = z.safeParse(DetailBodySchema, body);
  return parsed.success ? parsed.data.detail.slice(0, 300) : undefined;
}

/** Maps a non-2xx response to a PayfectError, reading a DRF-style JSON body if there is one. */
export function errorFromReply(reply: FailedReply, nowMs: number): PayfectError {
  const { status } = reply;
  const body = parseJson(reply.text);
  const detail = detailOf(body);
  const known = detail === undefined ? { status } : { status, detail };
  switch (status) {
    case 400:
      return { kind: 'validation', ...known, ...flattenDrfErrors(body) };
    case 401:
      return { kind: 'auth', ...known };
    case 403:
      return { kind: 'forbidden', ...known };
    case 404:
    case 405: // the query endpoint is not there; the caller falls back to expiresAt
      return { kind: 'not_found', ...known };
    case 429: {
      const retryAfterMs = parseRetryAfterMs(reply.headers.get('retry-after'), nowMs);
      return retryAfterMs === undefined
        ? { kind: 'rate_limited', ...known }
        : { kind: 'rate_limited', ...known, retryAfterMs };
    }
    default:
      return { kind: 'server', ...known };
  }
}
