import { seedRequest } from '../lib/payfect/fixtures.ts';

/**
 * The request bodies of Payfect's "Create a Checkout" page, copied verbatim
 * (shared/reference/payfect-create-checkout.txt). The page's JSON has trailing commas; here
 * it is the same data written as valid JSON.
 */

/** "Example Request Body" (the same object the client's tests use). */
export const DOCS_EXAMPLE_REQUEST = seedRequest;

/** The body of the page's curl example (note the upper-case CNY and TWD). */
export const DOCS_CURL_REQUEST = {
  client_reference_id: '6befb0e4-e9a0-4151-8999-8b67eae19553',
  currency: 'CNY',
  invoice_items: [
    {
      price_data: {
        currency: 'TWD',
        product_data: {
          name: 'Standard Plan',
          description: 'A standard plan',
          images: ['https://i.imgur.com/EHyR2nP.png'],
        },
        unit_amount: '20',
      },
      quantity: 1,
    },
  ],
  success_url: 'https://example.com/success',
  cancel_url: 'https://example.com/cancel',
  callback_url: 'https://example.com/callback',
  payment_method_data: {
    type: 'cryptopaymentmethoddetail',
    paymentMethodDetail: {
      currency: 'TWD',
      network: 'tron',
    },
  },
};

/** The fields of the page's "Example Response", in its order. */
export const DOCUMENTED_RESPONSE_FIELDS = [
  'id',
  'merchant',
  'nameCollection',
  'emailCollection',
  'phoneNumberCollection',
  'shippingAddressCollection',
  'invoiceItems',
  'amountTotal',
  'status',
  'createdAt',
  'updatedAt',
  'clientReferenceId',
  'currency',
  'successUrl',
  'cancelUrl',
  'expiresAt',
  'paymentIntent',
  'paymentMethodTypes',
  'paymentMethodOptions',
  'url',
  'metadata',
  'isLivemode',
];

/** A minimal valid body: one item, nothing optional. */
export function minimalRequest(overrides: Record<string, unknown> = {}) {
  return {
    currency: 'usdt',
    invoice_items: [
      { price_data: { product_data: { name: 'Logo design' }, unit_amount: '120.5' }, quantity: 1 },
    ],
    ...overrides,
  };
}

/** A body with the given items (each `{name, unit_amount, quantity}` shorthand). */
export function requestWithItems(
  items: readonly { name?: unknown; unit_amount?: unknown; quantity?: unknown }[],
) {
  return {
    currency: 'usdt',
    invoice_items: items.map(({ name = 'Item', unit_amount = '1', quantity = 1 }) => ({
      price_data: { product_data: { name }, unit_amount },
      quantity,
    })),
  };
}
