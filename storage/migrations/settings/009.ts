/**
 * Settings v8 → v9: every profile gets payment terms (`paymentTerms`, days as text), from
 * which an invoice's due date is counted. A footer that already states terms ("Payment due
 * within 7 days", "Net 14", "7 天內付款", "Due on receipt") keeps them, so the due date
 * printed beside it agrees with it; otherwise 30 days, the default accounts-payable
 * departments expect and the EU's and UK's late-payment rules assume when none was agreed.
 */
export const version = 9;

/* Frozen: the terms v9 gave a profile whose footer says none. */
const UNSTATED_TERMS = '30';

const STATED: readonly RegExp[] = [
  /\bnet\s*(\d{1,3})\b/iu,
  /\bwithin\s+(\d{1,3})\s*(?:calendar\s+)?days?\b/iu,
  /(\d{1,3})\s*(?:天|日)(?:內|之內|以內)/u,
];
const ON_RECEIPT = /\b(?:due\s+(?:up)?on|upon)\s+receipt\b|收到.{0,4}即付/iu;

/** The days a footer states, as text, or undefined when it states none (or more than a year). */
function statedTerms(footer: string): string | undefined {
  if (ON_RECEIPT.test(footer)) return '0';
  for (const pattern of STATED) {
    const days = pattern.exec(footer)?.[1];
    if (days !== undefined && Number(days) <= 365) return String(Number(days));
  }
  return undefined;
}

function footerOf(profile: object): string {
  const business: unknown = (profile as { business?: unknown }).business;
  const footer: unknown =
    typeof business === 'object' && business !== null
      ? (business as { footer?: unknown }).footer
      : undefined;
  return typeof footer === 'string' ? footer : '';
}

export function migrate(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const profiles: unknown = (value as { profiles?: unknown }).profiles;
  if (!Array.isArray(profiles)) return value;
  return {
    ...value,
    profiles: profiles.map((profile: unknown) =>
      typeof profile === 'object' && profile !== null
        ? { ...profile, paymentTerms: statedTerms(footerOf(profile)) ?? UNSTATED_TERMS }
        : profile,
    ),
  };
}
