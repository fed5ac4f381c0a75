import {
  currencyDecimals,
  formatDecimal,
  multiply,
  parseDecimal,
  sum,
  type Decimal,
} from './money.ts';
import { err, ok, type Result } from './result.ts';

/*
 * Tax on an invoice (issue 23, item 6). Prices are net; the tax is worked out once per invoice
 * on the net total (not per line, so it never differs from rate × net by a rounding per line),
 * rounded half-up to the currency's decimals, and sent to Payfect as one more line item so its
 * total is net + tax. Everything here is exact decimal text: no float ever holds an amount or
 * a rate.
 */

/** No tax; tax at a rate; or reverse charge (the client accounts for it: 0 %, a statement). */
export const TAX_MODES = ['none', 'tax', 'reverse'] as const;
export type TaxMode = (typeof TAX_MODES)[number];

/** "20", "5.5", "8.875": a percentage with at most three decimals, above 0, at most 100. */
export const MAX_TAX_RATE_DECIMALS = 3;
export const MAX_TAX_LABEL = 30;

/*
 * A word, not a country's tax: "VAT" would be wrong for a US or Taiwan freelancer and 營業稅
 * for an EU one, and a stored default must not depend on the language the browser had the day
 * it was written. The user types theirs once in Settings → Invoices.
 */
export const DEFAULT_TAX_LABEL = 'Tax';

export function isTaxMode(value: string): value is TaxMode {
  return (TAX_MODES as readonly string[]).includes(value);
}

/** A stored or typed mode; empty or unknown (a record from before tax) is no tax. */
export function taxModeOf(value: string | undefined): TaxMode {
  return value !== undefined && isTaxMode(value) ? value : 'none';
}

export type TaxRateError = 'empty' | 'invalid' | 'decimals' | 'range';

/** A typed rate ("20", "5.5 %") as canonical text ("20", "5.5"), or why it is not one. */
export function parseTaxRate(text: string): Result<string, TaxRateError> {
  const trimmed = text.trim().replace(/\s*%$/u, '');
  if (trimmed === '') return err('empty');
  const parsed = parseDecimal(trimmed, { maxIntegerDigits: 3 });
  if (!parsed.ok) {
    return err(
      parsed.error.kind === 'too_large' || parsed.error.kind === 'negative' ? 'range' : 'invalid',
    );
  }
  const rate = parsed.value;
  if (rate.scale > MAX_TAX_RATE_DECIMALS) return err('decimals');
  if (rate.units === 0n || rate.units > 100n * 10n ** BigInt(rate.scale)) return err('range');
  return ok(formatDecimal(rate));
}

/**
 * `value` × `percent` / 100, rounded half-up to `decimals`: an exact product of two decimals,
 * then one division by a power of ten with its remainder looked at (all non-negative).
 */
export function percentOf(value: Decimal, percent: Decimal, decimals: number): Decimal {
  const numerator = value.units * percent.units * 10n ** BigInt(decimals);
  const denominator = 10n ** BigInt(value.scale + percent.scale + 2);
  const quotient = numerator / denominator;
  const remainder = numerator % denominator;
  return { units: 2n * remainder >= denominator ? quotient + 1n : quotient, scale: decimals };
}

/** What invoiceTotals reads: a stored link, an order, or a draft made into one. */
export interface TaxedLike {
  readonly items: readonly { readonly unitAmount: string; readonly quantity: number }[];
  /** The items' currency (the order's; a record's `itemsCurrency ?? currency`). */
  readonly currency: string;
  readonly taxMode?: string | undefined;
  readonly taxRate?: string | undefined;
  readonly taxLabel?: string | undefined;
}

/** An invoice's amounts as decimal text in its items' currency; rate '0' without tax. */
export interface InvoiceTotals {
  readonly mode: TaxMode;
  readonly net: string;
  readonly tax: string;
  readonly gross: string;
  readonly rate: string;
  readonly label: string;
}

/** Shown with at least two decimals, as the form's total is, but never more than it has. */
function shown(value: Decimal, decimals: number): string {
  return formatDecimal(value, Math.min(2, decimals));
}

function exact(text: string): Decimal | undefined {
  const parsed = parseDecimal(text);
  return parsed.ok ? parsed.value : undefined;
}

/**
 * Net, tax and gross of an invoice. A stored rate that does not read (damaged data) counts as
 * no tax rather than as a guess; an unreadable price counts as 0, as the document's rows do.
 */
export function invoiceTotals(invoice: TaxedLike): InvoiceTotals {
  const decimals = currencyDecimals(invoice.currency);
  const net = sum(
    invoice.items.map((item) =>
      multiply(exact(item.unitAmount) ?? { units: 0n, scale: 0 }, item.quantity),
    ),
  );
  const label = invoice.taxLabel?.trim() || DEFAULT_TAX_LABEL;
  const mode = taxModeOf(invoice.taxMode);
  const rate = mode === 'tax' ? parseTaxRate(invoice.taxRate ?? '') : undefined;
  if (rate === undefined || !rate.ok) {
    const zero = shown({ units: 0n, scale: 0 }, decimals);
    const none = mode === 'reverse' ? 'reverse' : 'none';
    return {
      mode: none,
      net: shown(net, decimals),
      tax: zero,
      gross: shown(net, decimals),
      rate: '0',
      label,
    };
  }
  const tax = percentOf(net, exact(rate.value) ?? { units: 0n, scale: 0 }, decimals);
  const gross: Decimal = sum([net, tax]);
  return {
    mode,
    net: shown(net, decimals),
    tax: shown(tax, decimals),
    gross: shown(gross, decimals),
    rate: rate.value,
    label,
  };
}

/** "VAT 20%": the tax line's name, to Payfect and on the document. */
export function taxLineName(totals: Pick<InvoiceTotals, 'label' | 'rate'>): string {
  return `${totals.label} ${totals.rate}%`;
}

/**
 * The line item Payfect gets for the tax (quantity 1, the tax as its unit amount, in canonical
 * text as the order's items are), or undefined when nothing is charged: no tax, reverse charge,
 * or a tax that rounds to nothing.
 */
export function taxLine(
  totals: InvoiceTotals,
): { name: string; description: string; unitAmount: string; quantity: number } | undefined {
  const tax = exact(totals.tax);
  if (totals.mode !== 'tax' || tax === undefined || tax.units === 0n) return undefined;
  return {
    name: taxLineName(totals),
    description: '',
    unitAmount: formatDecimal(tax),
    quantity: 1,
  };
}

/** Whether the invoice takes one of Payfect's line items for its tax (the item limit counts it). */
export function takesTaxLine(mode: string | undefined): boolean {
  return taxModeOf(mode) === 'tax';
}
