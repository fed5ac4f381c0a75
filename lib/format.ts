import { uiLocale } from './i18n.ts';
import { currencyDecimals, formatDecimal, parseDecimal } from './money.ts';

/*
 * Amounts, counts and dates as the user reads them, in the browser's UI language. Only for
 * display: inputs keep what was typed, and the CSV export and API stay plain.
 */

/**
 * The locale for dates and relative times. English keeps the en-GB forms the popup was
 * designed with ("5 min ago", "12 Mar", a 24-hour clock) whatever the English variant;
 * any other UI language gets its own ("5 分鐘前", "3月12日").
 */
export function dateLocale(locale: string = uiLocale()): string {
  return /^en(?:[-_]|$)/i.test(locale) ? 'en-GB' : locale;
}

const PLAIN_DECIMAL = /^-?\d+(?:\.(\d+))?$/;

// Amounts have at most 18 decimals; older engines (Node 20) allow Intl no more than 20.
const MAX_FRACTION_DIGITS = 20;

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, fractionDigits: number): Intl.NumberFormat {
  const key = `${locale}|${fractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
    });
    numberFormats.set(key, format);
  }
  return format;
}

/**
 * A decimal string ("1234567.89012345") with the locale's grouping and decimal sign, every
 * digit kept: Intl formats a numeric string exactly, never through a float. Anything that
 * is not a plain decimal is returned as it is.
 */
export function formatAmount(decimal: string, locale: string = uiLocale()): string {
  const match = PLAIN_DECIMAL.exec(decimal);
  if (!match) return decimal;
  const fractionDigits = match[1]?.length ?? 0;
  if (fractionDigits > MAX_FRACTION_DIGITS) return decimal;
  // Checked above to be a numeric string (ECMA-402 StringNumericLiteral), formatted as written.
  return numberFormat(locale, fractionDigits).format(decimal as `${number}`);
}

/** A whole count with the locale's grouping: "10,000". */
export function formatCount(count: number, locale: string = uiLocale()): string {
  return numberFormat(locale, 0).format(count);
}

/**
 * An amount of `currency` as documents print it: grouped, with the currency's decimals
 * ("1,250.00", "85.50" for TWD; "1,250" for JPY). A coin that allows more than two decimals
 * (USDT: 6) shows two, and more only when the amount has them ("1,626.38", "0.123456"), so
 * no digit is lost and none is invented. A string that is not a plain decimal stays as it is.
 */
export function formatMoney(
  decimal: string,
  currency: string,
  locale: string = uiLocale(),
): string {
  const parsed = parseDecimal(decimal);
  if (!parsed.ok || decimal.trim() !== decimal) return decimal;
  const decimals = currencyDecimals(currency);
  const shown = Math.max(Math.min(decimals, 2), Math.min(parsed.value.scale, decimals));
  const text = formatDecimal(parsed.value, shown);
  // More digits than the currency has (a stored oddity) are kept rather than rounded away.
  return formatAmount(text, locale);
}
