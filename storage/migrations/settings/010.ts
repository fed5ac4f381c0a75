/**
 * Settings v9 → v10: the invoice numbering's record of what was issued leaves the profiles.
 * A prefix is now one series whatever profile uses it, kept in its own item
 * (storage/invoice-numbers.ts) that repairing a damaged profile never sets aside. A step
 * writes only its own item, so each profile's `business.issued` is carried here as
 * `invoiceNumbersCarried` (the highest per prefix over all profiles); the background raises
 * the series' item to it. An entry that is not a whole number from 1 to 999,999,999 is left
 * out: history still proves how far that series went.
 */
export const version = 10;

/* As v7 released it (and v9 kept it). */
const MAX_INVOICE_NUMBER = 999_999_999;

function issuedOf(profile: unknown): Record<string, unknown> {
  if (typeof profile !== 'object' || profile === null) return {};
  const business: unknown = (profile as { business?: unknown }).business;
  if (typeof business !== 'object' || business === null) return {};
  const issued: unknown = (business as { issued?: unknown }).issued;
  return typeof issued === 'object' && issued !== null && !Array.isArray(issued)
    ? (issued as Record<string, unknown>)
    : {};
}

function withoutIssued(profile: unknown): unknown {
  if (typeof profile !== 'object' || profile === null) return profile;
  const business: unknown = (profile as { business?: unknown }).business;
  if (typeof business !== 'object' || business === null) return profile;
  const rest: Record<string, unknown> = { ...business };
  delete rest.issued;
  return { ...profile, business: rest };
}

export function migrate(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const profiles: unknown = (value as { profiles?: unknown }).profiles;
  if (!Array.isArray(profiles)) return value;
  const carried: Record<string, number> = {};
  for (const profile of profiles as unknown[]) {
    for (const [prefix, number] of Object.entries(issuedOf(profile))) {
      if (!Number.isSafeInteger(number)) continue;
      const whole = number as number;
      if (whole < 1 || whole > MAX_INVOICE_NUMBER) continue;
      carried[prefix] = Math.max(carried[prefix] ?? 0, whole);
    }
  }
  return {
    ...value,
    invoiceNumbersCarried: carried,
    profiles: profiles.map(withoutIssued),
  };
}
