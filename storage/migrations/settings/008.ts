/**
 * Settings v7 → v8: every profile gets tax defaults for its invoices (issue 23, item 6): no
 * tax, no rate, and the neutral label "Tax" (lib/tax.ts says why not "VAT"). Nothing was taxed
 * before, so "No tax" keeps every invoice as it was.
 */
export const version = 8;

/* The tax defaults as v8 released them. */
const NO_TAX = { taxMode: 'none', taxRate: '', taxLabel: 'Tax' };

export function migrate(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const profiles: unknown = (value as { profiles?: unknown }).profiles;
  if (!Array.isArray(profiles)) return value;
  return {
    ...value,
    profiles: profiles.map((profile: unknown) =>
      typeof profile === 'object' && profile !== null ? { ...NO_TAX, ...profile } : profile,
    ),
  };
}
