import { z } from 'zod/mini';
import {
  draftFieldsShape,
  draftValue,
  FIELDS,
  PROFILE_DEFAULT_FIELDS,
  type FieldKey,
  type ProfileDefaultField,
} from './fields.ts';
import { t } from './i18n.ts';
import {
  currencyDecimals,
  formatDecimal,
  isZero,
  multiply,
  parseDecimal,
  sum,
  type Decimal,
  type MoneyError,
} from './money.ts';
import {
  MAX_DESCRIPTION_LENGTH,
  MAX_ITEMS,
  MAX_NAME_LENGTH,
  MAX_QUANTITY,
  type Order,
  type OrderItem,
} from './order.ts';
import { OFFERED_MARKERS } from './currency-markers.ts';
import { EMPTY_CLIENT, isEmptyClient, type Client } from './invoice.ts';
import { err, ok, type Result } from './result.ts';
import { hasHiddenCharacters } from './safe-text.ts';
import { picked, type Settings } from './settings.ts';
import { invoiceTotals, parseTaxRate, takesTaxLine, type InvoiceTotals } from './tax.ts';

/** One line item exactly as typed: strings, so nothing the user wrote is ever reformatted away. */
export const DraftItemSchema = z.object({
  name: z.string(),
  description: z.string(),
  unitPrice: z.string(),
  quantity: z.string(),
});
export type DraftItem = z.infer<typeof DraftItemSchema>;

/**
 * The popup form as typed, saved on every keystroke so a closed popup loses nothing: the
 * items and the fields of lib/fields.ts (those added later are absent from older drafts).
 */
export const DraftSchema = z.object({
  items: z.array(DraftItemSchema).check(z.minLength(1)),
  ...draftFieldsShape(),
});
export type Draft = z.infer<typeof DraftSchema>;
export const EMPTY_ITEM: DraftItem = { name: '', description: '', unitPrice: '', quantity: '1' };

export function emptyDraft(settings: Settings, reference: string): Draft {
  const draft: Draft = { items: [{ ...EMPTY_ITEM }], ...settingsDefaults(settings), reference };
  return draft;
}

/** The fields a new form takes from the profile's defaults (Settings → Defaults). */
export function settingsDefaults(
  settings: Pick<Settings, ProfileDefaultField>,
): Pick<Settings, ProfileDefaultField> {
  return picked(settings, PROFILE_DEFAULT_FIELDS);
}

/**
 * Whether any item has a price typed: the prices that a change of the form's currency would
 * silently reprice (9,000 TWD read as 9,000 USDT), so what comes into the form in another
 * currency — a saved template, selected text — must not change it then.
 */
export function hasPricedItems(draft: Draft): boolean {
  return draft.items.some((item) => item.unitPrice.trim() !== '');
}

/** Field keys as the form names them: `items.0.unitPrice`, `reference`, `clientEmail`, … */
export type FieldErrors = Record<string, string>;

function moneyMessage(error: MoneyError): string {
  switch (error.kind) {
    case 'empty':
      return t('validation.price.empty');
    case 'negative':
      return t('validation.price.negative');
    case 'exponent':
      return t('validation.price.exponent');
    case 'separator':
      return t('validation.price.separator');
    case 'too_many_decimals':
      return error.maxDecimals === 0
        ? t('validation.price.noDecimals')
        : t('validation.price.maxDecimals', { max: error.maxDecimals });
    case 'too_large':
      return t('validation.price.tooLarge');
    case 'invalid':
      return t('validation.price.invalid');
  }
}

/** "1,234.50": commas between groups of three, then a point and the decimals. */
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
/**
 * "15.000,50", "1.000.000", "12,5": the other convention, with a decimal comma. A lone
 * "1.000" stays one (with decimals), as the form has always read it.
 */
const DECIMAL_COMMA = /^(?:\d{1,3}(?:\.\d{3})+,\d*|\d{1,3}(?:\.\d{3}){2,}|\d+,\d{1,2})$/;
/** A marker before or after the number: "NT$4,500", "$ 80", "4500 TWD", "USDT 80". */
const MARKED = /^(\D*?)\s*([-+]?[\d.,]*\d[\d.,]*)\s*(\D*)$/;

/**
 * A unit price as people type it — the same forms findAmount reads in selected text. Both
 * UI languages (en, zh-TW) write 1,234.50, so commas between groups of three are read as
 * grouping ("15,000"); "15.000,50" and "12,5" (a decimal comma) are refused with their own
 * reason rather than guessed at. A currency marker is accepted when it is the form's own
 * ("$80" on a USD form, "NT$4,500" on a TWD one) and refused otherwise: "$80" on a USDT
 * form is never taken as 80 USDT. Anything else goes to parseDecimal, which says what is
 * wrong.
 */
function priceDigits(text: string, currency: string): Result<string, string> {
  const trimmed = text.normalize('NFKC').trim();
  const marked = MARKED.exec(trimmed);
  let digits = trimmed;
  if (marked && (marked[1] !== '' || marked[3] !== '') && !/e/i.test(trimmed)) {
    const [, before = '', number = '', after = ''] = marked;
    if (before !== '' && after !== '') return err(t('validation.price.invalid'));
    const marker = (before || after).trim().toUpperCase();
    const named = OFFERED_MARKERS[marker];
    if (named === undefined) return err(t('validation.price.invalid'));
    if (named !== currency) {
      return err(
        t('validation.price.otherCurrency', {
          marker: (before || after).trim(),
          currency: named.toUpperCase(),
          form: currency.toUpperCase(),
        }),
      );
    }
    digits = number;
  }
  if (GROUPED.test(digits)) return ok(digits.replaceAll(',', ''));
  if (DECIMAL_COMMA.test(digits)) return err(t('validation.price.decimalComma'));
  return ok(digits);
}

export function parseUnitPrice(text: string, currency: string): Result<Decimal, string> {
  const digits = priceDigits(text, currency);
  if (!digits.ok) return digits;
  const parsed = parseDecimal(digits.value, { maxDecimals: currencyDecimals(currency) });
  if (!parsed.ok) return err(moneyMessage(parsed.error));
  if (isZero(parsed.value)) return err(t('validation.price.zero'));
  return parsed;
}

export function parseQuantity(text: string): Result<number, string> {
  const trimmed = text.normalize('NFKC').trim();
  if (trimmed === '') return err(t('validation.quantity.empty'));
  if (!/^\d+$/.test(trimmed)) {
    return err(
      /^-/.test(trimmed) ? t('validation.quantity.atLeastOne') : t('validation.quantity.whole'),
    );
  }
  const quantity = Number(trimmed);
  if (quantity < 1) return err(t('validation.quantity.atLeastOne'));
  if (quantity > MAX_QUANTITY) return err(t('validation.quantity.max', { max: MAX_QUANTITY }));
  return ok(quantity);
}

function validateItem(item: DraftItem, currency: string, errors: FieldErrors, prefix: string) {
  const name = item.name.trim();
  if (name === '') errors[`${prefix}.name`] = t('validation.itemName');
  else if (hasHiddenCharacters(name)) errors[`${prefix}.name`] = t('validation.hiddenCharacters');
  else if (name.length > MAX_NAME_LENGTH) {
    errors[`${prefix}.name`] = t('validation.maxCharacters', { max: MAX_NAME_LENGTH });
  }
  const description = item.description.trim();
  if (description.length > MAX_DESCRIPTION_LENGTH) {
    errors[`${prefix}.description`] = t('validation.maxCharacters', {
      max: MAX_DESCRIPTION_LENGTH,
    });
  }
  const price = parseUnitPrice(item.unitPrice, currency);
  if (!price.ok) errors[`${prefix}.unitPrice`] = price.error;
  const quantity = parseQuantity(item.quantity);
  if (!quantity.ok) errors[`${prefix}.quantity`] = quantity.error;
  if (!price.ok || !quantity.ok || errors[`${prefix}.name`] || errors[`${prefix}.description`]) {
    return undefined;
  }
  const line: OrderItem = {
    name,
    description,
    unitAmount: formatDecimal(price.value),
    quantity: quantity.value,
  };
  return line;
}

export interface ValidateOptions {
  /** The API base URL: plain-http redirect URLs are accepted only next to a loopback sandbox. */
  readonly baseUrl: string;
}

/** The items as an order's lines, or each item's errors by field key (`items.0.name`). */
export function validateItems(draft: Draft): Result<OrderItem[], FieldErrors> {
  const errors: FieldErrors = {};
  const limit = itemLimit(draft);
  if (draft.items.length > limit) {
    errors.items =
      limit < MAX_ITEMS
        ? t('validation.maxItemsWithTax', { max: limit, limit: MAX_ITEMS })
        : t('validation.maxItems', { max: MAX_ITEMS });
  }
  const items = draft.items.map((item, index) =>
    validateItem(item, draft.currency, errors, `items.${index}`),
  );
  const lines = items.filter((item): item is OrderItem => item !== undefined);
  if (Object.keys(errors).length > 0 || lines.length !== draft.items.length) return err(errors);
  return ok(lines);
}

/** The items a link may have: Payfect's lines, less the one the tax takes (lib/tax.ts). */
export function itemLimit(draft: Pick<Draft, 'taxMode'>): number {
  return takesTaxLine(draftValue(draft, 'taxMode')) ? MAX_ITEMS - 1 : MAX_ITEMS;
}

/**
 * What the tax fields say together (lib/tax.ts): Tax needs a rate, and Reverse charge the
 * client's tax ID, which the client accounts for the tax under.
 */
export function taxErrors(
  values: Readonly<Record<'taxMode' | 'taxRate' | 'clientTaxId', string>>,
): FieldErrors {
  const mode = values.taxMode;
  if (mode === 'tax' && values.taxRate === '') return { taxRate: t('validation.taxRateNeeded') };
  if (mode === 'reverse' && values.clientTaxId === '') {
    return { clientTaxId: t('validation.reverseChargeNeedsTaxId') };
  }
  return {};
}

/**
 * Checks every field at once, so the form can show each message beside its field, and
 * returns the order to send only when nothing is wrong.
 */
export function validateDraft(draft: Draft, options: ValidateOptions): Result<Order, FieldErrors> {
  const items = validateItems(draft);
  const errors: FieldErrors = items.ok ? {} : { ...items.error };
  const values = trimmedFields(draft);
  for (const field of FIELDS) {
    const message = field.check(values[field.key], options);
    if (message !== undefined) errors[field.key] = message;
  }
  Object.assign(errors, { ...taxErrors(values), ...errors });
  if (!items.ok || Object.keys(errors).length > 0) return err(errors);
  const rate = parseTaxRate(values.taxRate);
  if (rate.ok) values.taxRate = rate.value;
  return ok(orderOf(items.value, values));
}

/** Every field's value as it goes into an order: trimmed, and empty where a draft lacks it. */
function trimmedFields(draft: Draft): Record<FieldKey, string> {
  return Object.fromEntries(
    FIELDS.map((field) => [field.key, draftValue(draft, field.key).trim()]),
  ) as Record<FieldKey, string>;
}

/**
 * The order of valid lines and fields: each field where lib/fields.ts keeps it; a field added
 * later, and the client, are left out while empty. An empty reference gets the link's invoice
 * number from the background, so every session can be reconciled.
 */
function orderOf(items: OrderItem[], values: Record<FieldKey, string>): Order {
  const top: Record<string, string> = {};
  const client: Record<string, string> = {};
  for (const field of FIELDS) {
    const value = values[field.key];
    if (field.kept === 'client') {
      if (value !== '' || field.as in EMPTY_CLIENT) client[field.as] = value;
    } else if (field.kept === 'top' && (value !== '' || !field.added)) top[field.as] = value;
  }
  const billed = client as Client;
  return {
    items,
    currency: values.currency,
    network: values.network,
    ...(top as Omit<Order, 'items' | 'currency' | 'network' | 'client'>),
    ...(isEmptyClient(billed) ? {} : { client: billed }),
  };
}

/** The exact total of the lines that are valid so far, or undefined while none is. */
export function draftTotal(draft: Draft): string | undefined {
  const lines: Decimal[] = [];
  for (const item of draft.items) {
    const price = parseUnitPrice(item.unitPrice, draft.currency);
    const quantity = parseQuantity(item.quantity);
    if (price.ok && quantity.ok) lines.push(multiply(price.value, quantity.value));
  }
  if (lines.length === 0) return undefined;
  return formatDecimal(sum(lines), 2);
}

/**
 * Net, tax and gross of the lines valid so far with the typed tax, while a rate that reads
 * makes tax apply; undefined otherwise (the form shows its plain total).
 */
export function draftTax(draft: Draft): InvoiceTotals | undefined {
  if (takesTaxLine(draft.taxMode) && !parseTaxRate(draftValue(draft, 'taxRate')).ok) {
    return undefined;
  }
  const items = draft.items.flatMap((item) => {
    const price = parseUnitPrice(item.unitPrice, draft.currency);
    const quantity = parseQuantity(item.quantity);
    return price.ok && quantity.ok
      ? [{ unitAmount: formatDecimal(price.value), quantity: quantity.value }]
      : [];
  });
  if (items.length === 0) return undefined;
  const totals = invoiceTotals({ ...draft, items, currency: draft.currency });
  return totals.mode === 'tax' ? totals : undefined;
}

const API_FIELD: Readonly<Record<string, string>> = {
  'price_data.unit_amount': 'unitPrice',
  'price_data.product_data.name': 'name',
  'price_data.product_data.description': 'description',
  quantity: 'quantity',
};

const API_TOP_FIELD: Readonly<Record<string, string>> = {
  ...Object.fromEntries(
    FIELDS.flatMap((field) => ('payfect' in field ? [[field.payfect.key, field.key]] : [])),
  ),
  currency: 'currency',
  'payment_method_data.paymentMethodDetail.network': 'network',
  'payment_method_data.paymentMethodDetail.currency': 'currency',
};

/** Maps a Payfect error path (`invoice_items.0.price_data.unit_amount`) onto the form field. */
export function fieldForApiPath(path: string): string | undefined {
  const item = /^invoice_items\.(\d+)\.(.+)$/.exec(path);
  if (item) {
    const field = API_FIELD[item[2] ?? ''];
    return field ? `items.${item[1]}.${field}` : undefined;
  }
  return API_TOP_FIELD[path];
}
