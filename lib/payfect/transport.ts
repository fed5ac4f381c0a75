import { err, ok, type Result } from '../result';
import type { PayfectError } from './errors';
import { readCappedText } from './read-body';

/** The part of `fetch` the client uses; tests pass a fake. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface Reply {
  readonly status: number;
  readonly headers: Headers;
  /** The body text, or undefined when it was larger than allowed. */
  readonly text: string | undefined;
}

export interface Limits {
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
}

const TIMED_OUT = Symbol('timed out');

/** A short description of what fetch threw; undici puts the useful part in `cause`. */
function describeThrown(error: unknown): string {
  if (!(error instanceof Error)) return 'fetch failed';
  const cause: unknown = error.cause;
  let detail = '';
  if (typeof cause === 'object' && cause !== null) {
    if ('code' in cause && typeof cause.code === 'string') detail = ` (${cause.code})`;
    else if (cause instanceof Error && cause.message !== '') detail = ` (${cause.message})`;
  }
  return `${error.message}${detail}`.slice(0, 200);
}

/**
 * One HTTP exchange: fetch, then read the body within the size cap, all within one
 * deadline. Never retries. Each await races the deadline, so even a fetch that ignores
 * its abort signal cannot hang the caller.
 */
export async function exchange(
  fetchImpl: FetchLike,
  url: string,
  init: RequestInit,
  limits: Limits,
): Promise<Result<Reply, PayfectError>> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve(TIMED_OUT);
    }, limits.timeoutMs);
  });
  const timeout = err({ kind: 'timeout', timeoutMs: limits.timeoutMs } as const);

  try {
    const sent = await Promise.race([
      Promise.resolve()
        .then(() => fetchImpl(url, { ...init, signal: controller.signal }))
        .then(
          (response) => ({ response }),
          (error: unknown) => ({ error }),
        ),
      deadline,
    ]);
    if (sent === TIMED_OUT) return timeout;
    if ('error' in sent) return err({ kind: 'network', reason: describeThrown(sent.error) });

    const { response } = sent;
    const body = await Promise.race([
      readCappedText(response, limits.maxResponseBytes, controller.signal),
      deadline,
    ]);
    if (body === TIMED_OUT) return timeout;
    if (body.kind === 'failed') {
      return err({
        kind: 'network',
        status: response.status,
        reason: `connection dropped while reading the response: ${body.reason}`.slice(0, 200),
      });
    }
    const text = body.kind === 'text' ? body.text : undefined;
    return ok({ status: response.status, headers: response.headers, text });
  } finally {
    clearTimeout(timer);
  }
}
