import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { orderToRequest } from '../../../entrypoints/background/order-to-request.ts';
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
