import { describe, expect, it } from 'vitest';
import { DOCS_EXAMPLE_REQUEST, minimalRequest, requestWithItems } from './fixtures.ts';
import { create, sandboxForTest } from './helpers.ts';

const NUMBER_REQUIRED = ['A valid number is required.'];
const INTEGER_REQUIRED = ['A valid integer is required.'];
const INVALID_URL = ['Enter a valid URL.'];

/** The DRF error for the second item's unit_amount (the first item is valid). */
function secondUnitAmountError(messages: string[]) {
  return { invoice_items: [{}, { price_data: { unit_amount: messages } }] };
}

function secondQuantityError(messages: string[]) {
  return { invoice_items: [{}, { quantity: messages }] };
}

interface Case {
  readonly rule: string;
  readonly body: unknown;
  readonly error: unknown;
}

const cases: Case[] = [
  {
    rule: 'currency is required',
    body: { invoice_items: minimalRequest().invoice_items },
    error: { currency: ['This field is required.'] },
  },
  {
    rule: 'currency may not be null',
    body: minimalRequest({ currency: null }),
    error: { currency: ['This field may not be null.'] },
  },
  {
    rule: 'currency must be one the sandbox knows',
    body: minimalRequest({ currency: 'eur' }),
    error: { currency: ['"eur" is not a valid choice.'] },
  },
  {
    rule: 'invoice_items is required',
    body: { currency: 'usdt' },
    error: { invoice_items: ['This field is required.'] },
  },
  {
    rule: 'invoice_items may not be empty',
    body: minimalRequest({ invoice_items: [] }),
    error: { invoice_items: { non_field_errors: ['This list may not be empty.'] } },
  },
  {
    rule: 'invoice_items must be a list',
    body: minimalRequest({ invoice_items: { price_data: {} } }),
    error: {
      invoice_items: { non_field_errors: ['Expected a list of items but got type "dict".'] },
    },
  },
  {
    rule: 'invoice_items holds at most 100 items',
    body: requestWithItems(Array.from({ length: 101 }, () => ({}))),
    error: {
      invoice_items: { non_field_errors: ['Ensure this field has no more than 100 elements.'] },
    },
  },
  {
    rule: 'an invoice item must be an object',
    body: minimalRequest({ invoice_items: [minimalRequest().invoice_items[0], 'Logo'] }),
    error: {
      invoice_items: [
        {},
        { non_field_errors: ['Invalid data. Expected a dictionary, but got str.'] },
      ],
    },
  },
  {
    rule: 'an item needs price_data and quantity',
    body: minimalRequest({ invoice_items: [{}] }),
    error: {
      invoice_items: [
        { price_data: ['This field is required.'], quantity: ['This field is required.'] },
      ],
    },
  },
  {
    rule: 'product_data is required',
    body: minimalRequest({ invoice_items: [{ price_data: { unit_amount: '1' }, quantity: 1 }] }),
    error: { invoice_items: [{ price_data: { product_data: ['This field is required.'] } }] },
  },
  {
    rule: 'an item name is required',
    body: minimalRequest({
      invoice_items: [
        minimalRequest().invoice_items[0],
        { price_data: { product_data: { description: 'no name' }, unit_amount: '1' }, quantity: 1 },
      ],
    }),
    error: {
      invoice_items: [{}, { price_data: { product_data: { name: ['This field is required.'] } } }],
    },
  },
  {
    rule: 'an item name may not be blank',
    body: requestWithItems([{}, { name: '   ' }]),
    error: {
      invoice_items: [
        {},
        { price_data: { product_data: { name: ['This field may not be blank.'] } } },
      ],
    },
  },
  {
    rule: 'an item name has at most 255 characters',
    body: requestWithItems([{ name: 'n'.repeat(256) }]),
    error: {
      invoice_items: [
        {
          price_data: {
            product_data: { name: ['Ensure this field has no more than 255 characters.'] },
          },
        },
      ],
    },
  },
  {
    rule: 'an item name must be text',
    body: requestWithItems([{ name: ['Logo'] }]),
    error: {
      invoice_items: [{ price_data: { product_data: { name: ['Not a valid string.'] } } }],
    },
  },
  {
    rule: 'unit_amount must be a number',
    body: requestWithItems([{}, { unit_amount: 'twenty' }]),
    error: secondUnitAmountError(NUMBER_REQUIRED),
  },
  {
    rule: 'unit_amount is required',
    body: minimalRequest({
      invoice_items: [{ price_data: { product_data: { name: 'Logo' } }, quantity: 1 }],
    }),
    error: { invoice_items: [{ price_data: { unit_amount: ['This field is required.'] } }] },
  },
  {
    rule: 'unit_amount has no thousands separators',
    body: requestWithItems([{}, { unit_amount: '1,000.50' }]),
    error: secondUnitAmountError(NUMBER_REQUIRED),
  },
  {
    rule: 'unit_amount has no exponent',
    body: requestWithItems([{}, { unit_amount: '1e3' }]),
    error: secondUnitAmountError(NUMBER_REQUIRED),
  },
  {
    rule: 'unit_amount may not be a boolean',
    body: requestWithItems([{}, { unit_amount: true }]),
    error: secondUnitAmountError(NUMBER_REQUIRED),
  },
  {
    rule: 'unit_amount has at most 6 decimal places',
    body: requestWithItems([{}, { unit_amount: '20.1234567' }]),
    error: secondUnitAmountError(['Ensure that there are no more than 6 decimal places.']),
  },
  {
    rule: 'unit_amount has at most 20 digits',
    body: requestWithItems([{}, { unit_amount: '12345678901234.1234567' }]),
    error: secondUnitAmountError(['Ensure that there are no more than 20 digits in total.']),
  },
  {
    rule: 'unit_amount has at most 14 digits before the point',
    body: requestWithItems([{}, { unit_amount: '123456789012345' }]),
    error: secondUnitAmountError([
      'Ensure that there are no more than 14 digits before the decimal point.',
    ]),
  },
  {
    rule: 'unit_amount must be more than zero',
    body: requestWithItems([{}, { unit_amount: '0' }]),
    error: secondUnitAmountError(['Ensure this value is greater than or equal to 0.000001.']),
  },
  {
    rule: 'unit_amount may not be negative',
    body: requestWithItems([{}, { unit_amount: '-5' }]),
    error: secondUnitAmountError(['Ensure this value is greater than or equal to 0.000001.']),
  },
  {
    rule: 'quantity is required',
    body: minimalRequest({
      invoice_items: [{ price_data: { product_data: { name: 'Logo' }, unit_amount: '1' } }],
    }),
    error: { invoice_items: [{ quantity: ['This field is required.'] }] },
  },
  {
    rule: 'quantity may not be a fractional number',
    body: requestWithItems([{}, { quantity: 1.5 }]),
    error: secondQuantityError(INTEGER_REQUIRED),
  },
  {
    rule: 'quantity may not be fractional text',
    body: requestWithItems([{}, { quantity: '1.5' }]),
    error: secondQuantityError(INTEGER_REQUIRED),
  },
  {
    rule: 'quantity may not be a word',
    body: requestWithItems([{}, { quantity: 'two' }]),
    error: secondQuantityError(INTEGER_REQUIRED),
  },
  {
    rule: 'quantity is at least 1',
    body: requestWithItems([{}, { quantity: 0 }]),
    error: secondQuantityError(['Ensure this value is greater than or equal to 1.']),
  },
  {
    rule: 'quantity is at most 1,000,000',
    body: requestWithItems([{}, { quantity: 1_000_001 }]),
    error: secondQuantityError(['Ensure this value is less than or equal to 1000000.']),
  },
  {
    rule: 'an item currency must be one the sandbox knows',
    body: minimalRequest({
      invoice_items: [
        {
          price_data: { product_data: { name: 'A' }, unit_amount: '1', currency: 'btc' },
          quantity: 1,
        },
      ],
    }),
    error: { invoice_items: [{ price_data: { currency: ['"btc" is not a valid choice.'] } }] },
  },
  {
    rule: 'item images must be valid URLs, reported by index',
    body: minimalRequest({
      invoice_items: [
        {
          price_data: {
            product_data: { name: 'A', images: ['https://example.com/a.png', 'not a url'] },
            unit_amount: '1',
          },
          quantity: 1,
        },
      ],
    }),
    error: {
      invoice_items: [{ price_data: { product_data: { images: { '1': INVALID_URL } } } }],
    },
  },
  {
    rule: 'success_url must be a URL',
    body: minimalRequest({ success_url: 'example.com/success' }),
    error: { success_url: INVALID_URL },
  },
  {
    rule: 'cancel_url must be http or https',
    body: minimalRequest({ cancel_url: 'ftp://example.com/cancel' }),
    error: { cancel_url: INVALID_URL },
  },
  {
    rule: 'callback_url may not be a javascript: URL',
    body: minimalRequest({ callback_url: 'javascript:alert(1)' }),
    error: { callback_url: INVALID_URL },
  },
  {
    rule: 'a URL needs a real host name',
    body: minimalRequest({ success_url: 'https://intranet/success' }),
    error: { success_url: INVALID_URL },
  },
  {
    rule: 'client_reference_id has at most 255 characters',
    body: minimalRequest({ client_reference_id: 'r'.repeat(256) }),
    error: { client_reference_id: ['Ensure this field has no more than 255 characters.'] },
  },
  {
    rule: 'client_reference_id may not be blank',
    body: minimalRequest({ client_reference_id: '' }),
    error: { client_reference_id: ['This field may not be blank.'] },
  },
  {
    rule: 'payment_method_data.type must be cryptopaymentmethoddetail',
    body: minimalRequest({ payment_method_data: { type: 'card' } }),
    error: { payment_method_data: { type: ['"card" is not a valid choice.'] } },
  },
  {
    rule: 'payment_method_data.type is required',
    body: minimalRequest({ payment_method_data: { paymentMethodDetail: { network: 'tron' } } }),
    error: { payment_method_data: { type: ['This field is required.'] } },
  },
  {
    rule: 'the network must be one the sandbox offers',
    body: minimalRequest({
      payment_method_data: {
        type: 'cryptopaymentmethoddetail',
        paymentMethodDetail: { currency: 'usdt', network: 'eth' },
      },
    }),
    error: {
      payment_method_data: { paymentMethodDetail: { network: ['"eth" is not a valid choice.'] } },
    },
  },
  {
    rule: 'payment_method_data must be an object',
    body: minimalRequest({ payment_method_data: 'crypto' }),
    error: {
      payment_method_data: {
        non_field_errors: ['Invalid data. Expected a dictionary, but got str.'],
      },
    },
  },
  {
    rule: 'the body must be a JSON object',
    body: [DOCS_EXAMPLE_REQUEST],
    error: { non_field_errors: ['Invalid data. Expected a dictionary, but got list.'] },
  },
];

describe('validation, as Payfect (Django REST Framework) answers it', () => {
  it.each(cases)(
    'refuses a body that breaks the rule "$rule" with 400 at its path',
    async ({ body, error }) => {
      const sandbox = await sandboxForTest();
      const answer = await create(sandbox, body);

      expect(answer.status).toBe(400);
      expect(answer.json).toEqual(error);
      expect(sandbox.sessions.size).toBe(0);
    },
  );

  it('reports every broken field of a request at once, in field order', async () => {
    const sandbox = await sandboxForTest();
    const answer = await create(sandbox, {
      currency: 'eur',
      invoice_items: [
        {
          price_data: { product_data: { name: '' }, unit_amount: '1.1234567' },
          quantity: '1.5',
        },
        {},
      ],
      success_url: 'nope',
      payment_method_data: { type: 'x', paymentMethodDetail: { network: 'eth' } },
    });

    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({
      currency: ['"eur" is not a valid choice.'],
      invoice_items: [
        {
          price_data: {
            product_data: { name: ['This field may not be blank.'] },
            unit_amount: ['Ensure that there are no more than 6 decimal places.'],
          },
          quantity: INTEGER_REQUIRED,
        },
        { price_data: ['This field is required.'], quantity: ['This field is required.'] },
      ],
      success_url: INVALID_URL,
      payment_method_data: {
        type: ['"x" is not a valid choice.'],
        paymentMethodDetail: { network: ['"eth" is not a valid choice.'] },
      },
    });
    expect(Object.keys(answer.json as object)).toEqual([
      'currency',
      'invoice_items',
      'success_url',
      'payment_method_data',
    ]);
  });

  it.each([
    ['unit_amount with surrounding spaces', requestWithItems([{ unit_amount: ' 20.5 ' }])],
    ['unit_amount with exactly 6 decimals', requestWithItems([{ unit_amount: '0.123456' }])],
    ['unit_amount with 14 whole digits', requestWithItems([{ unit_amount: '99999999999999' }])],
    ['quantity written "3.0"', requestWithItems([{ quantity: '3.0' }])],
    ['quantity of 1,000,000', requestWithItems([{ quantity: 1_000_000 }])],
    ['100 items', requestWithItems(Array.from({ length: 100 }, () => ({})))],
    ['null optional fields', minimalRequest({ success_url: null, client_reference_id: null })],
    ['a localhost callback_url', minimalRequest({ callback_url: 'http://localhost:3000/hook' })],
    ['an IP callback_url', minimalRequest({ callback_url: 'http://127.0.0.1:3000/hook' })],
    ['a mixed-case currency', minimalRequest({ currency: 'UsDt' })],
    [
      'payment_method_data without a detail',
      minimalRequest({ payment_method_data: { type: 'cryptopaymentmethoddetail' } }),
    ],
  ])('accepts %s', async (_label, body) => {
    const sandbox = await sandboxForTest();
    const answer = await create(sandbox, body);
    expect(answer.status, answer.text).toBe(200);
  });
});
