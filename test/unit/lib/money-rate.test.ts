import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../../lib/format.ts';
import {
  divideSignificant,
  formatDecimal,
  multiplyDecimals,
  parseDecimal,
  roundHalfUp,
  type Decimal,
} from '../../../lib/money.ts';

function decimal(text: string): Decimal {
  const parsed = parseDecimal(text);
  if (!parsed.ok) throw new Error(`not a decimal: ${text}`);
  return parsed.value;
}

function quotient(a: string, b: string, digits: number): string | undefined {
  const value = divideSignificant(decimal(a), decimal(b), digits);
  return value === undefined ? undefined : formatDecimal(value);
}

describe('divideSignificant', () => {
  it('gives a rate to a fixed number of significant digits, rounded half-up', () => {
    expect(quotient('376.47', '12000', 6)).toBe('0.0313725');
    expect(quotient('12000', '376.47', 6)).toBe('31.875'); // 31.8750: printed without the zero
    expect(quotient('1', '3', 6)).toBe('0.333333');
    expect(quotient('2', '3', 6)).toBe('0.666667');
    expect(quotient('374.42', '12000.50', 6)).toBe('0.0312004');
  });

  it('keeps the digit count when rounding carries', () => {
    expect(divideSignificant(decimal('99.99995'), decimal('1'), 6)).toEqual({
      units: 100000n,
      scale: 3,
    });
    expect(divideSignificant(decimal('0.0999999'), decimal('1'), 3)).toEqual({
      units: 100n,
      scale: 3,
    });
  });

  it('is exact where the quotient ends, and undefined for a zero divisor', () => {
    expect(quotient('0.5', '0.25', 6)).toBe('2');
    expect(quotient('0', '7', 6)).toBe('0');
    expect(quotient('7', '0', 6)).toBeUndefined();
  });
});

describe('roundHalfUp and multiplyDecimals', () => {
  it('round a converted total to cents', () => {
    expect(
      formatDecimal(roundHalfUp(multiplyDecimals(decimal('12000.5'), decimal('0.0312')), 2), 2),
    ).toBe('374.42');
    expect(formatDecimal(roundHalfUp(decimal('0.125'), 2), 2)).toBe('0.13');
    expect(formatDecimal(roundHalfUp(decimal('0.124'), 2), 2)).toBe('0.12');
    expect(formatDecimal(roundHalfUp(decimal('3.1'), 2), 2)).toBe('3.10');
  });
});

describe('formatMoney', () => {
  it('groups an amount with its currency decimals', () => {
    expect(formatMoney('1250', 'TWD', 'en')).toBe('1,250.00');
    expect(formatMoney('85.5', 'usd', 'en')).toBe('85.50');
    expect(formatMoney('1626.38', 'USDT', 'en')).toBe('1,626.38');
    expect(formatMoney('1250', 'jpy', 'en')).toBe('1,250');
    expect(formatMoney('12000', 'twd', 'zh-TW')).toBe('12,000.00');
  });

  it('never loses a digit a coin has, nor one a stored amount has', () => {
    expect(formatMoney('0.123456', 'usdt', 'en')).toBe('0.123456');
    expect(formatMoney('20.00', 'usdt', 'en')).toBe('20.00');
    expect(formatMoney('1.005', 'twd', 'en')).toBe('1.005');
  });

  it('leaves what is not a plain decimal as it is', () => {
    expect(formatMoney('1,250', 'twd', 'en')).toBe('1,250');
    expect(formatMoney('n/a', 'twd', 'en')).toBe('n/a');
  });
});
