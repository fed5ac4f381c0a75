import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDecimal, parseDecimal, type Decimal } from '../../../lib/money.ts';
import {
  invoiceTotals,
  parseTaxRate,
  percentOf,
  taxLine,
  taxLineName,
  taxModeOf,
} from '../../../lib/tax.ts';

const ITEMS = [
  { unitAmount: '100', quantity: 1 },
  { unitAmount: '19.99', quantity: 1 },
];

function decimal(text: string): Decimal {
  const parsed = parseDecimal(text);
  if (!parsed.ok) throw new Error(text);
  return parsed.value;
}

describe('invoiceTotals', () => {
  it('taxes 100.00 + 19.99 at 20 % once on the net total: 119.99, 24.00 (23.998 up), 143.99', () => {
    const totals = invoiceTotals({
      items: ITEMS,
      currency: 'usd',
      taxMode: 'tax',
      taxRate: '20',
      taxLabel: 'VAT',
    });
    expect(totals).toEqual({
      mode: 'tax',
      net: '119.99',
      tax: '24.00',
      gross: '143.99',
      rate: '20',
      label: 'VAT',
    });
  });

  it('rounds a half cent up: 10.10 at 5 % is 0.505, charged as 0.51', () => {
    const totals = invoiceTotals({
      items: [{ unitAmount: '10.1', quantity: 1 }],
      currency: 'usd',
      taxMode: 'tax',
      taxRate: '5',
    });
    expect(totals.tax).toBe('0.51');
    expect(totals.gross).toBe('10.61');
  });

  it('rounds just under a half down: 10.09 at 5 % is 0.5045, charged as 0.50', () => {
    const totals = invoiceTotals({
      items: [{ unitAmount: '10.09', quantity: 1 }],
      currency: 'usd',
      taxMode: 'tax',
      taxRate: '5',
    });
    expect(totals.tax).toBe('0.50');
  });

  it('rounds to whole units in a currency without decimals (JPY): 1,999 at 5 % is 100', () => {
    const totals = invoiceTotals({
      items: [{ unitAmount: '1999', quantity: 1 }],
      currency: 'jpy',
      taxMode: 'tax',
      taxRate: '5',
    });
    expect(totals).toMatchObject({ net: '1999', tax: '100', gross: '2099' });
  });

  it('keeps USDT to its six decimals: 0.333333 at 5.5 % is 0.018333 (0.0183333…)', () => {
    const totals = invoiceTotals({
      items: [{ unitAmount: '0.333333', quantity: 1 }],
      currency: 'usdt',
      taxMode: 'tax',
      taxRate: '5.5',
    });
    expect(totals.tax).toBe('0.018333');
  });

  it('charges no tax without a mode (links from before tax), and 0 % under reverse charge', () => {
    expect(invoiceTotals({ items: ITEMS, currency: 'usd' })).toEqual({
      mode: 'none',
      net: '119.99',
      tax: '0.00',
      gross: '119.99',
      rate: '0',
      label: 'Tax',
    });
    expect(
      invoiceTotals({ items: ITEMS, currency: 'usd', taxMode: 'reverse', taxLabel: 'VAT' }),
    ).toMatchObject({ mode: 'reverse', tax: '0.00', gross: '119.99', rate: '0', label: 'VAT' });
  });

  it('reads a damaged stored rate as no tax rather than guessing', () => {
    const totals = invoiceTotals({ items: ITEMS, currency: 'usd', taxMode: 'tax', taxRate: 'x' });
    expect(totals).toMatchObject({ mode: 'none', tax: '0.00', gross: '119.99' });
  });
});

describe('percentOf', () => {
  it('is within half a unit of its last decimal of net × rate, a half rounded up', () => {
    const decimalArb = (max: bigint, scales: number) =>
      fc
        .tuple(fc.bigInt({ min: 0n, max }), fc.integer({ min: 0, max: scales }))
        .map(([units, scale]): Decimal => ({ units, scale }));
    fc.assert(
      fc.property(
        decimalArb(10n ** 15n, 6),
        decimalArb(100_000n, 3),
        fc.integer({ min: 0, max: 6 }),
        (net, percent, decimals) => {
          const tax = percentOf(net, percent, decimals);
          const exact = net.units * percent.units * 10n ** BigInt(decimals);
          const unit = 10n ** BigInt(net.scale + percent.scale + 2);
          const off = 2n * (tax.units * unit - exact);
          return tax.scale === decimals && off > -unit && off <= unit;
        },
      ),
    );
  });
});

describe('parseTaxRate', () => {
  it('takes a percentage with up to three decimals, a "%" after it and surrounding spaces', () => {
    expect(parseTaxRate('20')).toEqual({ ok: true, value: '20' });
    expect(parseTaxRate(' 5.50 % ')).toEqual({ ok: true, value: '5.5' });
    expect(parseTaxRate('8.875')).toEqual({ ok: true, value: '8.875' });
    expect(parseTaxRate('100')).toEqual({ ok: true, value: '100' });
  });

  it('refuses 0, more than 100, a fourth decimal, a sign and words, each with its reason', () => {
    expect(parseTaxRate('')).toEqual({ ok: false, error: 'empty' });
    expect(parseTaxRate('0')).toEqual({ ok: false, error: 'range' });
    expect(parseTaxRate('100.001')).toEqual({ ok: false, error: 'range' });
    expect(parseTaxRate('1000')).toEqual({ ok: false, error: 'range' });
    expect(parseTaxRate('-5')).toEqual({ ok: false, error: 'range' });
    expect(parseTaxRate('5.1234')).toEqual({ ok: false, error: 'decimals' });
    expect(parseTaxRate('twenty')).toEqual({ ok: false, error: 'invalid' });
    expect(parseTaxRate('5,5')).toEqual({ ok: false, error: 'invalid' });
  });
});

describe('taxLine', () => {
  it('is one line "VAT 20%" of quantity 1 whose amount is the tax, in canonical text', () => {
    const totals = invoiceTotals({
      items: ITEMS,
      currency: 'usd',
      taxMode: 'tax',
      taxRate: '20',
      taxLabel: 'VAT',
    });
    expect(taxLine(totals)).toEqual({
      name: 'VAT 20%',
      description: '',
      unitAmount: '24',
      quantity: 1,
    });
    expect(taxLineName({ label: '營業稅', rate: '5' })).toBe('營業稅 5%');
  });

  it('is absent without tax, under reverse charge, and for a tax that rounds to nothing', () => {
    expect(taxLine(invoiceTotals({ items: ITEMS, currency: 'usd' }))).toBeUndefined();
    expect(
      taxLine(invoiceTotals({ items: ITEMS, currency: 'usd', taxMode: 'reverse' })),
    ).toBeUndefined();
    const tiny = invoiceTotals({
      items: [{ unitAmount: '0.01', quantity: 1 }],
      currency: 'usd',
      taxMode: 'tax',
      taxRate: '5',
    });
    expect(taxLine(tiny)).toBeUndefined();
  });

  it('reads an empty or unknown stored mode as no tax', () => {
    expect(taxModeOf(undefined)).toBe('none');
    expect(taxModeOf('')).toBe('none');
    expect(taxModeOf('vat')).toBe('none');
    expect(formatDecimal(decimal('24.00'))).toBe('24');
  });
});
