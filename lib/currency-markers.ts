import type { CURRENCIES } from './settings.ts';

/** A currency the form offers (lib/settings.ts CURRENCIES). */
export type OfferedCurrency = (typeof CURRENCIES)[number]['value'];

/**
 * Markers of the offered currencies, upper-cased. "$" alone is read as US dollars and "¥" as
 * yuan (the form's CNY is labelled ¥), the way the people this is for write them.
 */
export const OFFERED_MARKERS: Readonly<Record<string, OfferedCurrency>> = {
  $: 'usd',
  US$: 'usd',
  USD: 'usd',
  USDT: 'usdt',
  NT$: 'twd',
  NTD: 'twd',
  TWD: 'twd',
  '¥': 'cny',
  CNY: 'cny',
  RMB: 'cny',
};
