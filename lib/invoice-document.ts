import { lastCorrectedAt } from './corrections.ts';
import { FIELDS, keptValue } from './fields.ts';
import { dateLocale, formatAmount } from './format.ts';
import type { SessionRecord } from './history.ts';
import { t, uiLocale } from './i18n.ts';
import type { Business, Client, DocumentKind } from './invoice.ts';
import { networkWarning } from './message-template.ts';
import { formatDecimal, multiply, parseDecimal, sum, ZERO, type Decimal } from './money.ts';

/*
 * What an invoice or a receipt says, worked out from a History session and its profile's
 * business details — everything the invoice page (entrypoints/invoice/) prints, as strings in
 * the UI language, so the page only lays it out. Amounts are exact: each row is unit price ×
 * quantity in decimal, and the total due is Payfect's own string, never recomputed.
 */

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
  /** The link's expiry: it cannot be paid later. */
  readonly due: string;
  /** Receipt only: when the extension saw it paid. */
  readonly paid: string | undefined;
  readonly business: {
    readonly name: string;
    readonly addressLines: readonly string[];
    readonly taxId: string;
    readonly email: string;
  };
  readonly client: {
    readonly name: string;
    readonly email: string;
    readonly addressLines: readonly string[];
  };
  readonly rows: readonly DocumentRow[];
  /** The items' currency, upper case ("TWD"). */
  readonly itemsCurrency: string;
  /** The sum of the rows, in the items' currency. */
  readonly subtotal: string;
  /** Exactly as Payfect returned it, with its currency: what the client pays. */
  readonly total: string;
  readonly totalCurrency: string;
  /** Which coin, which chain — and for a fiat price, that Payfect converts it. */
  readonly warning: string;
  /** "Tron (TRC20)": the chain it was paid on, for the receipt. */
  readonly network: string;
  readonly url: string;
  readonly reference: string;
  /** The fields printed among the details (lib/fields.ts `invoice`): "PO number", …; set only. */
  readonly details: readonly { readonly label: string; readonly value: string }[];
  readonly footerLines: readonly string[];
  /** Whether Settings still lacks a business name: the page points there. */
  readonly missingBusinessName: boolean;
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

/** Unit price × quantity, exactly; an unreadable stored price counts as 0 and shows as stored. */
function rowAmount(unitAmount: string, quantity: number): Decimal {
  const unit = parseDecimal(unitAmount);
  return unit.ok ? multiply(unit.value, quantity) : ZERO;
}

/** Amounts with at least two decimals, grouped as the language writes them. */
function money(value: Decimal, locale: string): string {
  return formatAmount(formatDecimal(value, 2), locale);
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
  return {
    kind,
    number,
    title: kind === 'receipt' ? t('invoice.receiptFileTitle', { number }) : number,
    replaces: session.replacesInvoice,
    corrected: correctedOn(session, locale),
    issued: formatDate(session.createdAt, locale),
    due: formatDateTime(session.expiresAt, locale),
    paid: kind === 'receipt' && paid ? formatDateTime(session.statusChangedAt, locale) : undefined,
    business: {
      name: business.name,
      addressLines: lines(business.address),
      taxId: business.taxId,
      email: business.email,
    },
    client: { name: client.name, email: client.email, addressLines: lines(client.address) },
    rows: session.items.map((item, index) => ({
      name: item.name,
      description: item.description,
      quantity: formatAmount(String(item.quantity), locale),
      unitPrice: formatAmount(item.unitAmount, locale),
      amount: money(amounts[index] ?? ZERO, locale),
    })),
    itemsCurrency: (session.itemsCurrency ?? session.currency).toUpperCase(),
    subtotal: money(sum(amounts), locale),
    // Not regrouped: the very string Payfect returned, which a client pastes into a wallet.
    total: session.amountTotal,
    totalCurrency: session.currency.toUpperCase(),
    warning: networkWarning(session),
    network: session.networkName,
    url: session.url,
    reference: session.reference,
    details: printedDetails(session),
    footerLines: lines(business.footer),
    missingBusinessName: business.name.trim() === '',
    notPaid: kind === 'receipt' && !paid,
  };
}
