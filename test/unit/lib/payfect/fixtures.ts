import type { CreateCheckoutRequest } from '../../../../lib/payfect';

/** The "Example Request Body" of the seed page, as written (trailing commas and all). */
export const seedRequest: CreateCheckoutRequest = {
  client_reference_id: '5ae50223-e455-4a72-a48d-fe7d85800e64',
  currency: 'usdt',
  invoice_items: [
    {
      price_data: {
        product_data: {
          name: 'Standard Plan',
          description: 'A standard plan',
          images: ['https://google.com.tw/images/123'],
        },
        currency: 'usdt',
        unit_amount: '20.5',
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
      currency: 'usdt',
      network: 'tron',
    },
  },
};

/** The body of the seed page's curl example, verbatim (it sends CNY and TWD). */
export const seedCurlBody = String.raw`{
"client_reference_id": "6befb0e4-e9a0-4151-8999-8b67eae19553",
"currency": "CNY",
"invoice_items": [{
"price_data": {
"currency": "TWD",
"product_data": {
"name": "Standard Plan",
"description": "A standard plan",
"images": ["https://i.imgur.com/EHyR2nP.png"]
},
"unit_amount": "20"
},
"quantity": 1
}],
"success_url": "https://example.com/success",
"cancel_url": "https://example.com/cancel",
"callback_url": "https://example.com/callback",
"payment_method_data": {
"type": "cryptopaymentmethoddetail",
"paymentMethodDetail": {
"currency": "TWD",
"network": "tron"
}
}
}`;

/** The "Example Response" of the seed page, verbatim. */
export const seedResponseText = String.raw`{
"id": "ed8d24aa-a860-426b-8e56-87cb9f55a081",
"merchant": {
"id": "bf065cc8-343d-4419-be7d-ed2190f1df4d",
"name": "頑碼資訊有限公司"
},
"nameCollection": false,
"emailCollection": false,
"phoneNumberCollection": false,
"shippingAddressCollection": null,
"invoiceItems": [
{
"id": "ee05d205-e4cc-42bd-8897-03c92674c57a",
"price": "3bababfe-5ba8-4afb-84ca-d62c6933704b",
"quantity": 1,
"amount": "20.00"
}
],
"amountTotal": "20.00",
"status": "open",
"createdAt": "1690532072.288761",
"updatedAt": "1690532073.498443",
"clientReferenceId": null,
"currency": "usdt",
"successUrl": "https://example.com/success",
"cancelUrl": "https://example.com/cancel",
"expiresAt": "1703939166000",
"paymentIntent": "b7c30e83-5439-47b2-ac4d-81c64c1d0174",
"paymentMethodTypes": [
"crypto",
"card"
],
"paymentMethodOptions": {
"crypto": [
{
"currency": {
"value": "usdt",
"name": "Tether",
"logo": "/static/images/cryptos/usdt.png"
},
"networks": [
{
"value": "tron",
"name": "Tron (TRC20)"
}
]
}
],
"card": null
},
"url": "https://buy-dev.payfect.finance/checkouts/ed8d24aa-a860-426b-8e56-87cb9f55a081",
"metadata": null,
"isLivemode": false
}`;

export const SEED_ID = 'ed8d24aa-a860-426b-8e56-87cb9f55a081';

/** The seed response as a fresh mutable object, for tests that change one field. */
export function seedResponse(): Record<string, unknown> {
  const value: unknown = JSON.parse(seedResponseText);
  if (typeof value !== 'object' || value === null) throw new Error('fixture is not an object');
  return { ...value };
}
