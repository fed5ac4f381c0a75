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
 * characters of it (a server that echoes "pfk_live_4f2a…" cut short, or upper-cased) — and
 * the same in every encoding a server or runtime may echo it in (secretForms).
 */
export function scrubSecret(text: string, secret: string): string {
  if (secret === '') return text;
  return secretForms(secret).reduce((scrubbed, form) => scrubRuns(scrubbed, form), text);
}

interface SecretForm {
  readonly text: string;
  /** The shortest run of it taken for an echo: as many bytes of the key as MIN_ECHO. */
  readonly min: number;
}

/**
 * The key as written, and as base64 and base64url (at each of the three byte offsets it may
 * sit at inside a longer encoded value, such as an encoded "Authorization: Api-Key …"
 * header), hex and percent-encoding. Matched without regard to case: over-redacting a
 * base64 run that differs only in case costs nothing.
 */
function secretForms(secret: string): SecretForm[] {
  const bytes = new TextEncoder().encode(secret);
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  const forms: SecretForm[] = [
    { text: secret, min: Math.min(MIN_ECHO, secret.length) },
    { text: encodeURIComponent(secret), min: Math.min(MIN_ECHO, secret.length) },
    { text: hex.replace(/../gu, '%$&'), min: MIN_ECHO * 3 },
    { text: hex, min: MIN_ECHO * 2 },
  ];
  for (const shift of [0, 1, 2]) {
    const shifted = new Uint8Array(shift + bytes.length);
    shifted.set(bytes, shift);
    const encoded = btoa(String.fromCharCode(...shifted));
    // Only the characters made of the key's bytes alone: not the shift's, not the padding's.
    const whole = encoded.slice(Math.ceil((shift * 4) / 3), Math.floor(shifted.length / 3) * 4);
    const min = Math.ceil((MIN_ECHO * 4) / 3);
    forms.push(
      { text: whole, min },
      { text: whole.replaceAll('+', '-').replaceAll('/', '_'), min },
    );
  }
  const seen = new Set<string>();
  return forms.filter(({ text }) => {
    const key = text.toLowerCase();
    if (text === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** `text` with every run of `min` or more characters of `form` replaced, in any case. */
function scrubRuns(text: string, { text: form, min }: SecretForm): string {
  const haystack = text.toLowerCase();
  const key = form.toLowerCase();
  const shortest = Math.min(min, key.length);
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
