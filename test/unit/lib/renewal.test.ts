import { describe, expect, it } from 'vitest';
import { renewalOrder } from '../../../lib/renewal.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings.ts';
import { session } from '../factories.ts';

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

  it('renews in the link’s own currency, not the Settings default', () => {
    const record = session({ items, currency: 'twd', itemsCurrency: 'twd' });
    const settings: Settings = { ...defaults, currency: 'usdt' };
    const order = renewalOrder(record, settings);
    expect(order.ok && order.value.currency).toBe('twd');
  });

  it('renews in the currency the items were priced in when Payfect answered the session in another', () => {
    const record = session({ items, currency: 'usdt', itemsCurrency: 'twd' });
    const order = renewalOrder(record, defaults);
    expect(order.ok && order.value.currency).toBe('twd');
  });

  it('sends the same items, currency, network, URLs and reference: the invoice’s, with no -R2', () => {
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
        reference: 'INV-7',
        successUrl: 'https://example.com/thanks',
        cancelUrl: 'https://example.com/cancel',
        callbackUrl: '',
        // Kept before payment terms were: the profile's, as a new form would have.
        paymentTerms: '30',
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

  it('bills the same client, with every detail kept', () => {
    const client = {
      name: 'Acme Robotics Ltd',
      email: 'ap@acme.test',
      address: 'Quay St 9\nTaipei',
    };
    const renewed = renewalOrder(session({ items, client }), defaults);
    expect(renewed.ok && renewed.value.client).toEqual(client);
  });

  it('bills no client when the renewed link had none', () => {
    const renewed = renewalOrder(session({ items }), defaults);
    expect(renewed.ok && 'client' in renewed.value).toBe(false);
  });

  it('refuses a stored record whose items could not be sent (a hand edit)', () => {
    const broken = session({
      items: [{ name: '', description: '', unitAmount: '1,5', quantity: 0 }],
    });
    expect(renewalOrder(broken, defaults)).toMatchObject({ ok: false });
  });
});
