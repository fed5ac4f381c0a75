/*
 * The longest wait we pass on. A server asking for more (a bug, a hostile or confused proxy:
 * "Retry-After: 1000000000", or a date years away) would otherwise have the user told to
 * "try again in 16666667 minutes"; an hour is as long as any real throttle window we know,
 * and the user can always try sooner.
 */
export const MAX_RETRY_AFTER_MS = 60 * 60 * 1000;

/**
 * The wait a `Retry-After` header asks for, in milliseconds: either delay-seconds ("120")
 * or an HTTP-date ("Wed, 21 Oct 2015 07:28:00 GMT"), per RFC 9110 §10.2.3, at most
 * MAX_RETRY_AFTER_MS. Undefined when absent or unreadable, so the caller falls back to its
 * own back-off.
 */
export function parseRetryAfterMs(header: string | null, nowMs: number): number | undefined {
  const wait = requestedWaitMs(header, nowMs);
  return wait === undefined ? undefined : Math.min(wait, MAX_RETRY_AFTER_MS);
}

function requestedWaitMs(header: string | null, nowMs: number): number | undefined {
  if (header === null) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // HTTP-dates always name a weekday and end in GMT; this keeps Date.parse from guessing.
  if (!/^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}
