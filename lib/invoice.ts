import { z } from 'zod/mini';
import {
  isPrintable,
  looksLikeEmail,
  MAX_CLIENT_ADDRESS,
  MAX_CLIENT_EMAIL,
  MAX_CLIENT_NAME,
  MAX_CLIENT_TAX_ID,
} from './fields.ts';

/*
 * Invoices: who bills whom, under which number. The business details are a profile's (two
 * businesses, two letterheads), stored in its settings (lib/settings.ts) and edited in
 * Settings; the client is typed on the form and kept with the session, never sent to
 * Payfect (its request has no field for it). The document itself is drawn by the invoice
 * page (entrypoints/invoice/) from lib/invoice-document.ts.
 */

export const MAX_BUSINESS_LINE = 200;
export const MAX_ADDRESS_LENGTH = 500;
export const MAX_FOOTER_LENGTH = 1000;
export const MAX_PREFIX_LENGTH = 20;
/** Nine digits: a typo of more is surely not meant, and the number stays exact. */
export const MAX_INVOICE_NUMBER = 999_999_999;

/** The invoice numbers of the first invoices: INV-0001, INV-0002, … */
export const DEFAULT_INVOICE_PREFIX = 'INV-';

const line = z.string().check(z.maxLength(MAX_BUSINESS_LINE));
const InvoiceNumberValue = z.int().check(z.minimum(1), z.maximum(MAX_INVOICE_NUMBER));

export const BusinessSchema = z.object({
  name: line,
  address: z.string().check(z.maxLength(MAX_ADDRESS_LENGTH)),
  taxId: line,
  email: line,
  /** Payment terms, thanks, anything printed at the foot of every invoice. */
  footer: z.string().check(z.maxLength(MAX_FOOTER_LENGTH)),
  /**
   * Printed on a receipt instead of the footer ("Payment due within 7 days" is not a
   * receipt's), and the label of the tax ID ("VAT number"; empty = the language's own,
   * "Tax ID" / 統一編號). Optional: profiles stored before them read as empty, with no
   * migration.
   */
  receiptNote: z.optional(z.string().check(z.maxLength(MAX_FOOTER_LENGTH))),
  taxIdLabel: z.optional(line),
  invoicePrefix: z.string().check(z.maxLength(MAX_PREFIX_LENGTH)),
  /**
   * The number this profile's next link gets, at least: the series of its prefix may be further
   * on (storage/invoice-numbers.ts holds how far each series went).
   */
  nextInvoiceNumber: InvoiceNumberValue,
});
export type Business = z.infer<typeof BusinessSchema>;

export const DEFAULT_BUSINESS: Business = {
  name: '',
  address: '',
  taxId: '',
  email: '',
  footer: '',
  invoicePrefix: DEFAULT_INVOICE_PREFIX,
  nextInvoiceNumber: 1,
};

/** "INV-0001": four digits at least, so numbers sort as text up to 9999. */
export function formatInvoiceNumber(prefix: string, number: number): string {
  return `${prefix}${String(number).padStart(4, '0')}`;
}

/**
 * How far each series went: the highest number issued under each prefix, whichever profile
 * issued it. A prefix is one series: two profiles with the same prefix share its numbers.
 */
export const HighWaterSchema = z.record(z.string(), InvoiceNumberValue);
export type HighWater = z.infer<typeof HighWaterSchema>;

/** The lowest number that may be issued next under `prefix`. */
export function lowestNextNumber(highWater: HighWater, prefix: string): number {
  return (highWater[prefix] ?? 0) + 1;
}

/**
 * The value the profile's next link will most likely get (3), to show before it is issued.
 * The background raises every profile of a series when one of them issues a number.
 */
export function nextInvoiceValue(business: Business, highWater: HighWater = {}): number {
  return Math.max(business.nextInvoiceNumber, lowestNextNumber(highWater, business.invoicePrefix));
}

/** The number the next link will most likely get ("INV-0003"). */
export function nextInvoiceNumber(business: Business, highWater: HighWater = {}): string {
  return formatInvoiceNumber(business.invoicePrefix, nextInvoiceValue(business, highWater));
}

/**
 * Whether a number is left to issue under the current prefix: none is past 999,999,999 (it
 * could not be stored); another prefix starts anew.
 */
export function hasInvoiceNumberLeft(business: Business, highWater: HighWater = {}): boolean {
  return nextInvoiceValue(business, highWater) <= MAX_INVOICE_NUMBER;
}

/** An invoice number as issued: its text, and the prefix and value it was made of. */
export interface IssuedNumber {
  readonly number: string;
  readonly prefix: string;
  readonly value: number;
  /** What the high-water held for the prefix before, to give the number back exactly. */
  readonly before: number | undefined;
}

/** The number the next link gets, and the business details and series after issuing it. */
export function issueInvoiceNumber(
  business: Business,
  highWater: HighWater,
): { issued: IssuedNumber; business: Business; highWater: HighWater } {
  const prefix = business.invoicePrefix;
  const value = nextInvoiceValue(business, highWater);
  return {
    issued: {
      number: formatInvoiceNumber(prefix, value),
      prefix,
      value,
      before: highWater[prefix],
    },
    business: { ...business, nextInvoiceNumber: Math.min(value + 1, MAX_INVOICE_NUMBER) },
    highWater: { ...highWater, [prefix]: value },
  };
}

/**
 * The business details and series with a number given back, or undefined when a later number
 * was issued in the series (or Next invoice number was changed) since: then it stays
 * consumed, never reissued.
 */
export function releasedInvoiceNumber(
  business: Business,
  highWater: HighWater,
  { prefix, value, before }: IssuedNumber,
): { business: Business; highWater: HighWater } | undefined {
  if (highWater[prefix] !== value || business.nextInvoiceNumber !== value + 1) return undefined;
  const series = Object.fromEntries(Object.entries(highWater).filter(([name]) => name !== prefix));
  if (before !== undefined) series[prefix] = before;
  return { business: { ...business, nextInvoiceNumber: value }, highWater: series };
}

/** The higher of two records for each prefix: a series only ever goes up. */
export function raisedHighWater(...records: readonly HighWater[]): HighWater {
  const raised: HighWater = {};
  for (const record of records) {
    for (const [prefix, value] of Object.entries(record)) {
      raised[prefix] = Math.max(raised[prefix] ?? 0, value);
    }
  }
  return raised;
}

/**
 * What issued numbers ("INV-0042") prove about each series, as a floor for a damaged or lost
 * record. A prefix may end in digits, so "A10001" is A1's 1 or A's 10001: both count, since
 * a floor set too high only skips numbers, while one too low would issue one again.
 */
export function highWaterFloor(numbers: Iterable<string | undefined>): HighWater {
  const floor: HighWater = {};
  for (const number of numbers) {
    const digits = /\d+$/.exec(number ?? '')?.[0] ?? '';
    for (let start = 0; digits.length - start >= 4; start += 1) {
      const rest = digits.slice(start);
      // Only a split formatInvoiceNumber could have made: four digits, or no leading zero.
      if (rest.length > 4 && rest.startsWith('0')) continue;
      const value = Number(rest);
      const prefix = (number ?? '').slice(0, (number ?? '').length - rest.length);
      if (value < 1 || value > MAX_INVOICE_NUMBER || prefix.length > MAX_PREFIX_LENGTH) continue;
      floor[prefix] = Math.max(floor[prefix] ?? 0, value);
    }
  }
  return floor;
}

/** Who is billed: typed on the form (lib/fields.ts), kept with the session; all optional. */
export const ClientSchema = z.object({
  name: z.string().check(z.maxLength(MAX_CLIENT_NAME)),
  email: z.string().check(z.maxLength(MAX_CLIENT_EMAIL)),
  address: z.string().check(z.maxLength(MAX_CLIENT_ADDRESS)),
  /** Their VAT or other tax number; absent on clients kept before it, and while empty. */
  taxId: z.optional(z.string().check(z.maxLength(MAX_CLIENT_TAX_ID))),
});
export type Client = z.infer<typeof ClientSchema>;

/** Nobody named: the keys every kept client has (those added later are left out while empty). */
export const EMPTY_CLIENT: Client = { name: '', email: '', address: '' };

export function isEmptyClient(client: Client | undefined): boolean {
  return (
    client === undefined ||
    (client.name === '' &&
      client.email === '' &&
      client.address === '' &&
      (client.taxId ?? '') === '')
  );
}

/*
 * A logo: a small image the options page has already scaled down (at most 600×240 px) and
 * encoded as a data URL. Its own storage item per profile, so the popup's state stays small.
 */
export const MAX_LOGO_LENGTH = 200_000;
export const LogoSchema = z
  .string()
  .check(
    z.maxLength(MAX_LOGO_LENGTH),
    z.regex(/^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/=]+$/u),
  );

/** Business details as typed in Settings. */
export type BusinessForm = Business;

/** What Settings may say about a business field: a sentence per field key (`business.email`). */
export type BusinessErrors = Record<string, string>;

const PREFIX = /^[\p{L}\p{N} ._/#-]*$/u;

/** The business details as typed, trimmed, or a message per field key (`business.email`). */
export function checkBusiness(
  typed: BusinessForm,
  messages: {
    tooLong: (max: number) => string;
    hidden: string;
    email: string;
    prefix: string;
    number: (max: number) => string;
  },
): { ok: true; value: BusinessForm } | { ok: false; error: BusinessErrors } {
  const errors: BusinessErrors = {};
  const business: BusinessForm = {
    name: typed.name.trim(),
    address: typed.address.trim(),
    taxId: typed.taxId.trim(),
    email: typed.email.trim(),
    footer: typed.footer.trim(),
    // Optional: a profile saved before they existed stays as it was.
    ...(typed.receiptNote === undefined ? {} : { receiptNote: typed.receiptNote.trim() }),
    ...(typed.taxIdLabel === undefined ? {} : { taxIdLabel: typed.taxIdLabel.trim() }),
    invoicePrefix: typed.invoicePrefix.trim(),
    nextInvoiceNumber: typed.nextInvoiceNumber,
  };
  const limits = {
    name: MAX_BUSINESS_LINE,
    address: MAX_ADDRESS_LENGTH,
    taxId: MAX_BUSINESS_LINE,
    email: MAX_BUSINESS_LINE,
    footer: MAX_FOOTER_LENGTH,
    receiptNote: MAX_FOOTER_LENGTH,
    taxIdLabel: MAX_BUSINESS_LINE,
    invoicePrefix: MAX_PREFIX_LENGTH,
  } as const;
  for (const [field, max] of Object.entries(limits) as [keyof typeof limits, number][]) {
    const value = business[field] ?? '';
    const multiline = field === 'address' || field === 'footer' || field === 'receiptNote';
    if (value.length > max) errors[`business.${field}`] = messages.tooLong(max);
    else if (!isPrintable(value, { multiline })) errors[`business.${field}`] = messages.hidden;
  }
  if (
    business.email !== '' &&
    errors['business.email'] === undefined &&
    !looksLikeEmail(business.email)
  ) {
    errors['business.email'] = messages.email;
  }
  if (errors['business.invoicePrefix'] === undefined && !PREFIX.test(business.invoicePrefix)) {
    errors['business.invoicePrefix'] = messages.prefix;
  }
  const number = typed.nextInvoiceNumber;
  if (!Number.isSafeInteger(number) || number < 1 || number > MAX_INVOICE_NUMBER) {
    errors['business.nextInvoiceNumber'] = messages.number(MAX_INVOICE_NUMBER);
  }
  return Object.keys(errors).length === 0
    ? { ok: true, value: business }
    : { ok: false, error: errors };
}

/**
 * The checked business details as stored: the numbering never goes back, so a Next invoice
 * number at or below one already issued in the prefix's series is raised past it (Settings
 * says so), and no number is ever issued twice.
 */
export function withIssued(form: BusinessForm, highWater: HighWater): Business {
  return {
    ...form,
    // At most the largest number: with it issued too, the prefix has none left to issue.
    nextInvoiceNumber: Math.min(MAX_INVOICE_NUMBER, nextInvoiceValue(form, highWater)),
  };
}

/** Which document the invoice page draws: the invoice, or (for a paid link) its receipt. */
export type DocumentKind = 'invoice' | 'receipt';

/** The invoice page's path for a session (entrypoints/invoice/), for a link or a tab. */
export function invoicePagePath(sessionId: string, kind: DocumentKind): string {
  const query = new URLSearchParams({ session: sessionId, kind });
  return `/invoice.html?${query.toString()}`;
}
