/**
 * Saved items v1 → v2: templates gain `currency`, null for every one saved before (the
 * form's currency then is not known, and guessing it is how 12,000 TWD became 12,000 USDT).
 */
export const version = 2;

export function migrate(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  return value.map((entry: unknown) =>
    typeof entry === 'object' && entry !== null && !Array.isArray(entry) && !('currency' in entry)
      ? { ...entry, currency: null }
      : entry,
  );
}
