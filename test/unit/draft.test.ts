import { describe, expect, it } from 'vitest';
import {
  draftTotal,
  emptyDraft,
  fieldForApiPath,
  validateDraft,
  type Draft,
  type DraftItem,
} from '../../lib/draft.ts';
import { DEFAULT_SETTINGS } from '../../lib/settings.ts';

const LIVE = { baseUrl: 'https://api.payfect.finance/api/v1' };
const SANDBOX = { baseUrl: 'http://127.0.0.1:8787/api/v1' };

function draftWith(item: Partial<DraftItem>, rest: Partial<Draft> = {}): Draft {
  const base = emptyDraft(DEFAULT_SETTINGS, 'INV-1');
  return {
    ...base,
    items: [{ name: 'Logo design', description: '', unitPrice: '20', quantity: '1', ...item }],
    ...rest,
  };
}

function errorsOf(draft: Draft, options = LIVE): Record<string, string> {
  const result = validateDraft(draft, options);
  return result.ok ? {} : result.error;
}

describe('validateDraft: unit price (USDT, 6 decimals)', () => {
  it.each([
    ['', 'Enter a price.'],
    ['0', 'more than 0'],
    ['0.000000', 'more than 0'],
    ['-1', 'cannot be negative'],
    ['1e3', 'plain digits'],
    ['1,000.50', 'no thousands separators'],
    ['NaN', 'in digits'],
    ['Infinity', 'in digits'],
    ['0.0000001', 'at most 6 decimals'],
    ['1'.repeat(30), 'too large'],
    ['twenty', 'in digits'],
  ])('refuses %j beside the field', (unitPrice, message) => {
    expect(errorsOf(draftWith({ unitPrice }))['items.0.unitPrice']).toContain(message);
  });

  it.each([
    ['20.5', '20.5'],
    [' 20 ', '20'],
    ['20.50', '20.5'],
    ['0.000001', '0.000001'],
    ['２０．５', '20.5'],
  ])('accepts %j and sends the canonical %j', (unitPrice, sent) => {
    const result = validateDraft(draftWith({ unitPrice }), LIVE);
    expect(result.ok && result.value.items[0]?.unitAmount).toBe(sent);
  });

  it('refuses three decimals in a two-decimal currency', () => {
    const draft = draftWith({ unitPrice: '0.001' }, { currency: 'usd' });
    expect(errorsOf(draft)['items.0.unitPrice']).toContain('at most 2 decimals');
  });
});

describe('validateDraft: quantity', () => {
  it.each([
    ['0', 'at least 1'],
    ['1.5', 'whole number'],
    ['-2', 'at least 1'],
    ['10000000', 'at most 1000000'],
    ['', 'Enter a quantity.'],
    ['two', 'whole number'],
  ])('refuses %j', (quantity, message) => {
    expect(errorsOf(draftWith({ quantity }))['items.0.quantity']).toContain(message);
  });

  it('accepts full-width digits as the number they show', () => {
    const result = validateDraft(draftWith({ quantity: '１２' }), LIVE);
    expect(result.ok && result.value.items[0]?.quantity).toBe(12);
  });
});

describe('validateDraft: names', () => {
  it('refuses an empty or blank name', () => {
    expect(errorsOf(draftWith({ name: '   ' }))['items.0.name']).toBeDefined();
  });

  it('refuses a 500-character name', () => {
    expect(errorsOf(draftWith({ name: 'x'.repeat(500) }))['items.0.name']).toContain('255');
  });

  it.each(['Café ☕ design 🎨', 'تصميم شعار', '<b>Logo</b><script>alert(1)</script>'])(
    'keeps %j exactly as typed',
    (name) => {
      const result = validateDraft(draftWith({ name }), LIVE);
      expect(result.ok && result.value.items[0]?.name).toBe(name);
    },
  );
});

describe('validateDraft: URLs', () => {
  it.each([
    ['javascript:alert(1)', 'Only https://'],
    ['data:text/html,hi', 'Only https://'],
    ['ftp://example.com/x', 'Only https://'],
    ['example.com/thanks', 'Start the address with https://'],
    ['http://example.com/thanks', 'Use an https://'],
    ['https://', 'not a valid web address'],
  ])('refuses %j as a success URL', (successUrl, message) => {
    expect(errorsOf(draftWith({}, { successUrl })).successUrl).toContain(message);
  });

  it('accepts https, and plain http to this machine only next to the sandbox', () => {
    expect(errorsOf(draftWith({}, { cancelUrl: 'https://example.com/cancel' }))).toEqual({});
    const local = draftWith({}, { callbackUrl: 'http://127.0.0.1:9000/hook' });
    expect(errorsOf(local, SANDBOX)).toEqual({});
    expect(errorsOf(local, LIVE).callbackUrl).toContain('https://');
  });
});

describe('validateDraft: the whole form', () => {
  it('reports every invalid field at once', () => {
    const draft: Draft = {
      ...draftWith({ name: '', unitPrice: 'abc' }),
      successUrl: 'nope',
    };
    expect(Object.keys(errorsOf(draft)).sort()).toEqual([
      'items.0.name',
      'items.0.unitPrice',
      'successUrl',
    ]);
  });

  it('refuses more than 20 items', () => {
    const item = { name: 'A', description: '', unitPrice: '1', quantity: '1' };
    const draft = draftWith({}, { items: Array.from({ length: 21 }, () => item) });
    expect(errorsOf(draft).items).toContain('at most 20');
  });

  it('gives an empty reference a fresh UUID and keeps a typed one', () => {
    const fresh = validateDraft(draftWith({}, { reference: ' ' }), LIVE);
    expect(fresh.ok && fresh.value.reference).toMatch(/^[0-9a-f-]{36}$/);
    const typed = validateDraft(draftWith({}, { reference: ' INV-7 ' }), LIVE);
    expect(typed.ok && typed.value.reference).toBe('INV-7');
  });

  it('trims names and descriptions', () => {
    const result = validateDraft(draftWith({ name: ' Logo ', description: ' v2 ' }), LIVE);
    expect(result.ok && result.value.items[0]).toEqual({
      name: 'Logo',
      description: 'v2',
      unitAmount: '20',
      quantity: 1,
    });
  });
});

describe('draftTotal', () => {
  it('sums valid lines exactly and ignores lines still being typed', () => {
    const draft = draftWith({});
    draft.items = [
      { name: 'a', description: '', unitPrice: '0.1', quantity: '1' },
      { name: 'b', description: '', unitPrice: '0.2', quantity: '1' },
      { name: 'c', description: '', unitPrice: '9.99', quantity: '12' },
      { name: 'd', description: '', unitPrice: '12.', quantity: 'x' },
    ];
    expect(draftTotal(draft)).toBe('120.18');
  });

  it('is undefined while no line has a valid price', () => {
    expect(draftTotal(draftWith({ unitPrice: '' }))).toBeUndefined();
  });
});

describe('fieldForApiPath', () => {
  it.each([
    ['invoice_items.1.price_data.unit_amount', 'items.1.unitPrice'],
    ['invoice_items.0.quantity', 'items.0.quantity'],
    ['invoice_items.0.price_data.product_data.name', 'items.0.name'],
    ['client_reference_id', 'reference'],
    ['success_url', 'successUrl'],
    ['payment_method_data.paymentMethodDetail.network', 'network'],
  ])('maps %s onto %s', (path, field) => {
    expect(fieldForApiPath(path)).toBe(field);
  });

  it('leaves paths it does not know unmapped', () => {
    expect(fieldForApiPath('merchant')).toBeUndefined();
    expect(fieldForApiPath('invoice_items.0.price_data.currency')).toBeUndefined();
  });
});
