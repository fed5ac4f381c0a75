import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  add,
  compare,
  currencyDecimals,
  formatDecimal,
  isZero,
  multiply,
  parseDecimal,
  sum,
  ZERO,
  type Decimal,
  type MoneyError,
} from '../../../lib/money.ts';
import { draftTotal, emptyDraft } from '../../../lib/draft.ts';
import { DEFAULT_SETTINGS } from '../../../lib/settings.ts';

function parsed(text: string, maxDecimals?: number): Decimal {
  const result = parseDecimal(text, maxDecimals === undefined ? {} : { maxDecimals });
  if (!result.ok) throw new Error(`expected ${text} to parse, got ${result.error.kind}`);
  return result.value;
}

function rejection(text: string, maxDecimals?: number): MoneyError {
  const result = parseDecimal(text, maxDecimals === undefined ? {} : { maxDecimals });
  if (result.ok) throw new Error(`expected ${text} to be rejected`);
  return result.error;
}

describe('parseDecimal', () => {
  it.each([
    ['20.5', '20.5'],
    ['20.50', '20.5'],
    [' 20 ', '20'],
    ['0', '0'],
    ['0.000001', '0.000001'],
    ['007.10', '7.1'],
    ['.5', '0.5'],
    ['5.', '5'],
    ['+3', '3'],
    ['２０．５', '20.5'],
    ['123456789012345', '123456789012345'],
  ])('reads %j as %s', (text, canonical) => {
    expect(formatDecimal(parsed(text))).toBe(canonical);
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['-1', 'negative'],
    ['-0.5', 'negative'],
    ['1e3', 'exponent'],
    ['2E-2', 'exponent'],
    ['1,000.50', 'separator'],
    ['20,5', 'separator'],
    ['1 000', 'separator'],
    ['NaN', 'invalid'],
    ['Infinity', 'invalid'],
    ['abc', 'invalid'],
    ['.', 'invalid'],
    ['1.2.3', 'invalid'],
    ['$20', 'invalid'],
    ['0x10', 'invalid'],
  ])('refuses %j as %s', (text, kind) => {
    expect(rejection(text).kind).toBe(kind);
  });

  it('refuses more decimals than the currency allows instead of rounding', () => {
    expect(rejection('0.0000001', 6)).toEqual({ kind: 'too_many_decimals', maxDecimals: 6 });
    expect(rejection('0.001', 2)).toEqual({ kind: 'too_many_decimals', maxDecimals: 2 });
    expect(formatDecimal(parsed('0.000001', 6))).toBe('0.000001');
    expect(formatDecimal(parsed('1.100000000', 2))).toBe('1.1');
  });

  it('refuses a 30-digit amount', () => {
    expect(rejection('1'.repeat(30))).toEqual({ kind: 'too_large', maxIntegerDigits: 15 });
    expect(parseDecimal('1'.repeat(30), { maxIntegerDigits: 40 }).ok).toBe(true);
  });

  it('does not count leading zeros against the size limit', () => {
    expect(formatDecimal(parsed(`${'0'.repeat(20)}1`))).toBe('1');
  });
});

describe('arithmetic', () => {
  it('adds 0.1 and 0.2 to exactly 0.3', () => {
    expect(formatDecimal(add(parsed('0.1'), parsed('0.2')))).toBe('0.3');
  });

  it('multiplies a unit price by an integer quantity exactly', () => {
    expect(formatDecimal(multiply(parsed('20.5'), 3))).toBe('61.5');
    expect(formatDecimal(multiply(parsed('0.000001'), 10_000_000n))).toBe('10');
    expect(formatDecimal(multiply(parsed('19.99'), 0))).toBe('0');
  });

  it('refuses a fractional quantity', () => {
    expect(() => multiply(parsed('1'), 1.5)).toThrow(RangeError);
  });

  it('sums line totals of mixed precision', () => {
    const total = sum([multiply(parsed('20.5'), 1), multiply(parsed('0.000001'), 3), parsed('1')]);
    expect(formatDecimal(total)).toBe('21.500003');
    expect(formatDecimal(sum([]))).toBe('0');
  });

  it('handles amounts far beyond the float range exactly', () => {
    const big = parsed('999999999999999.999999');
    expect(formatDecimal(add(big, parsed('0.000001')))).toBe('1000000000000000');
  });

  it('compares across scales', () => {
    expect(compare(parsed('1.50'), parsed('1.5'))).toBe(0);
    expect(compare(parsed('1.05'), parsed('1.5'))).toBe(-1);
    expect(compare(parsed('10'), parsed('9.999999'))).toBe(1);
    expect(isZero(parsed('0.000'))).toBe(true);
  });
});

describe('formatDecimal', () => {
  it('pads to a minimum number of decimals for display', () => {
    expect(formatDecimal(parsed('20'), 2)).toBe('20.00');
    expect(formatDecimal(parsed('20.5'), 2)).toBe('20.50');
    expect(formatDecimal(parsed('20.123456'), 2)).toBe('20.123456');
    expect(formatDecimal(parsed('0.05'))).toBe('0.05');
  });
});

describe('currencyDecimals', () => {
  it('knows USDT has 6 decimals and fiat 2 unless listed', () => {
    expect(currencyDecimals('usdt')).toBe(6);
    expect(currencyDecimals('USDT')).toBe(6);
    expect(currencyDecimals('twd')).toBe(2);
    expect(currencyDecimals('usd')).toBe(2);
    expect(currencyDecimals('jpy')).toBe(0);
  });
});

describe('properties', () => {
  const decimalText = fc
    .tuple(fc.bigInt({ min: 0n, max: 10n ** 15n - 1n }), fc.integer({ min: 0, max: 6 }))
    .map(([units, scale]) => formatDecimal({ units, scale }));

  it('format(parse(x)) is a fixed point of canonical text', () => {
    fc.assert(
      fc.property(decimalText, (text) => {
        expect(formatDecimal(parsed(text))).toBe(text);
      }),
    );
  });

  it('trailing zeros never change the value', () => {
    fc.assert(
      fc.property(decimalText, fc.integer({ min: 0, max: 5 }), (text, zeros) => {
        const padded = text.includes('.')
          ? text + '0'.repeat(zeros)
          : `${text}.${'0'.repeat(zeros)}`;
        expect(compare(parsed(padded), parsed(text))).toBe(0);
      }),
    );
  });

  it('sum agrees with BigInt arithmetic at micro-unit scale', () => {
    fc.assert(
      fc.property(fc.array(decimalText, { maxLength: 20 }), (texts) => {
        const micro = texts.reduce((acc, t) => {
          const d = parsed(t);
          return acc + d.units * 10n ** BigInt(6 - d.scale);
        }, 0n);
        expect(compare(sum(texts.map((t) => parsed(t))), { units: micro, scale: 6 })).toBe(0);
      }),
    );
  });

  it('addition is commutative and multiplication distributes over it', () => {
    fc.assert(
      fc.property(decimalText, decimalText, fc.integer({ min: 0, max: 1000 }), (a, b, q) => {
        const x = parsed(a);
        const y = parsed(b);
        expect(compare(add(x, y), add(y, x))).toBe(0);
        expect(compare(multiply(add(x, y), q), add(multiply(x, q), multiply(y, q)))).toBe(0);
      }),
    );
  });

  const anyDecimal = fc.record({
    units: fc.bigInt({ min: 0n, max: 10n ** 21n - 1n }),
    scale: fc.integer({ min: 0, max: 6 }),
  });

  it('parse(format(d)) gives back the same amount, however many decimals the display pads', () => {
    fc.assert(
      fc.property(anyDecimal, fc.integer({ min: 0, max: 6 }), (value, minDecimals) => {
        const text = formatDecimal(value, minDecimals);
        const back = parseDecimal(text, { maxIntegerDigits: 30 });
        expect(back.ok && compare(back.value, value)).toBe(0);
      }),
    );
  });

  it('full-width digits and point read as the same amount as ASCII ones', () => {
    const fullWidth = (text: string) =>
      text.replace(/[0-9.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    fc.assert(
      fc.property(decimalText, (text) => {
        expect(compare(parsed(fullWidth(text)), parsed(text))).toBe(0);
      }),
    );
  });

  it('a separator anywhere inside the digits is refused, never read as another amount', () => {
    fc.assert(
      fc.property(
        decimalText.filter((text) => text.length >= 2),
        fc.nat(),
        fc.constantFrom(',', ' ', '_', "'", '’'),
        (text, at, separator) => {
          const cut = 1 + (at % (text.length - 1));
          const typed = `${text.slice(0, cut)}${separator}${text.slice(cut)}`;
          const result = parseDecimal(typed);
          expect(result.ok ? formatDecimal(result.value) : result.error.kind).toBe('separator');
        },
      ),
    );
  });

  it('a sum does not depend on the order of its terms', () => {
    fc.assert(
      fc.property(fc.array(decimalText, { maxLength: 20 }), fc.nat(), (texts, seed) => {
        const values = texts.map((text) => parsed(text));
        const rotated = values.map((_, i) => values[(i + seed) % values.length] ?? ZERO);
        expect(compare(sum(rotated), sum(values))).toBe(0);
        expect(compare(sum([...values].reverse()), sum(values))).toBe(0);
      }),
    );
  });

  it("the form's total is the exact sum of price × quantity, shown with at least 2 decimals", () => {
    const line = fc.record({
      price: decimalText.filter((text) => !isZero(parsed(text))),
      quantity: fc.integer({ min: 1, max: 1_000_000 }),
    });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 20 }), (lines) => {
        const draft = {
          ...emptyDraft(DEFAULT_SETTINGS, 'INV-1'),
          items: lines.map(({ price, quantity }) => ({
            name: 'Line',
            description: '',
            unitPrice: price,
            quantity: String(quantity),
          })),
        };
        const expected = sum(lines.map(({ price, quantity }) => multiply(parsed(price), quantity)));
        expect(draftTotal(draft)).toBe(formatDecimal(expected, 2));
      }),
    );
  });
});
