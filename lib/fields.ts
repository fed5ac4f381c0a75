import { z } from 'zod/mini';
import { isCalendarDate } from './calendar-date.ts';
import { t } from './i18n.ts';
import { checkTerms } from './payment-terms.ts';
import { hasHiddenCharacters } from './safe-text.ts';
import { isTaxMode, MAX_TAX_LABEL, parseTaxRate } from './tax.ts';
import { checkRedirectUrl } from './urls.ts';

/*
 * The form's fields outside the items, each described once: where it shows, how it is
 * checked, and where it goes — kept with the link, sent to Payfect, a CSV column, searched,
 * printed on the invoice, kept by a renewal, adopted when the prerendered form hydrates.
 * Everything that lists these fields derives from FIELDS: the draft, order and history
 * schemas, validation, the CSV, search, renewal, the invoice and TOP_FIELDS. To add a field,
 * add an entry (README: "How to add a field").
 *
 * The order of FIELDS is the order on screen.
 */

/** What the checks of a field may need to know besides its value. */
export interface CheckContext {
  /** The API base URL: plain-http redirect URLs are accepted only next to a loopback sandbox. */
  readonly baseUrl: string;
}

/** Where the form shows a field: with the items, or under "More options". */
export type FieldGroup = 'main' | 'more';

/**
 * Where the order and the stored link keep a field: a top-level key (`reference`), a key of
 * the client (`client.name`, who is billed), or nowhere special (currency and network, which
 * the order and the record hold in their own right).
 */
export type Kept = 'top' | 'client' | 'own';

/**
 * What a new payment link for the same invoice does with the field: `copy` it, or copy it
 * with the profile's default for links stored before the field was (`default`).
 */
export type Renewal = 'copy' | 'default';

export interface FieldSpec {
  /** The draft's key, the form field's id (components/Field.tsx fieldId) and its error key. */
  readonly key: string;
  readonly group: FieldGroup;
  readonly kept: Kept;
  /** Its key in the order and the stored link (under `client` when kept there). */
  readonly as: string;
  /** The longest value the order takes. */
  readonly max: number;
  /**
   * Whether drafts and links stored before the field existed lack it: read as empty, and
   * left out of an order while empty.
   */
  readonly added: boolean;
  /** Payfect's request field, when it is sent (empty values are left out where `omitEmpty`). */
  readonly payfect?: { readonly key: string; readonly omitEmpty: boolean };
  /** Its column in the History CSV, placed after the column `after`. */
  readonly csv?: { readonly column: string; readonly after: string };
  /** Whether History's search finds a link by it. */
  readonly search: boolean;
  /** Its label on the form. */
  readonly label: () => string;
  /**
   * Its label among the invoice's details (number, dates, …) when it is printed there; the
   * fields with a place of their own on the sheet (the client, the reference) have none.
   */
  readonly invoice?: () => string;
  readonly renewal: Renewal;
  /** Whether a new form starts from the profile's default (Settings → Defaults). */
  readonly profileDefault: boolean;
  /** A redirect URL: checked again by the background, which sends the key with it. */
  readonly redirect?: true;
  /**
   * Whether an Unpaid invoice's value can be corrected from History (lib/corrections.ts):
   * who is billed and their references, never what was sent to Payfect.
   */
  readonly correctable?: true;
  /** The message for what is wrong with the trimmed value, or undefined. */
  readonly check: (value: string, context: CheckContext) => string | undefined;
}

/** Loose on purpose: "name@host" with no spaces; the client's mail server decides the rest. */
const EMAIL = /^[^\s@]+@[^\s@]+$/u;

export function looksLikeEmail(text: string): boolean {
  return EMAIL.test(text);
}

/** Whether a typed name-like value is safe to print (no bidi/zero-width/control characters). */
export function isPrintable(text: string, { multiline = false } = {}): boolean {
  return !hasHiddenCharacters(multiline ? text.replace(/\r?\n/gu, ' ') : text);
}

/** Text printed on the invoice: within `max` characters, nothing hidden in it. */
function printable(max: number, { multiline = false } = {}) {
  return (value: string): string | undefined => {
    if (value.length > max) return t('validation.maxCharacters', { max });
    if (!isPrintable(value, { multiline })) return t('validation.hiddenText');
    return undefined;
  };
}

export const MAX_REFERENCE_LENGTH = 100;
export const MAX_URL_LENGTH = 2000;
export const MAX_CLIENT_NAME = 200;
export const MAX_CLIENT_EMAIL = 254;
export const MAX_CLIENT_ADDRESS = 500;
export const MAX_PO_NUMBER = 100;
/** VAT numbers are at most 15 characters; other countries' tax numbers leave room. */
export const MAX_CLIENT_TAX_ID = 50;

/** What is wrong with a typed tax rate ("0", "5,5", "8.8751"); an empty one is checked with the mode. */
export function taxRateMessage(value: string): string | undefined {
  if (value === '') return undefined;
  const rate = parseTaxRate(value);
  if (rate.ok) return undefined;
  return rate.error === 'decimals' ? t('validation.taxRateDecimals') : t('validation.taxRate');
}

/** A redirect URL: sent when set, kept for a renewal, defaulted per profile. */
function redirect<K extends string>(key: K, payfect: string, label: () => string) {
  return {
    key,
    label,
    group: 'more',
    kept: 'top',
    as: key,
    max: MAX_URL_LENGTH,
    added: false,
    payfect: { key: payfect, omitEmpty: true },
    search: false,
    renewal: 'default',
    profileDefault: true,
    redirect: true,
    check: (value: string, { baseUrl }: CheckContext) => {
      const checked = checkRedirectUrl(value, baseUrl);
      return checked.ok ? undefined : checked.error;
    },
  } as const;
}

/** What most fields are not: searched, defaulted per profile. */
const PLAIN = { search: false, profileDefault: false } as const;

export const FIELDS = [
  {
    key: 'currency',
    label: () => t('popup.form.currency'),
    group: 'main',
    kept: 'own',
    as: 'currency',
    max: 10,
    added: false,
    ...PLAIN,
    renewal: 'copy',
    profileDefault: true,
    check: (value: string) => (value === '' ? t('validation.chooseCurrency') : undefined),
  },
  {
    key: 'network',
    label: () => t('popup.form.network'),
    group: 'main',
    kept: 'own',
    as: 'network',
    max: 64,
    added: false,
    ...PLAIN,
    renewal: 'copy',
    profileDefault: true,
    check: (value: string) => (value === '' ? t('validation.chooseNetwork') : undefined),
  },
  {
    key: 'clientName',
    label: () => t('popup.form.clientName'),
    group: 'main',
    kept: 'client',
    as: 'name',
    max: MAX_CLIENT_NAME,
    added: true,
    csv: { column: 'client_name', after: 'invoice_number' },
    ...PLAIN,
    search: true,
    renewal: 'copy',
    correctable: true,
    check: printable(MAX_CLIENT_NAME),
  },
  {
    key: 'reference',
    label: () => t('popup.form.reference'),
    group: 'main',
    kept: 'top',
    as: 'reference',
    max: MAX_REFERENCE_LENGTH,
    added: false,
    payfect: { key: 'client_reference_id', omitEmpty: false },
    csv: { column: 'reference', after: 'network' },
    ...PLAIN,
    search: true,
    // The invoice's, unchanged: a new link for it is paid against the same reference.
    renewal: 'copy',
    check: (value: string) =>
      value.length > MAX_REFERENCE_LENGTH
        ? t('validation.maxCharacters', { max: MAX_REFERENCE_LENGTH })
        : undefined,
  },
  {
    key: 'clientEmail',
    label: () => t('popup.form.clientEmail'),
    group: 'more',
    kept: 'client',
    as: 'email',
    max: MAX_CLIENT_EMAIL,
    added: true,
    csv: { column: 'client_email', after: 'client_name' },
    ...PLAIN,
    search: true,
    renewal: 'copy',
    correctable: true,
    check: (value: string) =>
      printable(MAX_CLIENT_EMAIL)(value) ??
      (value === '' || looksLikeEmail(value) ? undefined : t('validation.email')),
  },
  {
    key: 'clientAddress',
    label: () => t('popup.form.clientAddress'),
    group: 'more',
    kept: 'client',
    as: 'address',
    max: MAX_CLIENT_ADDRESS,
    added: true,
    csv: { column: 'client_address', after: 'client_email' },
    ...PLAIN,
    renewal: 'copy',
    correctable: true,
    check: printable(MAX_CLIENT_ADDRESS, { multiline: true }),
  },
  {
    key: 'clientTaxId',
    label: () => t('popup.form.clientTaxId'),
    group: 'more',
    kept: 'client',
    as: 'taxId',
    max: MAX_CLIENT_TAX_ID,
    added: true,
    csv: { column: 'client_tax_id', after: 'client_address' },
    ...PLAIN,
    search: true,
    correctable: true,
    renewal: 'copy',
    check: printable(MAX_CLIENT_TAX_ID),
  },
  {
    key: 'poNumber',
    label: () => t('popup.form.poNumber'),
    group: 'more',
    kept: 'top',
    as: 'poNumber',
    max: MAX_PO_NUMBER,
    added: true,
    csv: { column: 'po_number', after: 'client_tax_id' },
    search: true,
    invoice: () => t('invoice.poNumber'),
    renewal: 'copy',
    profileDefault: false,
    correctable: true,
    check: printable(MAX_PO_NUMBER),
  },
  {
    // Days from the issue date; the background turns them into the invoice's due date.
    key: 'paymentTerms',
    label: () => t('popup.form.paymentTerms'),
    group: 'more',
    kept: 'top',
    as: 'paymentTerms',
    max: 3,
    added: true,
    csv: { column: 'payment_terms_days', after: 'po_number' },
    search: false,
    renewal: 'default',
    profileDefault: true,
    check: (value: string) => (value === '' ? undefined : checkTerms(value)),
  },
  {
    // Empty: the issue date, which the background writes in when it creates the link.
    key: 'supplyDate',
    label: () => t('popup.form.supplyDate'),
    group: 'more',
    kept: 'top',
    as: 'supplyDate',
    max: 10,
    added: true,
    csv: { column: 'supply_date', after: 'payment_terms_days' },
    ...PLAIN,
    correctable: true,
    renewal: 'copy',
    check: (value: string) =>
      value === '' || isCalendarDate(value) ? undefined : t('validation.supplyDate'),
  },
  /*
   * Tax (lib/tax.ts): kept as sent, so the document and a renewal read the same rate; the
   * tax line itself is derived when sending, never stored among the items. Whether Reverse
   * charge has its client tax ID, and a rate with Tax, are checked across fields (lib/draft.ts).
   */
  {
    key: 'taxMode',
    label: () => t('popup.form.taxMode'),
    group: 'more',
    kept: 'top',
    as: 'taxMode',
    max: 10,
    added: true,
    search: false,
    renewal: 'copy',
    profileDefault: true,
    check: (value: string) =>
      value === '' || isTaxMode(value) ? undefined : t('validation.taxMode'),
  },
  {
    key: 'taxRate',
    label: () => t('popup.form.taxRate'),
    group: 'more',
    kept: 'top',
    as: 'taxRate',
    max: 10,
    added: true,
    search: false,
    renewal: 'copy',
    profileDefault: true,
    check: taxRateMessage,
  },
  {
    key: 'taxLabel',
    label: () => t('popup.form.taxLabel'),
    group: 'more',
    kept: 'top',
    as: 'taxLabel',
    max: MAX_TAX_LABEL,
    added: true,
    search: false,
    renewal: 'copy',
    profileDefault: true,
    check: printable(MAX_TAX_LABEL),
  },
  redirect('successUrl', 'success_url', () => t('popup.form.successUrl')),
  redirect('cancelUrl', 'cancel_url', () => t('popup.form.cancelUrl')),
  redirect('callbackUrl', 'callback_url', () => t('popup.form.callbackUrl')),
] as const satisfies readonly FieldSpec[];

export type Field = (typeof FIELDS)[number];
export type FieldKey = Field['key'];

/** The registry's entry for `key`. */
export function fieldSpec(key: FieldKey): Field {
  const field = FIELDS.find((entry) => entry.key === key);
  if (field === undefined) throw new Error(`No field ${key}`);
  return field;
}

/** Every field of the form outside the items, in the order they appear on screen. */
export const TOP_FIELDS: readonly FieldKey[] = FIELDS.map((field) => field.key);

/** The fields under "More options", which opens to show an error in one. */
export const MORE_FIELDS: readonly FieldKey[] = FIELDS.filter((f) => f.group === 'more').map(
  (f) => f.key,
);

/** Fields a new form starts from the profile's defaults, and a profile switch re-defaults. */
export const PROFILE_DEFAULT_FIELDS = FIELDS.filter(
  (field): field is Extract<Field, { profileDefault: true }> => field.profileDefault,
).map((field) => field.key);
export type ProfileDefaultField = (typeof PROFILE_DEFAULT_FIELDS)[number];

/** The redirect URLs (success, cancel, callback). */
export const REDIRECT_FIELDS = FIELDS.filter(
  (field): field is Extract<Field, { redirect: true }> => 'redirect' in field,
).map((field) => field.key);

type Later<F extends Field> = Extract<F, { added: true }>;
type Earlier<F extends Field> = Extract<F, { added: false }>;

/** The fields kept at the top level of the order and the record (reference, URLs, …). */
export type TopKeptField = Extract<Field, { kept: 'top' }>;
/** The fields kept under the order's and the record's `client` (lib/invoice.ts ClientSchema). */
export type ClientField = Extract<Field, { kept: 'client' }>;

type Strings<Required extends string, Optional extends string> = {
  [P in Required]: z.ZodMiniString<string>;
} & { [P in Optional]: z.ZodMiniOptional<z.ZodMiniString<string>> };

function stringsShape<R extends string, O extends string>(
  required: readonly { key: R; max?: number }[],
  optional: readonly { key: O; max?: number }[],
): Strings<R, O> {
  const text = (max: number | undefined) =>
    max === undefined ? z.string() : z.string().check(z.maxLength(max));
  return Object.fromEntries([
    ...required.map(({ key, max }) => [key, text(max)]),
    ...optional.map(({ key, max }) => [key, z.optional(text(max))]),
  ]) as Strings<R, O>;
}

function earlier<F extends Field>(field: F): field is Earlier<F> {
  return !field.added;
}
function later<F extends Field>(field: F): field is Later<F> {
  return field.added;
}
const topKept = FIELDS.filter((f): f is TopKeptField => f.kept === 'top');

/**
 * The draft's text fields as a zod shape (lib/draft.ts adds the items): strings as typed;
 * the fields added later are absent from drafts stored before them.
 */
export function draftFieldsShape() {
  return stringsShape(
    FIELDS.filter(earlier).map((f) => ({ key: f.key })),
    FIELDS.filter(later).map((f) => ({ key: f.key })),
  );
}

function keptKeys<F extends TopKeptField>(fields: readonly F[]) {
  return fields.map((field) => ({ key: field.as as F['as'], max: field.max }));
}

/** The order's top-level kept fields as a zod shape, each within its limit (lib/order.ts). */
export function orderFieldsShape() {
  return stringsShape(keptKeys(topKept.filter(earlier)), keptKeys(topKept.filter(later)));
}

/**
 * The same fields as a stored link reads them (lib/history.ts): liberally, and absent on
 * links stored before they were kept; the reference, kept from the start, is the record's own.
 */
export function recordFieldsShape() {
  const laterKept = topKept.filter(
    (field): field is Exclude<TopKeptField, { as: 'reference' }> => field.as !== 'reference',
  );
  return stringsShape([], keptKeys(laterKept));
}

/** A field's value in a draft: empty in a draft stored before the field existed. */
export function draftValue(
  draft: { readonly [K in FieldKey]?: string | undefined },
  key: FieldKey,
) {
  return draft[key] ?? '';
}

/** What an order or a stored link keeps of a field, or undefined when it holds none. */
export function keptValue(
  kept: { readonly client?: object | undefined },
  field: Field,
): string | undefined {
  const from: object | undefined = field.kept === 'client' ? kept.client : kept;
  const value: unknown =
    from === undefined ? undefined : (from as Record<string, unknown>)[field.as];
  return typeof value === 'string' ? value : undefined;
}
