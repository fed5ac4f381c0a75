import type { PayfectError } from './errors';

/**
 * Removes the API key from every string of an error. Runtime and server text can contain
 * it: undici's "invalid header value" message quotes the whole Authorization header, and a
 * server may echo what it received. Errors end up in the UI, logs and bug reports.
 */
/** An echo this long of any part of the key is taken for the key (a prefix, a tail, a middle). */
export const MIN_ECHO = 8;

/**
 * `text` with the key removed: whole, in any letter case, and any run of MIN_ECHO or more
 * characters of it (a server that echoes "pfk_live_4f2a…" cut short, or upper-cased).
 */
export function scrubSecret(text: string, secret: string): string {
  if (secret === '') return text;
  const haystack = text.toLowerCase();
  const key = secret.toLowerCase();
  const shortest = Math.min(MIN_ECHO, key.length);
  const hidden: [number, number][] = [];
  for (let at = 0; at < haystack.length; at += 1) {
    let longest = 0;
    for (let from = 0; from < key.length; from += 1) {
      let length = 0;
      while (
        at + length < haystack.length &&
        from + length < key.length &&
        haystack[at + length] === key[from + length]
      ) {
        length += 1;
      }
      longest = Math.max(longest, length);
    }
    if (longest >= shortest) {
      hidden.push([at, at + longest]);
      at += longest - 1;
    }
  }
  let scrubbed = '';
  let kept = 0;
  for (const [start, end] of hidden) {
    scrubbed += `${text.slice(kept, start)}[redacted]`;
    kept = end;
  }
  return scrubbed + text.slice(kept);
}

export function redactSecret(error: PayfectError, secret: string): PayfectError {
  if (secret === '') return error;
  const scrub = (text: string) => scrubSecret(text, secret);
  const base = error.detail === undefined ? error : { ...error, detail: scrub(error.detail) };
  switch (base.kind) {
    case 'validation':
      return {
        ...base,
        messages: base.messages.map(scrub),
        fields: base.fields.map((field) => ({
          path: scrub(field.path),
          messages: field.messages.map(scrub),
        })),
      };
    case 'network':
      return base.reason === undefined ? base : { ...base, reason: scrub(base.reason) };
    case 'malformed_response':
      return { ...base, reason: scrub(base.reason) };
    default:
      return base;
  }
}
