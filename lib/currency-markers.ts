import { CURRENCY_TABLE, type Currency } from './currencies.ts';

/** A currency the form offers (lib/currencies.ts). */
export type OfferedCurrency = Currency;

/** Each marker of lib/currencies.ts, upper-cased, to the currency it names. */
export const OFFERED_MARKERS: Readonly<Record<string, OfferedCurrency>> = Object.fromEntries(
  CURRENCY_TABLE.flatMap(({ value, markers }) => markers.map((marker) => [marker, value])),
);
