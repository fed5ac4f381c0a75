import type { PayfectError } from './errors';

/**
 * Removes the API key from every string of an error. Runtime and server text can contain
 * it: undici's "invalid header value" message quotes the whole Authorization header, and a
 * server may echo what it received. Errors end up in the UI, logs and bug reports.
 */
export function redactSecret(error: PayfectError, secret: string): PayfectError {
  if (secret === '') return error;
  const scrub = (text: string) => text.split(secret).join('[redacted]');
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
