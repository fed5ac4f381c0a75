/*
 * Every fact the extension keeps about a currency, in one table: the form's choices
 * (lib/settings.ts CURRENCIES), what selected text is read as (lib/currency-markers.ts), the
 * decimals a price may have (lib/money.ts currencyDecimals), whether the payer's coin differs
 * (lib/message-template.ts isConverted) and what the sandbox accepts (test/sandbox/config.ts)
 * all derive from it, so offering a currency is one entry here.
 */

export interface CurrencyFacts {
  /** The code sent to Payfect and stored, lower-case. */
  readonly value: string;
  /** What the form's Currency choice shows. Not translated: codes and symbols read alike. */
  readonly label: string;
  /** Its English name, as Payfect's currency objects name it ("Tether"). */
  readonly name: string;
  /**
   * How selected text names it, upper-cased. A marker names one currency only: "$" alone is
   * US dollars and "¥" yuan, the way the people this is for write them.
   */
  readonly markers: readonly string[];
  /** Decimals a price may have. */
  readonly decimals: number;
  /**
   * Priced in fiat: Payfect quotes the amount in USDT and converts it at checkout. False for
   * USDT itself, which is paid as is.
   */
  readonly quotedInUsdt: boolean;
}

/*
 * Payfect's docs name USDT; its curl example sends CNY and TWD, and USD is the dollar its
 * users quote. USDT has 6 decimals on Tron, Ethereum, Polygon and Solana (18 on BNB chain,
 * but Payfect's examples never go past 6). In form order.
 */
export const CURRENCY_TABLE = [
  {
    value: 'usdt',
    label: 'USDT',
    name: 'Tether',
    markers: ['USDT'],
    decimals: 6,
    quotedInUsdt: false,
  },
  {
    value: 'usd',
    label: 'USD',
    name: 'US Dollar',
    markers: ['$', 'US$', 'USD'],
    decimals: 2,
    quotedInUsdt: true,
  },
  {
    value: 'twd',
    label: 'TWD (NT$)',
    name: 'New Taiwan Dollar',
    markers: ['NT$', 'NTD', 'TWD'],
    decimals: 2,
    quotedInUsdt: true,
  },
  {
    value: 'cny',
    label: 'CNY (¥)',
    name: 'Chinese Yuan',
    markers: ['¥', 'CNY', 'RMB'],
    decimals: 2,
    quotedInUsdt: true,
  },
] as const satisfies readonly CurrencyFacts[];

/** A currency the extension offers. */
export type Currency = (typeof CURRENCY_TABLE)[number]['value'];

/** The offered codes, in form order. */
export const CURRENCY_VALUES: readonly Currency[] = CURRENCY_TABLE.map(({ value }) => value);

/** The offered currency allowing the most decimals: any price some currency takes, it takes. */
export const MOST_PRECISE_CURRENCY: Currency = CURRENCY_TABLE.reduce((most, entry) =>
  entry.decimals > most.decimals ? entry : most,
).value;

/** The table's entry for a code in any case ("TWD", "twd"); undefined for one not offered. */
export function currencyFacts(code: string): CurrencyFacts | undefined {
  const lower = code.toLowerCase();
  return CURRENCY_TABLE.find(({ value }) => value === lower);
}

/** Decimals of a fiat currency the table does not list. */
export const FIAT_DECIMALS = 2;

/**
 * Codes not offered whose decimals differ from FIAT_DECIMALS, kept so an amount in them is
 * never given digits it cannot have. Offering one moves it into CURRENCY_TABLE.
 */
export const OTHER_CURRENCY_DECIMALS: Readonly<Record<string, number>> = {
  usdc: 6,
  jpy: 0,
  krw: 0,
};
