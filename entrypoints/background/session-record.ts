import { dueDateFor, localDate } from '../../lib/calendar-date.ts';
import { FIELDS, keptValue } from '../../lib/fields.ts';
import type { SessionRecord } from '../../lib/history.ts';
import { isEmptyClient } from '../../lib/invoice.ts';
import type { Order } from '../../lib/order.ts';
import {
  createdAtMs,
  expiresAtMs,
  offeredNetworks,
  type Checkout,
} from '../../lib/payfect/index.ts';
import { termsDays } from '../../lib/payment-terms.ts';
import { networkName, type Settings } from '../../lib/settings.ts';

/* Payfect's lifetime in its older docs; only used if a timestamp cannot be read. */
const DEFAULT_LIFETIME_MS = 24 * 60 * 60 * 1000;

function finiteOr(value: number, fallback: number): number {
  return Number.isFinite(value) ? value : fallback;
}

export interface SessionContext {
  readonly order: Order;
  /** For the network's display name when Payfect's answer does not name it. */
  readonly settings: Settings;
  /** The API it was created on, normalised. */
  readonly baseUrl: string;
  readonly now: number;
  /** The profile whose key made it, and its name now. */
  readonly profileId: string;
  readonly profileName: string;
  /** Issued for this link (entrypoints/background/settings-store.ts); absent if none could be. */
  readonly invoiceNumber?: string | undefined;
}

/**
 * The invoice's dates, as calendar days where the user is: the supply date (the issue date
 * unless one was typed) and the due date (the issue date plus the order's payment terms, or
 * the profile's when the order names none).
 */
function invoiceDates(order: Order, settings: Settings, issuedAt: number) {
  const terms = termsDays(order.paymentTerms ?? '') ?? termsDays(settings.paymentTerms) ?? 0;
  return {
    // The terms applied, so the document names them even when the order named none.
    paymentTerms: String(terms),
    supplyDate: order.supplyDate ?? localDate(issuedAt),
    dueDate: dueDateFor(issuedAt, terms),
  };
}

/** The order's top-level kept fields besides the reference (lib/fields.ts), as sent. */
function keptFields(order: Order): Partial<SessionRecord> {
  const kept: Record<string, string> = {};
  for (const field of FIELDS) {
    const value = field.kept === 'top' && field.as !== 'reference' && keptValue(order, field);
    if (typeof value === 'string') kept[field.as] = value;
  }
  return kept;
}

/**
 * What the history keeps of a created checkout: Payfect's own amount, status and times,
 * the items as the user entered them — never the raw answer, never the key.
 */
export function sessionFromCheckout(checkout: Checkout, context: SessionContext): SessionRecord {
  const { order, settings, now } = context;
  const offered = offeredNetworks(checkout).find((network) => network.value === order.network);
  const createdAt = finiteOr(createdAtMs(checkout), now);
  return {
    id: checkout.id,
    url: checkout.url,
    status: checkout.status,
    amountTotal: checkout.amountTotal,
    currency: checkout.currency.toLowerCase(),
    network: order.network,
    networkName: offered?.name ?? networkName(settings, order.network),
    items: order.items.map(({ name, description, unitAmount, quantity }) => ({
      name,
      description,
      unitAmount,
      quantity,
    })),
    reference: order.reference,
    createdAt,
    expiresAt: finiteOr(expiresAtMs(checkout), createdAt + DEFAULT_LIFETIME_MS),
    isLivemode: checkout.isLivemode === true,
    lastChecked: now,
    statusChangedAt: now,
    baseUrl: context.baseUrl,
    // Kept for a renewal, which sends the same order again.
    itemsCurrency: order.currency.toLowerCase(),
    ...keptFields(order),
    ...invoiceDates(order, settings, createdAt),
    profileId: context.profileId,
    profileName: context.profileName,
    ...(context.invoiceNumber === undefined ? {} : { invoiceNumber: context.invoiceNumber }),
    ...(isEmptyClient(order.client) || order.client === undefined ? {} : { client: order.client }),
  };
}
