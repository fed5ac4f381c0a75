import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { orderToRequest } from '../../../entrypoints/background/order-to-request.ts';
import { formatDecimal, multiply, parseDecimal, sum } from '../../../lib/money.ts';
import { CreateCheckoutRequestSchema } from '../../../lib/payfect/index.ts';
import { order } from './helpers.ts';

describe('orderToRequest', () => {
  it('builds the snake_case body Payfect documents, paid in USDT on the chosen network', () => {
    const request = orderToRequest(
      order({
        items: [
          { name: 'Logo', description: 'Two rounds', unitAmount: '20.5', quantity: 2 },
          { name: 'Hosting', description: '', unitAmount: '5', quantity: 1 },
        ],
        successUrl: 'https://example.com/thanks',
      }),
    );
    expect(request).toEqual({
      currency: 'usdt',
      invoice_items: [
        {
          price_data: {
            product_data: { name: 'Logo', description: 'Two rounds' },
            currency: 'usdt',
            unit_amount: '20.5',
          },
          quantity: 2,
        },
        {
          price_data: { product_data: { name: 'Hosting' }, currency: 'usdt', unit_amount: '5' },
          quantity: 1,
        },
      ],
      client_reference_id: 'INV-42',
      success_url: 'https://example.com/thanks',
      payment_method_data: {
        type: 'cryptopaymentmethoddetail',
        paymentMethodDetail: { currency: 'usdt', network: 'tron' },
      },
    });
    expect(z.safeParse(CreateCheckoutRequestSchema, request).success).toBe(true);
  });

  it('leaves out empty URLs and an empty description', () => {
    const request = orderToRequest(order());
    expect(Object.keys(request)).not.toContain('success_url');
    expect(Object.keys(request)).not.toContain('cancel_url');
    expect(Object.keys(request)).not.toContain('callback_url');
    expect(request.invoice_items[0]?.price_data.product_data).toEqual({ name: 'Logo design' });
  });

  it('lower-cases the currency of the checkout and of every item', () => {
    const request = orderToRequest(order({ currency: 'USD' }));
    expect(request.currency).toBe('usd');
    expect(request.invoice_items[0]?.price_data.currency).toBe('usd');
    expect(request.payment_method_data?.paymentMethodDetail.currency).toBe('usdt');
  });
});

describe('orderToRequest with tax', () => {
  const NET_ITEMS = [
    { name: 'Design', description: '', unitAmount: '100', quantity: 1 },
    { name: 'Hosting', description: '', unitAmount: '19.99', quantity: 1 },
  ];

  /** Payfect's total as it sums the lines: unit amount × quantity, exactly. */
  function requestTotal(request: ReturnType<typeof orderToRequest>): string {
    const lines = request.invoice_items.map((item) => {
      const unit = parseDecimal(item.price_data.unit_amount);
      if (!unit.ok) throw new Error(item.price_data.unit_amount);
      return multiply(unit.value, item.quantity);
    });
    return formatDecimal(sum(lines), 2);
  }

  it('sends the tax as its own line "VAT 20%" after the net items, so the total is 143.99', () => {
    const request = orderToRequest(
      order({
        items: NET_ITEMS,
        currency: 'usd',
        taxMode: 'tax',
        taxRate: '20',
        taxLabel: 'VAT',
      }),
    );
    expect(request.invoice_items).toHaveLength(3);
    expect(request.invoice_items[2]).toEqual({
      price_data: { product_data: { name: 'VAT 20%' }, currency: 'usd', unit_amount: '24' },
      quantity: 1,
    });
    expect(requestTotal(request)).toBe('143.99');
    expect(z.safeParse(CreateCheckoutRequestSchema, request).success).toBe(true);
  });

  it('sends the net items only without tax, under reverse charge, and for older orders', () => {
    for (const taxed of [{}, { taxMode: 'none' }, { taxMode: 'reverse', taxLabel: 'VAT' }]) {
      const request = orderToRequest(order({ items: NET_ITEMS, currency: 'usd', ...taxed }));
      expect(request.invoice_items).toHaveLength(2);
      expect(requestTotal(request)).toBe('119.99');
    }
  });
});
