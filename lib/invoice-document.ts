import { formatCalendarDate } from './calendar-date.ts';
import { lastCorrectedAt } from './corrections.ts';
import { FIELDS, keptValue } from './fields.ts';
import { dateLocale, formatAmount, formatMoney } from './format.ts';
import type { SessionRecord } from './history.ts';
import { t, uiLocale } from './i18n.ts';
import type { Business, Client, DocumentKind } from './invoice.ts';
import { isConverted, networkWarning } from './message-template.ts';
import {
  divideSignificant,
  formatDecimal,
  multiply,
  parseDecimal,
  sum,
  ZERO,
  type Decimal,
} from './money.ts';
import { invoiceTotals, type InvoiceTotals } from './tax.ts';
import { termsDays, termsLabel } from './payment-terms.ts';

/*
 * What an invoice or a receipt says, worked out from a History session and its profile's
 * business details — everything the invoice page (entrypoints/invoice/) prints, as strings in
 * the UI language, so the page only lays it out. Amounts are exact: each row is unit price ×
 * quantity in decimal, and the total due is Payfect's own figure, never recomputed; every
 * amount is printed one way (lib/format.ts formatMoney) while the record keeps the exact
 * strings that were sent and are exported.
 */

/** Significant digits of a printed exchange rate; the document says it is rounded. */
export const RATE_SIGNIFICANT_DIGITS = 6;

export interface DocumentRow {
  readonly name: string;
  readonly description: string;
  readonly quantity: string;
  readonly unitPrice: string;
  readonly amount: string;
}

export interface InvoiceDocument {
  readonly kind: DocumentKind;
  /** "INV-0007"; the reference for a link made before invoice numbers. */
  readonly number: string;
  /** The tab's title, and so the PDF's file name: "INV-0007", "INV-0007 receipt". */
  readonly title: string;
  /** The invoice number of the link this one renews. */
  readonly replaces: string | undefined;
  /** When its client details were last corrected (lib/corrections.ts); never: undefined. */
  readonly corrected: string | undefined;
  readonly issued: string;
  /** The date of supply; absent on links stored before it was kept. */
  readonly supplied: string | undefined;
  /**
   * The invoice's due date, a day ("4 January 2027"); for a link stored before invoices had
   * one, its expiry with the clock time, as its invoice always printed.
   */
  readonly due: string;
  /** "Net 30", "Due on receipt"; absent on links stored before terms were kept. */
  readonly terms: string | undefined;
  /** Until when the link itself can be paid, and whom to ask for a new one. */
  readonly linkValidity: string;
  /** Receipt only: when the extension saw it paid. */
  readonly paid: string | undefined;
  readonly business: {
    readonly name: string;
    readonly addressLines: readonly string[];
    readonly taxId: string;
    /** The user's label for it (Settings → Invoices → Tax ID label), or the language's. */
    readonly taxIdLabel: string;
    readonly email: string;
  };
  readonly client: {
    readonly name: string;
    readonly email: string;
    readonly addressLines: readonly string[];
    readonly taxId: string;
  };
  readonly rows: readonly DocumentRow[];
  /** The items' currency, upper case ("TWD"). */
  readonly itemsCurrency: string;
  /** The sum of the rows, in the items' currency. */
  readonly subtotal: string;
  /**
   * With tax (lib/tax.ts), in the items' currency: the net (the subtotal), "VAT 20%" and its
   * amount, the gross; under reverse charge 0 % and the statement. Undefined without tax.
   */
  readonly tax:
    | {
        readonly line: string;
        readonly amount: string;
        readonly gross: string;
        readonly statement: string | undefined;
      }
    | undefined;
  /** What Payfect returned (the client pays), formatted, with its currency. */
  readonly total: string;
  readonly totalCurrency: string;
  /**
   * A fiat order Payfect answered in another currency (12,000.00 TWD answered as 376.47 USDT):
   * the rate the two totals imply, rounded to RATE_SIGNIFICANT_DIGITS, and when it was quoted.
   */
  readonly conversion: { readonly rate: string; readonly quotedAt: string } | undefined;
  /** Payfect echoed the fiat currency: the coin amount is set when the client opens the link. */
  readonly setAtCheckout: boolean;
  /** Made with a test key (isLivemode false): marked "TEST — not payable" on every page. */
  readonly test: boolean;
  /** Which coin, which chain — and for a fiat price, that Payfect converts it. */
  readonly warning: string;
  /** "Tron (TRC20)": the chain it was paid on, for the receipt. */
  readonly network: string;
  readonly url: string;
  readonly reference: string;
  /** The fields printed among the details (lib/fields.ts `invoice`): "PO number", …; set only. */
  readonly details: readonly { readonly label: string; readonly value: string }[];
  /** The invoice's footer note, or on a receipt the receipt note. */
  readonly footerLines: readonly string[];
  /** Whether Settings still lacks a business name: the page points there. */
  readonly missingBusinessName: boolean;
  /** "Voided on 16 March 2026: Duplicate", once voided; printed with a VOID mark. */
  readonly voided: string | undefined;
  /** A receipt of a link that was not paid: there is nothing to show. */
  readonly notPaid: boolean;
}

function lines(text: string): string[] {
  return text
    .split(/\r?\n/u)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

function formatDate(unixMillis: number, locale: string): string {
  return new Intl.DateTimeFormat(dateLocale(locale), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(unixMillis));
}

function formatDateTime(unixMillis: number, locale: string): string {
  return new Intl.DateTimeFormat(dateLocale(locale), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(unixMillis));
}

/** The link's own validity, apart from the due date: when it stops, and who makes a new one. */
function linkValidity(session: SessionRecord, business: Business, locale: string): string {
  const until = formatDateTime(session.expiresAt, locale);
  // Before due dates, the due date was the link's expiry, and this said so.
  if (session.dueDate === undefined) return t('invoice.validUntil', { due: until });
  if (business.email !== '') return t('invoice.linkUntil', { until, email: business.email });
  if (business.name !== '') return t('invoice.linkUntilFrom', { until, business: business.name });
  return t('invoice.linkUntilPlain', { until });
}

function termsOf(session: SessionRecord): string | undefined {
  const days = session.paymentTerms === undefined ? undefined : termsDays(session.paymentTerms);
  return days === undefined ? undefined : termsLabel(days);
}

/** Unit price × quantity, exactly; an unreadable stored price counts as 0 and shows as stored. */
function rowAmount(unitAmount: string, quantity: number): Decimal {
  const unit = parseDecimal(unitAmount);
  return unit.ok ? multiply(unit.value, quantity) : ZERO;
}

/** The rate of a fiat order answered in another currency, when both totals read. */
function conversionOf(
  session: SessionRecord,
  ordered: Decimal,
  locale: string,
): InvoiceDocument['conversion'] {
  const orderedIn = session.itemsCurrency ?? session.currency;
  if (orderedIn.toLowerCase() === session.currency.toLowerCase()) return undefined;
  const answered = parseDecimal(session.amountTotal);
  const rate = answered.ok
    ? divideSignificant(answered.value, ordered, RATE_SIGNIFICANT_DIGITS)
    : undefined;
  if (rate === undefined) return undefined;
  return {
    rate: formatAmount(formatDecimal(rate), locale),
    quotedAt: formatDateTime(session.createdAt, locale),
  };
}

/** The document's tax lines; undefined for an invoice without tax (as before tax existed). */
function taxLines(totals: InvoiceTotals, currency: string, locale: string): InvoiceDocument['tax'] {
  if (totals.mode === 'none') return undefined;
  const amount = (text: string) => formatMoney(text, currency, locale);
  return {
    line: t('invoice.taxLine', { label: totals.label, rate: totals.rate }),
    amount: amount(totals.tax),
    gross: amount(totals.gross),
    statement:
      totals.mode === 'reverse' ? t('invoice.reverseCharge', { label: totals.label }) : undefined,
  };
}

function printedDetails(session: SessionRecord): InvoiceDocument['details'] {
  return FIELDS.flatMap((field) => {
    const value = 'invoice' in field ? keptValue(session, field) : undefined;
    return 'invoice' in field && value ? [{ label: field.invoice(), value }] : [];
  });
}

function correctedOn(session: SessionRecord, locale: string): string | undefined {
  const at = lastCorrectedAt(session);
  return at === undefined ? undefined : formatDate(at, locale);
}

export function invoiceDocument(
  session: SessionRecord,
  business: Business,
  kind: DocumentKind,
  locale: string = uiLocale(),
): InvoiceDocument {
  const number = session.invoiceNumber ?? session.reference;
  const amounts = session.items.map((item) => rowAmount(item.unitAmount, item.quantity));
  const paid = session.status === 'complete';
  const client: Client = session.client ?? { name: '', email: '', address: '' };
  const itemsCurrency = (session.itemsCurrency ?? session.currency).toUpperCase();
  const money = (value: Decimal) => formatMoney(formatDecimal(value), itemsCurrency, locale);
  const subtotal = sum(amounts);
  const totals = invoiceTotals({ ...session, currency: itemsCurrency.toLowerCase() });
  // What the client owes in the items' currency, tax included: what Payfect converted.
  const gross = parseDecimal(totals.gross);
  const conversion = conversionOf(session, gross.ok ? gross.value : subtotal, locale);
  const { dueDate, supplyDate } = session;
  return {
    kind,
    number,
    title: kind === 'receipt' ? t('invoice.receiptFileTitle', { number }) : number,
    replaces: session.replacesInvoice,
    corrected: correctedOn(session, locale),
    // The invoice's, not its current link's: a new payment link does not reissue it.
    issued: formatDate(session.issuedAt ?? session.createdAt, locale),
    supplied: supplyDate === undefined ? undefined : formatCalendarDate(supplyDate, locale),
    due:
      dueDate === undefined
        ? formatDateTime(session.expiresAt, locale)
        : formatCalendarDate(dueDate, locale),
    terms: termsOf(session),
    linkValidity: linkValidity(session, business, locale),
    paid: kind === 'receipt' && paid ? formatDateTime(session.statusChangedAt, locale) : undefined,
    voided:
      session.voided === undefined
        ? undefined
        : t('invoice.voidedOn', {
            date: formatDate(session.voided.at, locale),
            reason: session.voided.reason,
          }),
    business: {
      name: business.name,
      addressLines: lines(business.address),
      taxId: business.taxId,
      taxIdLabel: business.taxIdLabel?.trim() || t('invoice.taxIdLabel'),
      email: business.email,
    },
    client: {
      name: client.name,
      email: client.email,
      addressLines: lines(client.address),
      taxId: client.taxId ?? '',
    },
    rows: session.items.map((item, index) => ({
      name: item.name,
      description: item.description,
      quantity: formatAmount(String(item.quantity), locale),
      unitPrice: formatMoney(item.unitAmount, itemsCurrency, locale),
      amount: money(amounts[index] ?? ZERO),
    })),
    itemsCurrency,
    subtotal: money(subtotal),
    tax: taxLines(totals, itemsCurrency, locale),
    total: formatMoney(session.amountTotal, session.currency, locale),
    totalCurrency: session.currency.toUpperCase(),
    conversion,
    setAtCheckout: conversion === undefined && isConverted(session),
    test: !session.isLivemode,
    warning: networkWarning(session),
    network: session.networkName,
    url: session.url,
    reference: session.reference,
    details: printedDetails(session),
    footerLines: lines(kind === 'receipt' ? (business.receiptNote ?? '') : business.footer),
    missingBusinessName: business.name.trim() === '',
    notPaid: kind === 'receipt' && !paid,
  };
}
