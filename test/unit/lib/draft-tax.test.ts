import { describe, expect, it } from 'vitest';
import { draftTax, emptyDraft, validateDraft, type Draft } from '../../../lib/draft.ts';
import { MAX_ITEMS } from '../../../lib/order.ts';
import { DEFAULT_SETTINGS } from '../../../lib/settings.ts';

const LIVE = { baseUrl: 'https://api.payfect.finance/api/v1' };

function draft(rest: Partial<Draft> = {}, count = 2): Draft {
  const prices = ['100', '19.99'];
  return {
    ...emptyDraft({ ...DEFAULT_SETTINGS, currency: 'usd' }, 'INV-1'),
    items: Array.from({ length: count }, (_, index) => ({
      name: `Item ${index + 1}`,
      description: '',
      unitPrice: prices[index] ?? '1',
      quantity: '1',
    })),
    ...rest,
  };
}

describe('the form with tax', () => {
  it('starts from the profile’s tax: no tax, label "Tax", by default', () => {
    expect(draft()).toMatchObject({ taxMode: 'none', taxRate: '', taxLabel: 'Tax' });
    const taxed = emptyDraft(
      { ...DEFAULT_SETTINGS, taxMode: 'tax', taxRate: '5', taxLabel: '營業稅' },
      '',
    );
    expect(taxed).toMatchObject({ taxMode: 'tax', taxRate: '5', taxLabel: '營業稅' });
  });

  it('keeps the mode, the rate (canonical) and the label in the order', () => {
    const result = validateDraft(
      draft({ taxMode: 'tax', taxRate: ' 20.0 % ', taxLabel: ' VAT ' }),
      LIVE,
    );
    expect(result.ok && result.value).toMatchObject({
      taxMode: 'tax',
      taxRate: '20',
      taxLabel: 'VAT',
    });
  });

  it('refuses Tax without a rate, and a rate of 0, over 100 or with four decimals', () => {
    for (const [taxRate, message] of [
      ['', 'Enter the tax rate, such as 20.'],
      ['0', 'Enter a rate above 0 and at most 100, such as 20 or 5.5.'],
      ['120', 'Enter a rate above 0 and at most 100, such as 20 or 5.5.'],
      ['5.1234', 'Use at most 3 decimals in the rate.'],
    ]) {
      expect(validateDraft(draft({ taxMode: 'tax', taxRate }), LIVE)).toEqual({
        ok: false,
        error: { taxRate: message },
      });
    }
  });

  it('refuses Reverse charge without a Client tax ID, saying so at that field', () => {
    expect(validateDraft(draft({ taxMode: 'reverse', clientName: 'Acme GmbH' }), LIVE)).toEqual({
      ok: false,
      error: { clientTaxId: "Reverse charge needs the client's tax ID." },
    });
    const ok = validateDraft(
      draft({ taxMode: 'reverse', clientName: 'Acme GmbH', clientTaxId: 'DE123456789' }),
      LIVE,
    );
    expect(ok.ok && ok.value.client?.taxId).toBe('DE123456789');
  });

  it(`refuses a ${MAX_ITEMS}th item with tax, whose line takes one of Payfect's places`, () => {
    const full = draft({ taxMode: 'tax', taxRate: '20' }, MAX_ITEMS);
    expect(validateDraft(full, LIVE)).toEqual({
      ok: false,
      error: {
        items: `Use at most ${MAX_ITEMS - 1} items: the tax line takes one of the ${MAX_ITEMS} places a link has.`,
      },
    });
    expect(validateDraft(draft({ taxMode: 'tax', taxRate: '20' }, MAX_ITEMS - 1), LIVE).ok).toBe(
      true,
    );
    expect(
      validateDraft(draft({ taxMode: 'reverse', clientTaxId: 'X1' }, MAX_ITEMS), LIVE).ok,
    ).toBe(true);
    expect(validateDraft(draft({}, MAX_ITEMS), LIVE).ok).toBe(true);
  });

  it('shows net, tax and gross while tax applies, and nothing more otherwise', () => {
    expect(draftTax(draft({ taxMode: 'tax', taxRate: '20', taxLabel: 'VAT' }))).toMatchObject({
      net: '119.99',
      tax: '24.00',
      gross: '143.99',
      label: 'VAT',
      rate: '20',
    });
    expect(draftTax(draft())).toBeUndefined();
    expect(draftTax(draft({ taxMode: 'tax', taxRate: 'x' }))).toBeUndefined();
    expect(draftTax(draft({ taxMode: 'reverse' }))).toBeUndefined();
  });
});
