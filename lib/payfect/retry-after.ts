/**
 * The wait a `Retry-After` header asks for, in milliseconds: either delay-seconds ("120")
 * or an HTTP-date ("Wed, 21 Oct 2015 07:28:00 GMT"), per RFC 9110 §10.2.3. Undefined when
 * absent or unreadable, so the caller falls back to its own back-off.
 */
export function parseRetryAfterMs(header: string | null, nowMs: number): number | undefined {
  if (header === null) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // HTTP-dates always name a weekday and end in GMT; this keeps Date.parse from guessing.
  if (!/^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}
