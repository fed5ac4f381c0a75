import { describe, expect, it } from 'vitest';
import { MAX_REFERENCE_LENGTH } from '../../lib/order.ts';
import { renewalOrder, renewedReference } from '../../lib/renewal.ts';
import { DEFAULT_SETTINGS } from '../../lib/settings.ts';
import { session } from './history-fixtures.ts';

describe('renewedReference', () => {
  it.each([
    ['INV-42', 'INV-42-R2'],
    ['INV-42-R2', 'INV-42-R3'],
    ['INV-42-R9', 'INV-42-R10'],
    ['ACME-R', 'ACME-R-R2'],
    ['job-r2', 'job-r2-R2'],
  ])('renews %s as %s', (reference, renewed) => {
    expect(renewedReference(reference)).toBe(renewed);
  });

  it('shortens a long reference so the suffix still fits the limit', () => {
    const long = 'x'.repeat(MAX_REFERENCE_LENGTH);
    const renewed = renewedReference(long);
    expect(renewed).toHaveLength(MAX_REFERENCE_LENGTH);
    expect(renewed.endsWith('x-R2')).toBe(true);
    expect(renewedReference(renewed)).toBe(`${'x'.repeat(MAX_REFERENCE_LENGTH - 3)}-R3`);
  });
});

describe('renewalOrder', () => {
  const defaults = {
    ...DEFAULT_SETTINGS,
    successUrl: 'https://example.com/default-thanks',
    cancelUrl: '',
    callbackUrl: 'https://example.com/default-hook',
  };
  const items = [
    { name: 'Logo design', description: 'Three concepts', unitAmount: '120.5', quantity: 1 },
    { name: 'Hosting', description: '', unitAmount: '9.99', quantity: 12 },
  ];

  it('sends the same items, currency, network and URLs with the renewed reference', () => {
    const record = session({
      items,
      currency: 'twd',
      network: 'polygon',
      reference: 'INV-7',
      successUrl: 'https://example.com/thanks',
      cancelUrl: 'https://example.com/cancel',
      callbackUrl: '',
    });
    expect(renewalOrder(record, defaults)).toEqual({
      ok: true,
      value: {
        items,
        currency: 'twd',
        network: 'polygon',
        reference: 'INV-7-R2',
        successUrl: 'https://example.com/thanks',
        cancelUrl: 'https://example.com/cancel',
        callbackUrl: '',
      },
    });
  });

  it('uses the current default URLs for a record made before URLs were kept', () => {
    const order = renewalOrder(session({ items }), defaults);
    expect(order).toMatchObject({
      ok: true,
      value: {
        successUrl: 'https://example.com/default-thanks',
        cancelUrl: '',
        callbackUrl: 'https://example.com/default-hook',
      },
    });
  });

  it('refuses a stored record whose items could not be sent (a hand edit)', () => {
    const broken = session({
      items: [{ name: '', description: '', unitAmount: '1,5', quantity: 0 }],
    });
    expect(renewalOrder(broken, defaults)).toMatchObject({ ok: false });
  });
});
