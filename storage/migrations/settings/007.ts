/**
 * Settings v6 → v7: every profile gets business details for its invoices: empty, with the
 * numbering starting at INV-0001. Nothing was invoiced before, so nothing is issued. A
 * passphrase-locked key is locked again after an hour without use (`lockAfterMinutes`).
 */
export const version = 7;

/* Empty business details as v7 released them. */
const EMPTY_BUSINESS = {
  name: '',
  address: '',
  taxId: '',
  email: '',
  footer: '',
  invoicePrefix: 'INV-',
  nextInvoiceNumber: 1,
};

export function migrate(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const profiles: unknown = (value as { profiles?: unknown }).profiles;
  if (!Array.isArray(profiles)) return value;
  return {
    ...value,
    lockAfterMinutes: 60,
    profiles: profiles.map((profile: unknown) =>
      typeof profile === 'object' && profile !== null
        ? { ...profile, business: { ...EMPTY_BUSINESS, issued: {} } }
        : profile,
    ),
  };
}
