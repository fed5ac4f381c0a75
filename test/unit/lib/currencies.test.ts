import { describe, expect, it } from 'vitest';
import { OFFERED_CURRENCIES } from '../../../lib/amount-in-text.ts';
import {
  CURRENCY_TABLE,
  CURRENCY_VALUES,
  MOST_PRECISE_CURRENCY,
  OTHER_CURRENCY_DECIMALS,
  currencyFacts,
} from '../../../lib/currencies.ts';
import { OFFERED_MARKERS } from '../../../lib/currency-markers.ts';
import { isConverted } from '../../../lib/message-template.ts';
import { currencyDecimals } from '../../../lib/money.ts';
import { PrefillSchema } from '../../../lib/prefill.ts';
import { TEMPLATE_CURRENCIES, isTemplateCurrency } from '../../../lib/saved-items.ts';
import { CURRENCIES } from '../../../lib/settings.ts';

const values = CURRENCY_TABLE.map(({ value }) => value);
const allMarkers = CURRENCY_TABLE.flatMap(({ markers }) => markers);

describe('the currency table', () => {
  it('lists each currency once, by a lower-case code', () => {
    expect(new Set(values).size).toBe(values.length);
    for (const value of values) expect(value).toMatch(/^[a-z]{3,4}$/);
  });

  it('gives every marker to one currency only, upper-cased, each code among its own', () => {
    expect(new Set(allMarkers).size).toBe(allMarkers.length);
    for (const marker of allMarkers) expect(marker).toBe(marker.toUpperCase());
    for (const { value, markers } of CURRENCY_TABLE) {
      expect(markers as readonly string[]).toContain(value.toUpperCase());
    }
  });

  it('keeps the decimals of codes it does not offer apart from its own', () => {
    for (const code of Object.keys(OTHER_CURRENCY_DECIMALS)) {
      expect(currencyFacts(code)).toBeUndefined();
    }
  });

  it('finds an entry in any case, and none for a code it does not offer', () => {
    expect(currencyFacts('TWD')?.value).toBe('twd');
    expect(currencyFacts('eur')).toBeUndefined();
  });

  it('names the currency with the most decimals as the most precise', () => {
    const most = Math.max(...CURRENCY_TABLE.map(({ decimals }) => decimals));
    expect(currencyFacts(MOST_PRECISE_CURRENCY)?.decimals).toBe(most);
  });
});

describe('what derives from the currency table', () => {
  it('the form offers exactly its currencies, in its order, with its labels', () => {
    expect(CURRENCIES).toEqual(CURRENCY_TABLE.map(({ value, label }) => ({ value, name: label })));
    expect(CURRENCY_VALUES).toEqual(values);
    expect(OFFERED_CURRENCIES).toEqual(values);
    expect(TEMPLATE_CURRENCIES).toEqual(values);
  });

  it('selected text is read with exactly its markers', () => {
    expect(Object.keys(OFFERED_MARKERS).sort()).toEqual([...allMarkers].sort());
    for (const { value, markers } of CURRENCY_TABLE) {
      for (const marker of markers) expect(OFFERED_MARKERS[marker]).toBe(value);
    }
  });

  it('a price may have its decimals', () => {
    for (const { value, decimals } of CURRENCY_TABLE) {
      expect(currencyDecimals(value)).toBe(decimals);
      expect(currencyDecimals(value.toUpperCase())).toBe(decimals);
    }
  });

  it('the payer is told of a conversion exactly for what Payfect quotes in USDT', () => {
    for (const { value, quotedInUsdt } of CURRENCY_TABLE) {
      expect(isConverted({ currency: value })).toBe(quotedInUsdt);
    }
    expect(isConverted({ currency: 'eur' })).toBe(true);
  });

  it('a prefill and a saved item accept exactly its codes', () => {
    const prefill = { createdAt: 0, name: 'Logo', description: '', unitPrice: '' };
    for (const value of values) {
      expect(PrefillSchema.safeParse({ ...prefill, currency: value }).success).toBe(true);
      expect(isTemplateCurrency(value)).toBe(true);
    }
    for (const other of ['eur', 'jpy', 'usdc', 'USDT']) {
      expect(PrefillSchema.safeParse({ ...prefill, currency: other }).success).toBe(false);
      expect(isTemplateCurrency(other)).toBe(false);
    }
  });
});
