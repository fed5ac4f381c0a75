import { z } from 'zod/mini';
import { NETWORK_VALUE, NetworkValueSchema } from '../network-value';
import { withoutHiddenCharacters } from '../safe-text';
import { parseCreatedAtMs, parseExpiresAtMs } from './timestamps';

/*
 * The Payfect API contract, from the "Create a Checkout" page
 * (shared/reference/payfect-create-checkout.txt). Where that page is silent or contradicts
 * itself, we are strict in what we send and liberal in what we accept; each choice is
 * written next to the field it concerns.
 */

// ---------------------------------------------------------------------------------------
// What we send: POST /checkouts/ (snake_case). Strict objects, so no stray key is sent.
// ---------------------------------------------------------------------------------------

/*
 * The messages below reach a person only if an order lib/draft.ts accepted fails these checks
 * (a bug, not a typo): they are for developers and stay English.
 */

/*
 * Currency codes are sent lower-case. The field table says "Currency code (usdt)" and the
 * example request and response use "usdt"; only the curl example sends "CNY"/"TWD", which
 * also mixes two currencies in one checkout. We follow the table and the examples.
 */
const SentCurrency = z
  .string()
  .check(z.regex(/^[a-z0-9]{2,16}$/, 'Use a lower-case currency code such as usdt.'));

/* Network values are the `value`s the API offers: see lib/network-value.ts. */
const SentNetwork = NetworkValueSchema;

/*
 * unit_amount is a decimal string, never a number: the example request sends "20.5" and
 * the curl "20". We send plain digits with an optional fraction — no sign, exponent,
 * spaces or leading zeros — and never zero. At most 18 decimals (USDT on BNB Smart Chain
 * has 18); whether Payfect keeps that precision is unknown, so we show its `amountTotal`.
 */
const SentAmount = z.string().check(
  z.regex(/^(0|[1-9]\d*)(\.\d{1,18})?$/, {
    error: 'Use a plain decimal amount such as 20.5.',
    abort: true,
  }),
  z.refine((text) => /[1-9]/.test(text), 'The amount must be more than zero.'),
);

/* Redirect and callback URLs: http(s) only (http for a merchant's own or local pages). */
const SentUrl = z.string().check(
  z.refine((text) => {
    try {
      const { protocol } = new URL(text);
      return protocol === 'https:' || protocol === 'http:';
    } catch {
      return false;
    }
  }, 'Use a full http(s) URL.'),
);

const NonEmpty = z.string().check(z.minLength(1, 'This cannot be empty.'));

export const InvoiceItemRequestSchema = z.strictObject({
  price_data: z.strictObject({
    product_data: z.strictObject({
      name: NonEmpty,
      description: z.optional(z.string()),
      images: z.optional(z.array(SentUrl)),
    }),
    currency: SentCurrency,
    unit_amount: SentAmount,
  }),
  quantity: z
    .int('The quantity must be a whole number.')
    .check(z.minimum(1, 'The quantity must be at least 1.')),
});

export const CreateCheckoutRequestSchema = z
  .strictObject({
    /* Not documented beyond "String"; 255 is a guess at the usual column size. */
    client_reference_id: z.optional(NonEmpty.check(z.maxLength(255, 'At most 255 characters.'))),
    currency: SentCurrency,
    invoice_items: z
      .array(InvoiceItemRequestSchema)
      .check(z.minLength(1, 'Add at least one item.')),
    success_url: z.optional(SentUrl),
    cancel_url: z.optional(SentUrl),
    callback_url: z.optional(SentUrl),
    /* Note the camelCase `paymentMethodDetail` inside a snake_case body: as documented. */
    payment_method_data: z.optional(
      z.strictObject({
        type: z.literal('cryptopaymentmethoddetail'),
        paymentMethodDetail: z.strictObject({ currency: SentCurrency, network: SentNetwork }),
      }),
    ),
  })
  .check(
    /*
     * Every item is priced in the checkout's currency: a total of items in several
     * currencies means nothing, and only the curl example (CNY vs TWD) suggests otherwise.
     */
    z.superRefine((request, context) => {
      request.invoice_items.forEach((item, index) => {
        if (item.price_data.currency !== request.currency) {
          context.addIssue({
            code: 'custom',
            message: `Every item must be priced in ${request.currency}.`,
            path: ['invoice_items', index, 'price_data', 'currency'],
            input: item.price_data.currency,
          });
        }
      });
    }),
  );

export type CreateCheckoutRequest = z.infer<typeof CreateCheckoutRequestSchema>;
export type InvoiceItemRequest = z.infer<typeof InvoiceItemRequestSchema>;

// ---------------------------------------------------------------------------------------
// What we accept: the checkout object (camelCase) returned by POST /checkouts/ and
// GET /checkouts/{id}/. Loose objects: unknown fields are kept, not rejected.
// ---------------------------------------------------------------------------------------

/*
 * Received amounts: digits with any number of decimals. The example request sends "20.5"
 * and the example response answers "20.00", so we never expect our own spelling back. A
 * JSON number is refused: it may already have lost precision.
 */
const ReceivedAmount = z.string().check(z.regex(/^\d+(\.\d+)?$/, 'expected a decimal string'));

/* expiresAt: unix ms ("1703939166000") in the current docs, ISO-8601 in an earlier one. */
const ExpiresAt = z
  .string()
  .check(z.refine((text) => parseExpiresAtMs(text) !== undefined, 'expected a timestamp'));

/* createdAt/updatedAt: unix seconds with a fraction ("1690532072.288761"); ISO accepted too. */
const CreatedAt = z
  .string()
  .check(z.refine((text) => parseCreatedAtMs(text) !== undefined, 'expected a timestamp'));

/**
 * A field the product does not rely on: kept when it has its documented type, dropped
 * (undefined) when it has not. A surprise there must not make a checkout that was really
 * created look like a failure — the user might then create it a second time.
 */
function lenient<T extends z.ZodMiniType>(schema: T) {
  return z.catch(z.optional(schema), undefined);
}

/* Statuses are compared in lower case; the docs only ever show "open", "complete", "expired". */
const KNOWN_STATUSES: readonly string[] = ['open', 'complete', 'expired'];
/* What of an unknown status may reach a person: letters, digits, space, "_", "-", ".". */
const UNSAFE_STATUS_CHARACTERS = /[^\p{L}\p{N} _.-]/gu;
const MAX_STATUS_LENGTH = 40;

/**
 * The status as received. The docs list three; Payfect may add more ("processing",
 * "refunded"). Refusing one would turn a link that was really made into a failure (and invite
 * a second one), and every later poll of it into an error, so an unknown status is kept as
 * its text, made safe to show: no control, bidi or zero-width characters, at most 40 long.
 */
export function receivedStatus(text: string): string {
  const lower = text.trim().toLowerCase();
  if (KNOWN_STATUSES.includes(lower)) return lower;
  const shown = text.replace(UNSAFE_STATUS_CHARACTERS, '').trim().slice(0, MAX_STATUS_LENGTH);
  return shown === '' ? 'unknown' : shown;
}

const Named = z.looseObject({ value: z.string(), name: z.string() });

export const PaymentMethodOptionsSchema = z.looseObject({
  crypto: z.optional(
    z.nullable(
      z.array(
        z.looseObject({
          currency: z.optional(
            z.nullable(z.looseObject({ ...Named.shape, logo: z.optional(z.nullable(z.string())) })),
          ),
          networks: z.optional(z.nullable(z.array(Named))),
        }),
      ),
    ),
  ),
  card: z.optional(z.unknown()),
});

export const InvoiceItemSchema = z.looseObject({
  id: z.string(),
  /* The example shows `price` as a price id and omits `priceData`, which the table lists. */
  price: z.optional(z.nullable(z.string())),
  priceData: z.optional(z.nullable(z.looseObject({}))),
  quantity: z.number(),
  amount: ReceivedAmount,
});

export const CheckoutSchema = z.looseObject({
  // Relied on: required and checked.
  id: z.string().check(z.minLength(1)),
  /* Only a string here; the client checks it is a safe link (see url-safety.ts). */
  url: z.string(),
  /* Any status, an unknown one too (see receivedStatus); lib/status.ts decides what it means. */
  status: z.pipe(z.string(), z.transform(receivedStatus)),
  amountTotal: ReceivedAmount,
  /* Accepted in any case; the docs only ever show "usdt". */
  currency: z.string().check(z.minLength(1)),
  expiresAt: ExpiresAt,
  createdAt: CreatedAt,

  // Documented, used when present.
  isLivemode: lenient(z.boolean()),
  paymentMethodOptions: lenient(z.nullable(PaymentMethodOptionsSchema)),
  invoiceItems: lenient(z.array(InvoiceItemSchema)),
  clientReferenceId: lenient(z.nullable(z.string())),
  updatedAt: lenient(z.nullable(CreatedAt)),
  merchant: lenient(
    z.nullable(z.looseObject({ id: z.optional(z.string()), name: z.optional(z.string()) })),
  ),
  nameCollection: lenient(z.nullable(z.boolean())),
  emailCollection: lenient(z.nullable(z.boolean())),
  phoneNumberCollection: lenient(z.nullable(z.boolean())),
  shippingAddressCollection: lenient(z.nullable(z.looseObject({}))),
  successUrl: lenient(z.nullable(z.string())),
  cancelUrl: lenient(z.nullable(z.string())),
  paymentIntent: lenient(z.nullable(z.string())),
  paymentMethodTypes: lenient(z.nullable(z.array(z.string()))),
  metadata: lenient(z.nullable(z.record(z.string(), z.unknown()))),
});

export type Checkout = z.infer<typeof CheckoutSchema>;

/**
 * A Payfect error body: Django REST Framework's `{"detail": "Not found."}` (api notes,
 * "Errors"). The query endpoint answers an unknown id with it, which is how Test connection
 * tells Payfect's API from any server that answers 404 (an HTML page, `{}`).
 */
export const DetailBodySchema = z.looseObject({ detail: z.string() });
/** A documented status; Checkout['status'] may be another (see receivedStatus). */
export type CheckoutStatus = 'open' | 'complete' | 'expired';
export type PaymentMethodOptions = z.infer<typeof PaymentMethodOptionsSchema>;

export interface OfferedNetwork {
  readonly value: string;
  readonly name: string;
}

// A parsed Checkout always has valid timestamps; NaN is only for a hand-made object.

/** When the checkout stops being payable, in unix milliseconds. */
export function expiresAtMs(checkout: Pick<Checkout, 'expiresAt'>): number {
  return parseExpiresAtMs(checkout.expiresAt) ?? Number.NaN;
}

/** When the checkout was created, in unix milliseconds. */
export function createdAtMs(checkout: Pick<Checkout, 'createdAt'>): number {
  return parseCreatedAtMs(checkout.createdAt) ?? Number.NaN;
}

/* More than any real list (the docs show one); a longer one is cut, not shown whole. */
const MAX_OFFERED_NETWORKS = 20;
const MAX_NETWORK_NAME_LENGTH = 40;
/*
 * What a network's name may be made of ("Tron (TRC20)", "BNB Smart Chain", "Polygon PoS"):
 * it is printed on invoices and in chat messages as "Pay in USDT on <name> only", so a
 * hostile answer must not get markup, links or sentences of its own there.
 */
const NETWORK_NAME = /^[\p{L}\p{N} ()._+/-]+$/u;

/** A network's name as shown: Payfect's when plain and short, else its value itself. */
function shownNetworkName(name: string, value: string): string {
  const shown = withoutHiddenCharacters(name).trim();
  return shown.length <= MAX_NETWORK_NAME_LENGTH && NETWORK_NAME.test(shown) ? shown : value;
}

/**
 * The crypto networks the session offers, first occurrence of each value kept. They become
 * the Network choices of the next create, so a value an order could not hold (see
 * NETWORK_VALUE: "TRON", "tron; drop", 500 characters) is refused, not offered; a name is
 * made safe to show.
 */
export function offeredNetworks(
  checkout: Pick<Checkout, 'paymentMethodOptions'>,
): OfferedNetwork[] {
  const seen = new Set<string>();
  const networks: OfferedNetwork[] = [];
  for (const option of checkout.paymentMethodOptions?.crypto ?? []) {
    for (const { value, name } of option.networks ?? []) {
      if (seen.has(value) || !NETWORK_VALUE.test(value)) continue;
      if (networks.length >= MAX_OFFERED_NETWORKS) return networks;
      seen.add(value);
      networks.push({ value, name: shownNetworkName(name, value) });
    }
  }
  return networks;
}
