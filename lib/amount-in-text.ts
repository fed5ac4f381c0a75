import { parseUnitPrice } from './draft.ts';
import { formatDecimal } from './money.ts';
import { OFFERED_MARKERS, type OfferedCurrency } from './currency-markers.ts';
import { CURRENCY_VALUES, MOST_PRECISE_CURRENCY } from './currencies.ts';

export type { OfferedCurrency } from './currency-markers.ts';

/** The codes a selection's marker can name (lib/currencies.ts), in form order. */
export const OFFERED_CURRENCIES: readonly OfferedCurrency[] = CURRENCY_VALUES;

export interface AmountInText {
  /** Canonical decimal text ("20.5"), as the form's Unit price accepts it. */
  readonly amount: string;
  /** Only when the text says it; otherwise the form keeps its own currency. */
  readonly currency?: OfferedCurrency;
}

/**
 * Codes of currencies the form does not offer. An amount marked with one is skipped rather
 * than prefilled in the form's currency: "JPY 500" is not 500 USDT, and converting is not
 * this feature's job. Other currency symbols (€, £, ₩ …) and other dollars (HK$, A$ …) are
 * recognised by their shape.
 */
const FOREIGN_CODES = new Set([
  'AUD',
  'BTC',
  'CAD',
  'CHF',
  'ETH',
  'EUR',
  'GBP',
  'HKD',
  'IDR',
  'INR',
  'JPY',
  'KRW',
  'MYR',
  'PHP',
  'SGD',
  'THB',
  'USDC',
  'VND',
]);

type Marker = OfferedCurrency | 'foreign' | undefined;

function classify(marker: string): Marker {
  const key = marker.toUpperCase();
  const offered = OFFERED_MARKERS[key];
  if (offered) return offered;
  if (FOREIGN_CODES.has(key) || /^[A-Z]{1,2}\$$|^\p{Sc}$/u.test(key)) return 'foreign';
  return undefined;
}

/** Digits with dots and commas inside, ending on a digit ("1,200.50", "20,5", "1.2.3"). */
const NUMBER = /\d(?:[\d.,]*\d)?/g;
const THOUSANDS = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const PLAIN = /^\d+(?:\.\d+)?$/;
/** A marker right before the number: a symbol, a prefixed dollar, or a 3–4 letter word. */
const PREFIX = /(?:[A-Za-z]{1,2}\$|\p{Sc}|[A-Za-z]{3,4})\s*$/u;
const SUFFIX = /^\s*(?:\p{Sc}|[A-Za-z]{3,4}(?![A-Za-z]))/u;
/** How far before and after a number a marker is looked for ("USDT " is five). */
const WINDOW = 8;
const LATIN_LETTER = /[A-Za-z]/;
const MINUS = /[-−]/;

interface Candidate {
  readonly amount: string;
  readonly currency?: OfferedCurrency;
}

/** The number's digits with thousands separators removed, or undefined when ambiguous. */
function plainDigits(token: string): string | undefined {
  if (PLAIN.test(token)) return token;
  // A comma before exactly three digits groups thousands; "20,5" or "1,2,3" could be a
  // decimal comma or a list, so no amount is better than a wrong one.
  if (THOUSANDS.test(token)) return token.replaceAll(',', '');
  return undefined;
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

/** Reads the number found at `start`; 'skip' when it is not a price the form would take. */
function candidateAt(text: string, start: number, token: string): Candidate | 'skip' {
  const end = start + token.length;
  const digits = plainDigits(token);
  if (digits === undefined) return 'skip';
  const before = text.slice(Math.max(0, start - WINDOW), start);
  const after = text.slice(end, end + WINDOW);
  const charBefore = text[start - 1];
  const charAfter = text[end];
  // ".5", "1.2" seen from its second half, "10:30", "11/24", "20%": not prices.
  if (charBefore === '.' || charBefore === ',') return 'skip';
  if ((charBefore === ':' || charBefore === '/') && isDigit(text[start - 2])) return 'skip';
  if ((charAfter === ':' || charAfter === '/') && isDigit(text[end + 1])) return 'skip';
  if (/^\s?%/.test(after)) return 'skip';
  // "-20" and "$-20" are negative; "10-20" is a range whose second half is not.
  if (charBefore !== undefined && MINUS.test(charBefore) && !isDigit(text[start - 2])) {
    return 'skip';
  }

  const prefixMatch = PREFIX.exec(before);
  const prefixText = prefixMatch?.[0].trim();
  const prefixStart = start - (prefixMatch?.[0].length ?? 0);
  // A letter marker must be a word of its own: "BUSD 20" is not USD.
  const prefixIsWord = !LATIN_LETTER.test(text[prefixStart - 1] ?? '');
  const prefix = prefixText && prefixIsWord ? classify(prefixText) : undefined;
  if (prefix !== undefined && MINUS.test(text[prefixStart - 1] ?? '')) return 'skip';
  const suffixText = SUFFIX.exec(after)?.[0].trim();
  const suffix = suffixText ? classify(suffixText) : undefined;
  if (prefix === 'foreign' || suffix === 'foreign') return 'skip';

  // Glued to letters that name no currency: "v2", "A4", "4K", "2nd".
  if (prefix === undefined && LATIN_LETTER.test(charBefore ?? '')) return 'skip';
  if (suffix === undefined && LATIN_LETTER.test(charAfter ?? '')) return 'skip';

  // A code says more than a symbol: "$20 USDT" is 20 USDT.
  const currency = [
    isCode(suffixText) ? suffix : undefined,
    isCode(prefixText) ? prefix : undefined,
    prefix,
    suffix,
  ].find((marker) => marker !== undefined);
  // Checked as the form will check it, with the most decimals any offered currency allows
  // when the text names none: a price the form would refuse is not offered.
  const price = parseUnitPrice(digits, currency ?? MOST_PRECISE_CURRENCY);
  if (!price.ok) return 'skip';
  const amount = formatDecimal(price.value);
  return currency ? { amount, currency } : { amount };
}

function isCode(marker: string | undefined): boolean {
  return marker !== undefined && /^[A-Za-z]{3,4}$/.test(marker);
}

/**
 * The first amount in a piece of selected text. An amount with a currency the form offers
 * wins over a bare number before it ("2 hours at $40" is 40); without any, the first bare
 * number is taken. Full-width digits and signs (typed with an East Asian IME) count.
 */
export function findAmount(selection: string): AmountInText | undefined {
  const text = selection.normalize('NFKC');
  let firstBare: Candidate | undefined;
  for (const match of text.matchAll(NUMBER)) {
    const candidate = candidateAt(text, match.index, match[0]);
    if (candidate === 'skip') continue;
    if (candidate.currency) return candidate;
    firstBare ??= candidate;
  }
  return firstBare;
}
