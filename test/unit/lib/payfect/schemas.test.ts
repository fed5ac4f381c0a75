import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import {
  CheckoutSchema,
  CreateCheckoutRequestSchema,
  createdAtMs,
  expiresAtMs,
  offeredNetworks,
  type CreateCheckoutRequest,
} from '../../../../lib/payfect';
import { OrderSchema } from '../../../../lib/order';
import { seedCurlBody, seedRequest, seedResponse, seedResponseText } from './fixtures.ts';

/** The seed request with its first item changed: `patch` on the item, `price` on price_data. */
function withItem(patch: Record<string, unknown>, price: Record<string, unknown> = {}): unknown {
  const [item] = seedRequest.invoice_items;
  return {
    ...seedRequest,
    invoice_items: [{ ...item, ...patch, price_data: { ...item?.price_data, ...price } }],
  };
}

function paths(result: ReturnType<typeof z.safeParse>): string[] {
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
}

describe('the create-checkout request schema', () => {
  it('accepts the example request body of the seed page', () => {
    expect(z.safeParse(CreateCheckoutRequestSchema, seedRequest).success).toBe(true);
  });

  it('accepts the smallest request: a currency and one item', () => {
    const request: CreateCheckoutRequest = {
      currency: 'usdt',
      invoice_items: [
        {
          price_data: { product_data: { name: 'Logo' }, currency: 'usdt', unit_amount: '20' },
          quantity: 2,
        },
      ],
    };
    expect(z.safeParse(CreateCheckoutRequestSchema, request).success).toBe(true);
  });

  it('refuses the curl example, which sends upper-case and mixed currencies', () => {
    const result = z.safeParse(CreateCheckoutRequestSchema, JSON.parse(seedCurlBody));
    expect(paths(result)).toEqual(
      expect.arrayContaining([
        'currency',
        'invoice_items.0.price_data.currency',
        'payment_method_data.paymentMethodDetail.currency',
      ]),
    );
  });

  it('refuses items priced in another currency than the checkout', () => {
    const request = withItem({}, { currency: 'usdc' });
    expect(paths(z.safeParse(CreateCheckoutRequestSchema, request))).toEqual([
      'invoice_items.0.price_data.currency',
    ]);
  });

  it.each(['20.5', '20', '0.000001', '1.000000000000000001', '20.50'])(
    'accepts the decimal string %s as a unit amount',
    (amount) => {
      expect(
        z.safeParse(CreateCheckoutRequestSchema, withItem({}, { unit_amount: amount })).success,
      ).toBe(true);
    },
  );

  it.each([
    20.5,
    '0',
    '0.00',
    '-1',
    '1e3',
    ' 20',
    '020',
    '20.',
    '.5',
    '20,5',
    '1.0000000000000000001',
  ])('refuses %j as a unit amount', (amount) => {
    expect(
      paths(z.safeParse(CreateCheckoutRequestSchema, withItem({}, { unit_amount: amount }))),
    ).toContain('invoice_items.0.price_data.unit_amount');
  });

  it.each([0, -1, 1.5, '1'])('refuses %j as a quantity', (quantity) => {
    const request = withItem({ quantity });
    expect(paths(z.safeParse(CreateCheckoutRequestSchema, request))).toContain(
      'invoice_items.0.quantity',
    );
  });

  it('refuses unknown keys so nothing unplanned is sent', () => {
    const request = { ...seedRequest, amount_total: '20.5' };
    expect(z.safeParse(CreateCheckoutRequestSchema, request).success).toBe(false);
  });

  it('refuses an empty item list, an empty name and a non-http redirect URL', () => {
    const request = { ...seedRequest, invoice_items: [], success_url: 'javascript:alert(1)' };
    expect(paths(z.safeParse(CreateCheckoutRequestSchema, request))).toEqual(
      expect.arrayContaining(['invoice_items', 'success_url']),
    );
    const unnamed = withItem({}, { product_data: { name: '' } });
    expect(paths(z.safeParse(CreateCheckoutRequestSchema, unnamed))).toEqual([
      'invoice_items.0.price_data.product_data.name',
    ]);
  });
});

describe('the checkout response schema', () => {
  it('parses the example response of the seed page', () => {
    const result = z.safeParse(CheckoutSchema, JSON.parse(seedResponseText));
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.data).toMatchObject({
      id: 'ed8d24aa-a860-426b-8e56-87cb9f55a081',
      status: 'open',
      amountTotal: '20.00',
      currency: 'usdt',
      isLivemode: false,
      merchant: { name: '頑碼資訊有限公司' },
    });
    expect(result.data).toEqual(JSON.parse(seedResponseText));
  });

  it('keeps fields it does not know', () => {
    const body = { ...seedResponse(), livemodeBanner: 'sandbox', extra: { nested: [1, 2] } };
    const result = z.safeParse(CheckoutSchema, body);
    expect(result.success && result.data).toMatchObject({
      livemodeBanner: 'sandbox',
      extra: { nested: [1, 2] },
    });
  });

  it('reads expiresAt given in unix milliseconds', () => {
    const result = z.safeParse(CheckoutSchema, seedResponse());
    expect(result.success && expiresAtMs(result.data)).toBe(1703939166000);
  });

  it.each([
    ['2023-12-30T12:26:06Z', 1703939166000],
    ['2023-12-30T12:26:06.000Z', 1703939166000],
    ['2023-12-30T20:26:06+08:00', 1703939166000],
    ['2023-12-30T12:26:06.123456', 1703939166123],
  ])('reads expiresAt given in ISO-8601 (%s)', (expiresAt, ms) => {
    const result = z.safeParse(CheckoutSchema, { ...seedResponse(), expiresAt });
    expect(result.success && expiresAtMs(result.data)).toBe(ms);
  });

  it.each(['tomorrow', '', '1703939166000.5', '2023-13-30T12:26:06Z', '2023-02-30T00:00:00Z'])(
    'refuses the expiresAt %j',
    (expiresAt) => {
      expect(paths(z.safeParse(CheckoutSchema, { ...seedResponse(), expiresAt }))).toEqual([
        'expiresAt',
      ]);
    },
  );

  it('reads createdAt given in unix seconds with a fraction', () => {
    const result = z.safeParse(CheckoutSchema, seedResponse());
    expect(result.success && createdAtMs(result.data)).toBe(1690532072289);
  });

  it('lists the networks the session offers', () => {
    const result = z.safeParse(CheckoutSchema, seedResponse());
    expect(result.success && offeredNetworks(result.data)).toEqual([
      { value: 'tron', name: 'Tron (TRC20)' },
    ]);
    expect(offeredNetworks({ paymentMethodOptions: null })).toEqual([]);
  });

  it('refuses offered networks an order could not hold, and makes their names safe to show', () => {
    const networks = [
      { value: 'polygon', name: 'Polygon\u202E (PoS)\u200B' },
      { value: 'TRON', name: 'Upper case' },
      { value: 'tron; drop', name: 'Injected' },
      { value: 'x'.repeat(33), name: 'Too long' },
      { value: '', name: 'Empty' },
      { value: 'bsc', name: 'B'.repeat(500) },
      { value: 'arbitrum', name: '\u2066\u2069' },
      { value: 'base', name: '<b>Base</b> — send to 0xEvil' },
      { value: 'solana', name: 'Solana: https://pay.evil.example' },
    ];
    const offered = offeredNetworks({
      paymentMethodOptions: { crypto: [{ currency: null, networks }] },
    });
    expect(offered).toEqual([
      { value: 'polygon', name: 'Polygon (PoS)' },
      // Too long, hidden characters only, markup, a sentence with a link: the value itself.
      { value: 'bsc', name: 'bsc' },
      { value: 'arbitrum', name: 'arbitrum' },
      { value: 'base', name: 'base' },
      { value: 'solana', name: 'solana' },
    ]);
    for (const { value } of offered) {
      expect(z.safeParse(OrderSchema.shape.network, value).success).toBe(true);
    }
  });

  it('offers at most 20 networks', () => {
    const networks = Array.from({ length: 500 }, (_, i) => ({ value: `n${i}`, name: `N${i}` }));
    const offered = offeredNetworks({
      paymentMethodOptions: { crypto: [{ currency: null, networks }] },
    });
    expect(offered).toHaveLength(20);
  });

  it('accepts amounts with any number of decimals', () => {
    const result = z.safeParse(CheckoutSchema, { ...seedResponse(), amountTotal: '20.500000' });
    expect(result.success && result.data.amountTotal).toBe('20.500000');
  });

  it.each([
    ['id', ''],
    ['id', 42],
    ['url', undefined],
    ['status', 42],
    ['amountTotal', 20],
    ['amountTotal', '-1'],
    ['currency', undefined],
    ['createdAt', 1690532072.288761],
  ])('refuses %s = %j', (field, value) => {
    const body = { ...seedResponse(), [field]: value };
    expect(paths(z.safeParse(CheckoutSchema, body))).toEqual([field]);
  });

  it('drops a malformed optional field instead of refusing a created checkout', () => {
    const body = { ...seedResponse(), isLivemode: 'no', paymentMethodOptions: { crypto: 'tron' } };
    const result = z.safeParse(CheckoutSchema, body);
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.data.isLivemode).toBeUndefined();
    expect(offeredNetworks(result.data)).toEqual([]);
  });

  it('keeps a status the docs do not list, as received, instead of refusing the checkout', () => {
    for (const status of ['processing', 'refunded', 'Partially Paid']) {
      const result = z.safeParse(CheckoutSchema, { ...seedResponse(), status });
      expect(result.success && result.data.status).toBe(status);
    }
  });

  it('reads a documented status in any case, and makes an odd one safe to show', () => {
    const parse = (status: unknown) => {
      const result = z.safeParse(CheckoutSchema, { ...seedResponse(), status });
      return result.success ? result.data.status : 'refused';
    };
    expect(parse('COMPLETE')).toBe('complete');
    expect(parse('pro\u202Ecessing\u200B\n')).toBe('processing');
    expect(parse('\u202E')).toBe('unknown');
    expect(parse('x'.repeat(500))).toBe('x'.repeat(40));
    expect(parse(3)).toBe('refused');
  });
});
