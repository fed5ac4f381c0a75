import { err, ok, type Result } from './result.ts';
import { currencyFacts, FIAT_DECIMALS, OTHER_CURRENCY_DECIMALS } from './currencies.ts';

/**
 * An exact non-negative decimal: `units / 10^scale`. Money never touches a JavaScript
 * number, so "0.1" + "0.2" is "0.3" and "20.5" never prints as "20.499999".
 */
export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

export type MoneyError =
  | { readonly kind: 'empty' }
  | { readonly kind: 'invalid' }
  | { readonly kind: 'negative' }
  | { readonly kind: 'separator' }
  | { readonly kind: 'exponent' }
  | { readonly kind: 'too_many_decimals'; readonly maxDecimals: number }
  | { readonly kind: 'too_large'; readonly maxIntegerDigits: number };

export interface ParseOptions {
  /** Digits allowed after the point; more is an error, never a silent rounding. */
  readonly maxDecimals?: number;
  /** Digits allowed before the point (default 15: far above any invoice, far below nonsense). */
  readonly maxIntegerDigits?: number;
}

const DECIMAL = /^(\d*)(?:\.(\d*))?$/;
const DEFAULT_MAX_INTEGER_DIGITS = 15;

/**
 * Reads a decimal string as a person or a server wrote it. Strict on purpose: a sign, an
 * exponent ("1e3") or a thousands separator ("1,000.50" — a decimal comma in much of the
 * world) is refused with its own kind so the form can say exactly what to change.
 * Surrounding white space is ignored; ".5" and "5." are read as 0.5 and 5.
 */
export function parseDecimal(
  text: string,
  options: ParseOptions = {},
): Result<Decimal, MoneyError> {
  const maxIntegerDigits = options.maxIntegerDigits ?? DEFAULT_MAX_INTEGER_DIGITS;
  // NFKC turns full-width digits and points ("２０．５", typed with an East Asian IME) into
  // ASCII, so they are accepted as what the person meant.
  const trimmed = text.normalize('NFKC').trim();
  if (trimmed === '') return err({ kind: 'empty' });
  if (trimmed.startsWith('-')) return err({ kind: 'negative' });
  if (/[eE]/.test(trimmed) && /\d/.test(trimmed)) return err({ kind: 'exponent' });
  if (/^[\d.,\s'’_]+$/.test(trimmed) && /[,\s'’_]/.test(trimmed)) return err({ kind: 'separator' });
  const match = DECIMAL.exec(trimmed.startsWith('+') ? trimmed.slice(1) : trimmed);
  if (!match) return err({ kind: 'invalid' });
  const whole = match[1] ?? '';
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (whole === '' && fraction === '' && !/\d/.test(trimmed)) return err({ kind: 'invalid' });
  if (options.maxDecimals !== undefined && fraction.length > options.maxDecimals) {
    return err({ kind: 'too_many_decimals', maxDecimals: options.maxDecimals });
  }
  if (whole.replace(/^0+/, '').length > maxIntegerDigits) {
    return err({ kind: 'too_large', maxIntegerDigits });
  }
  return ok({ units: BigInt((whole || '0') + fraction), scale: fraction.length });
}

/** Canonical text: no trailing zeros beyond `minDecimals` ("20.50" → "20.5"; with 2 → "20.50"). */
export function formatDecimal(value: Decimal, minDecimals = 0): string {
  const digits = value.units.toString().padStart(value.scale + 1, '0');
  const whole = digits.slice(0, digits.length - value.scale);
  const fraction = digits.slice(digits.length - value.scale).replace(/0+$/, '');
  const padded = fraction.padEnd(minDecimals, '0');
  return padded === '' ? whole : `${whole}.${padded}`;
}

function rescale(value: Decimal, scale: number): bigint {
  return value.units * 10n ** BigInt(scale - value.scale);
}

export function add(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { units: rescale(a, scale) + rescale(b, scale), scale };
}

export function sum(values: readonly Decimal[]): Decimal {
  return values.reduce(add, ZERO);
}

/** Unit price × an integer quantity; a fractional or unsafe quantity is a programming error. */
export function multiply(value: Decimal, quantity: bigint | number): Decimal {
  if (typeof quantity === 'number' && !Number.isSafeInteger(quantity)) {
    throw new RangeError(`quantity must be a safe integer, got ${quantity}`);
  }
  return { units: value.units * BigInt(quantity), scale: value.scale };
}

export function compare(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const scale = Math.max(a.scale, b.scale);
  const left = rescale(a, scale);
  const right = rescale(b, scale);
  return left < right ? -1 : left > right ? 1 : 0;
}

export function isZero(value: Decimal): boolean {
  return value.units === 0n;
}

export const ZERO: Decimal = { units: 0n, scale: 0 };

/** Decimals a currency allows (lib/currencies.ts), in any case; fiat not listed there has 2. */
export function currencyDecimals(currency: string): number {
  return (
    currencyFacts(currency)?.decimals ??
    OTHER_CURRENCY_DECIMALS[currency.toLowerCase()] ??
    FIAT_DECIMALS
  );
}

/**
 * a ÷ b rounded half-up to `digits` significant digits (never fewer decimals than 0), or
 * undefined when b is zero. A quotient of two decimals rarely ends, so a rate is printed to a
 * fixed precision and says so; it is worked out in integers, never through a float.
 */
export function divideSignificant(a: Decimal, b: Decimal, digits: number): Decimal | undefined {
  if (b.units === 0n || !Number.isSafeInteger(digits) || digits < 1) return undefined;
  // a/b = numerator/denominator, both integers.
  const numerator = a.units * 10n ** BigInt(b.scale);
  const denominator = b.units * 10n ** BigInt(a.scale);
  if (numerator === 0n) return ZERO;
  const smallest = 10n ** BigInt(digits - 1);
  let scale = 0;
  while ((numerator * 10n ** BigInt(scale)) / denominator < smallest) scale += 1;
  const units = (numerator * 10n ** BigInt(scale) * 2n + denominator) / (2n * denominator);
  // Rounding up may carry into one more digit (9.99995 → 10.0000): drop the extra zero.
  return units >= smallest * 10n && scale > 0 && units % 10n === 0n
    ? { units: units / 10n, scale: scale - 1 }
    : { units, scale };
}

/** Rounded half-up to `decimals` places: what a quoted amount in a coin of that precision is. */
export function roundHalfUp(value: Decimal, decimals: number): Decimal {
  if (value.scale <= decimals) return value;
  const divisor = 10n ** BigInt(value.scale - decimals);
  return { units: (value.units * 2n + divisor) / (2n * divisor), scale: decimals };
}

/** a × b, exactly. */
export function multiplyDecimals(a: Decimal, b: Decimal): Decimal {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}
