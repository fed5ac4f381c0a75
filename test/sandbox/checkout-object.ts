/**
 * A checkout session: what the sandbox stores (and persists), and the camelCase object the
 * API answers with — every field of the docs' Example Response, in the same order.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { currencyFacts } from '../../lib/currencies.ts';
import {
  formatDecimal,
  multiply,
  multiplyDecimals,
  roundHalfUp,
  sum,
  type Decimal,
} from '../../lib/money.ts';
import { PAYMENT_CRYPTO_CURRENCY, type Choice } from './config.ts';
import type { CheckoutRequest } from './validate.ts';

const choiceSchema = z.object({ value: z.string(), name: z.string() });

const storedItemSchema = z.object({
  id: z.string(),
  priceId: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  images: z.array(z.string()),
  currency: z.string().nullable(),
  /** Canonical decimal text ("20.5"). */
  unitAmount: z.string(),
  quantity: z.number().int(),
  /** unitAmount × quantity with at least two decimals ("20.50"). */
  amount: z.string(),
});

export const storedCheckoutSchema = z.object({
  id: z.string(),
  merchant: z.object({ id: z.string(), name: z.string() }),
  items: z.array(storedItemSchema),
  amountTotal: z.string(),
  currency: z.string(),
  /** 'expired' is stored only when forced; otherwise expiry is read from the clock. */
  status: z.enum(['open', 'complete', 'expired']),
  createdAtMs: z.number(),
  updatedAtMs: z.number(),
  expiresAtMs: z.number(),
  clientReferenceId: z.string().nullable(),
  successUrl: z.string().nullable(),
  cancelUrl: z.string().nullable(),
  callbackUrl: z.string().nullable(),
  paymentIntent: z.string(),
  paymentMethodId: z.string(),
  network: z.string(),
  paymentCurrency: z.string(),
  /** The networks offered when the session was made. */
  networks: z.array(choiceSchema),
  /** Made with one of the sandbox's live keys; absent in data files from before them. */
  isLivemode: z.boolean().optional(),
});

export type StoredCheckout = z.infer<typeof storedCheckoutSchema>;
export type CheckoutStatus = StoredCheckout['status'];

export interface CheckoutObject {
  id: string;
  merchant: { id: string; name: string };
  nameCollection: boolean;
  emailCollection: boolean;
  phoneNumberCollection: boolean;
  shippingAddressCollection: null;
  invoiceItems: { id: string; price: string; quantity: number; amount: string }[];
  amountTotal: string;
  status: CheckoutStatus;
  createdAt: string;
  updatedAt: string;
  clientReferenceId: string | null;
  currency: string;
  successUrl: string | null;
  cancelUrl: string | null;
  expiresAt: string;
  paymentIntent: string;
  paymentMethodTypes: string[];
  paymentMethodOptions: {
    crypto: {
      currency: { value: string; name: string; logo: string };
      networks: Choice[];
    }[];
    card: null;
  };
  url: string;
  metadata: null;
  isLivemode: boolean;
}

export interface NewCheckoutContext {
  readonly now: number;
  readonly lifetimeMs: number;
  readonly merchant: { readonly id: string; readonly name: string };
  readonly networks: readonly Choice[];
  /** Made with a live key (SandboxOptions.liveKeys). */
  readonly isLivemode?: boolean;
  /** SandboxOptions.quoteUsdt: a fiat order is answered in USDT at this rate. */
  readonly quoteUsdt?: Decimal;
}

/** The total and currency the answer gives: the order's, or USDT at the configured rate. */
function answeredTotal(
  total: Decimal,
  currency: string,
  quoteUsdt: Decimal | undefined,
): { amountTotal: string; currency: string } {
  const fiat = currencyFacts(currency)?.quotedInUsdt ?? false;
  if (quoteUsdt === undefined || !fiat) return { amountTotal: formatDecimal(total, 2), currency };
  const usdt = roundHalfUp(multiplyDecimals(total, quoteUsdt), 2);
  return { amountTotal: formatDecimal(usdt, 2), currency: PAYMENT_CRYPTO_CURRENCY.value };
}

/** A new open session from a validated request. Amounts are exact: "20.5" × 1 is "20.50". */
export function newCheckout(request: CheckoutRequest, context: NewCheckoutContext): StoredCheckout {
  const priced = request.items.map((item) => ({
    item,
    amount: multiply(item.unitAmount, item.quantity),
  }));
  const defaultNetwork = context.networks[0]?.value ?? 'tron';
  return {
    id: randomUUID(),
    merchant: { ...context.merchant },
    items: priced.map(({ item, amount }) => ({
      id: randomUUID(),
      priceId: randomUUID(),
      name: item.name,
      description: item.description,
      images: [...item.images],
      currency: item.currency,
      unitAmount: formatDecimal(item.unitAmount),
      quantity: item.quantity,
      amount: formatDecimal(amount, 2),
    })),
    ...answeredTotal(sum(priced.map(({ amount }) => amount)), request.currency, context.quoteUsdt),
    status: 'open',
    createdAtMs: context.now,
    updatedAtMs: context.now,
    expiresAtMs: context.now + context.lifetimeMs,
    clientReferenceId: request.clientReferenceId,
    successUrl: request.successUrl,
    cancelUrl: request.cancelUrl,
    callbackUrl: request.callbackUrl,
    paymentIntent: randomUUID(),
    paymentMethodId: randomUUID(),
    network: request.network ?? defaultNetwork,
    paymentCurrency: request.paymentCurrency ?? PAYMENT_CRYPTO_CURRENCY.value,
    networks: context.networks.map((network) => ({ ...network })),
    isLivemode: context.isLivemode === true,
  };
}

/** Open until the clock passes expiresAt; a paid or force-expired session keeps its status. */
export function effectiveStatus(checkout: StoredCheckout, now: number): CheckoutStatus {
  return checkout.status === 'open' && now > checkout.expiresAtMs ? 'expired' : checkout.status;
}

/** Unix seconds with a six-digit fraction, as the docs show: "1690532072.288761". */
export function unixSecondsText(ms: number): string {
  const whole = Math.floor(ms);
  const fraction = String((whole % 1000) * 1000).padStart(6, '0');
  return `${Math.floor(whole / 1000)}.${fraction}`;
}

export function hostedPagePath(id: string): string {
  return `/checkouts/${encodeURIComponent(id)}`;
}

/** The API's view of a session at `now`; `origin` is where the hosted page is served. */
export function presentCheckout(
  checkout: StoredCheckout,
  now: number,
  origin: string,
): CheckoutObject {
  return {
    id: checkout.id,
    merchant: { ...checkout.merchant },
    nameCollection: false,
    emailCollection: false,
    phoneNumberCollection: false,
    shippingAddressCollection: null,
    invoiceItems: checkout.items.map((item) => ({
      id: item.id,
      price: item.priceId,
      quantity: item.quantity,
      amount: item.amount,
    })),
    amountTotal: checkout.amountTotal,
    status: effectiveStatus(checkout, now),
    createdAt: unixSecondsText(checkout.createdAtMs),
    updatedAt: unixSecondsText(checkout.updatedAtMs),
    clientReferenceId: checkout.clientReferenceId,
    currency: checkout.currency,
    successUrl: checkout.successUrl,
    cancelUrl: checkout.cancelUrl,
    expiresAt: String(checkout.expiresAtMs),
    paymentIntent: checkout.paymentIntent,
    paymentMethodTypes: ['crypto'],
    paymentMethodOptions: {
      crypto: [
        {
          currency: { ...PAYMENT_CRYPTO_CURRENCY },
          networks: checkout.networks.map((network) => ({ ...network })),
        },
      ],
      card: null,
    },
    url: `${origin}${hostedPagePath(checkout.id)}`,
    metadata: null,
    isLivemode: checkout.isLivemode === true,
  };
}
