/**
 * Settings v2 → v3: the default message template warns which coin and network to pay with
 * and until when. A template the user wrote is theirs and stays; the old default becomes the
 * new one. Both templates are copied here as they were then.
 */
export const version = 3;

const OLD_DEFAULT = '{items} — {total} {currency} ({network}): {url}';
const NEW_DEFAULT = '{items} — {total} {currency}: {url} · {warning} · Valid until {expires}';

export function migrate(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const template: unknown = (value as { messageTemplate?: unknown }).messageTemplate;
  return template === OLD_DEFAULT ? { ...value, messageTemplate: NEW_DEFAULT } : value;
}
