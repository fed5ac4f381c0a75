import { describe, expect, it } from 'vitest';
import { parseCliArgs, USAGE } from '../../sandbox/cli-args.ts';
import { create, sandboxForTest } from './helpers.ts';

/*
 * The sandbox's USDT-quoting mode: Payfect may answer a fiat-priced checkout in USDT, and the
 * invoice then prints both totals and their rate. Both answers are served so both are tested.
 */

function twdOrder(unitAmount: string, quantity = 1) {
  return {
    currency: 'twd',
    invoice_items: [
      {
        price_data: { currency: 'twd', unit_amount: unitAmount, product_data: { name: 'Logo' } },
        quantity,
      },
    ],
  };
}

describe('--quote-usdt', () => {
  it('answers a fiat order in USDT at the configured rate, rounded half-up to cents', async () => {
    const sandbox = await sandboxForTest({ quoteUsdt: '0.0312' });
    const answer = await create(sandbox, twdOrder('12000.5'));
    expect(answer.status).toBe(200);
    // 12000.50 × 0.0312 = 374.4156 → 374.42
    expect(answer.json).toMatchObject({ currency: 'usdt', amountTotal: '374.42' });
  });

  it('leaves a USDT order as it is', async () => {
    const sandbox = await sandboxForTest({ quoteUsdt: '0.0312' });
    const order = twdOrder('20.5', 2);
    const answer = await create(sandbox, {
      ...order,
      currency: 'usdt',
      invoice_items: order.invoice_items.map((item) => ({
        ...item,
        price_data: { ...item.price_data, currency: 'usdt' },
      })),
    });
    expect(answer.json).toMatchObject({ currency: 'usdt', amountTotal: '41.00' });
  });

  it('echoes the fiat currency without it, as the docs show', async () => {
    const sandbox = await sandboxForTest();
    const answer = await create(sandbox, twdOrder('12000'));
    expect(answer.json).toMatchObject({ currency: 'twd', amountTotal: '12000.00' });
  });

  it('is read from the command line or the environment, documented, and checked', () => {
    expect(parseCliArgs(['--quote-usdt', '0.0312'], {})).toMatchObject({
      ok: true,
      value: { quoteUsdt: '0.0312' },
    });
    expect(parseCliArgs([], { PAYFECT_SANDBOX_QUOTE_USDT: '0.031' })).toMatchObject({
      ok: true,
      value: { quoteUsdt: '0.031' },
    });
    expect(parseCliArgs(['--quote-usdt', 'cheap'], {})).toMatchObject({ ok: false });
    expect(parseCliArgs(['--quote-usdt', '0'], {})).toMatchObject({ ok: false });
    expect(USAGE).toContain('--quote-usdt RATE');
  });
});
