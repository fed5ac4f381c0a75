import { t } from './i18n.ts';

/*
 * Payment terms: the days a client has to pay, counted from the issue date. Kept as the
 * days' integer as text ('30'), as the form and the stored link keep every field; '0' is
 * due on receipt.
 */

/** The usual terms, offered by name; any other number of days is typed. */
export const PRESET_TERMS = ['0', '7', '14', '30'] as const;

/** A year: longer terms are surely a typo. */
export const MAX_TERMS_DAYS = 365;

/**
 * A new profile's terms: 30 days is the common default of accounts-payable departments
 * (US), and the period the EU's and the UK's late-payment rules assume when none was agreed.
 */
export const DEFAULT_TERMS = '30';

/** The days of typed terms ("30", " 45 "), or undefined unless a whole number from 0 to 365. */
export function termsDays(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^\d{1,3}$/u.test(trimmed)) return undefined;
  const days = Number(trimmed);
  return days <= MAX_TERMS_DAYS ? days : undefined;
}

/** The message for terms the form cannot take, or undefined. */
export function checkTerms(text: string): string | undefined {
  return termsDays(text) === undefined
    ? t('validation.paymentTerms', { max: MAX_TERMS_DAYS })
    : undefined;
}

/** "Due on receipt", "Net 30", as the document and the choices name them. */
export function termsLabel(days: number): string {
  return days === 0 ? t('terms.dueOnReceipt') : t('terms.net', { days });
}
