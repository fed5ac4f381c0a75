import { describe, expect, it } from 'vitest';
import { orderToRequest } from '../../../entrypoints/background/order-to-request.ts';
import { sessionFromCheckout } from '../../../entrypoints/background/session-record.ts';
import { localDate } from '../../../lib/calendar-date.ts';
import { emptyDraft, validateDraft, type Draft } from '../../../lib/draft.ts';
import { SessionRecordSchema } from '../../../lib/history.ts';
import { filterSessions } from '../../../lib/history-query.ts';
import { invoiceDocument } from '../../../lib/invoice-document.ts';
import { DEFAULT_BUSINESS, type Business } from '../../../lib/invoice.ts';
import type { Order } from '../../../lib/order.ts';
import type { Checkout } from '../../../lib/payfect/index.ts';
import { renewalOrder } from '../../../lib/renewal.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings.ts';
import { NOW, session } from '../factories.ts';

/*
 * Payment terms, the supply date and the client's tax ID (issue 23, item 3), followed from
 * the form through the order and the stored link to the document and a renewal.
 */

const TYPED: Draft = {
  ...emptyDraft(DEFAULT_SETTINGS, ''),
  items: [{ name: 'Logo design', description: '', unitPrice: '120', quantity: '1' }],
  clientName: 'Acme GmbH',
  clientTaxId: ' DE123456789 ',
  paymentTerms: '30',
  supplyDate: '2026-03-01',
};

// Noon UTC: the same calendar day wherever the tests run (UTC−11 to UTC+11).
const CHECKOUT = {
  id: 'cs_terms',
  url: 'https://buy.payfect.test/cs_terms',
  status: 'open',
  amountTotal: '120.00',
  currency: 'usdt',
  createdAt: String(NOW / 1000),
  expiresAt: String(NOW + 86_400_000),
  isLivemode: false,
} as unknown as Checkout;

const BUSINESS: Business = { ...DEFAULT_BUSINESS, name: 'Lin Studio', email: 'ada@lin.example' };

function check(draft: Draft) {
  return validateDraft(draft, { baseUrl: DEFAULT_SETTINGS.baseUrl });
}

function created(draft: Draft): Order {
  const order = check(draft);
  if (!order.ok) throw new Error(JSON.stringify(order.error));
  return order.value;
}

function recorded(order: Order, settings: Settings = DEFAULT_SETTINGS) {
  return sessionFromCheckout(CHECKOUT, {
    order,
    settings,
    baseUrl: settings.baseUrl,
    now: NOW,
    profileId: 'default',
    profileName: 'Default',
  });
}

describe('the form', () => {
  it('starts with the profile’s payment terms', () => {
    expect(emptyDraft({ ...DEFAULT_SETTINGS, paymentTerms: '14' }, '').paymentTerms).toBe('14');
  });

  it('puts the terms and the supply date in the order, and the tax ID with the client', () => {
    const order = created(TYPED);
    expect(order).toMatchObject({ paymentTerms: '30', supplyDate: '2026-03-01' });
    expect(order.client).toEqual({
      name: 'Acme GmbH',
      email: '',
      address: '',
      taxId: 'DE123456789',
    });
  });

  it('leaves an empty tax ID and supply date out, so a client reads as before', () => {
    const order = created({ ...TYPED, clientTaxId: '', supplyDate: '' });
    expect(order.client).toEqual({ name: 'Acme GmbH', email: '', address: '' });
    expect('supplyDate' in order).toBe(false);
  });

  it('refuses terms that are not 0 to 365 days, and a supply date that is no date', () => {
    for (const paymentTerms of ['366', '-1', '7.5', 'net 30']) {
      expect(check({ ...TYPED, paymentTerms })).toMatchObject({
        ok: false,
        error: { paymentTerms: 'Enter a whole number of days from 0 to 365.' },
      });
    }
    for (const supplyDate of ['2026-02-30', '1/3/2026', 'yesterday']) {
      expect(check({ ...TYPED, supplyDate })).toMatchObject({
        ok: false,
        error: { supplyDate: 'Enter a date as YYYY-MM-DD, like 2026-12-07.' },
      });
    }
  });

  it('sends none of them to Payfect, whose request has no field for them', () => {
    const request = JSON.stringify(orderToRequest(created(TYPED)));
    expect(request).not.toContain('DE123456789');
    expect(request).not.toContain('2026-03-01');
  });
});

describe('the stored link', () => {
  it('holds a due date the terms after its issue date, as a calendar date', () => {
    const record = recorded(created(TYPED));
    expect(localDate(record.createdAt)).toBe('2026-03-14');
    expect(record).toMatchObject({
      dueDate: '2026-04-13',
      paymentTerms: '30',
      supplyDate: '2026-03-01',
    });
    expect(record.client?.taxId).toBe('DE123456789');
    expect(SessionRecordSchema.safeParse(record).success).toBe(true);
  });

  it('takes the profile’s terms when the order names none, and the issue date as the supply date', () => {
    const order = created({ ...TYPED, paymentTerms: '', supplyDate: '' });
    const record = recorded(order, { ...DEFAULT_SETTINGS, paymentTerms: '0' });
    expect(record).toMatchObject({
      dueDate: '2026-03-14',
      supplyDate: '2026-03-14',
      paymentTerms: '0',
    });
  });

  it('is found in History by the client’s tax ID', () => {
    const record = recorded(created(TYPED));
    const others = [session({ id: 'other' }), record];
    expect(filterSessions(others, { query: 'de1234', status: 'all' }, NOW)).toEqual([record]);
  });

  it('is renewed with the same terms, supply date and client tax ID', () => {
    const renewed = renewalOrder(recorded(created(TYPED)), {
      ...DEFAULT_SETTINGS,
      paymentTerms: '7',
    });
    expect(renewed).toMatchObject({
      ok: true,
      value: { paymentTerms: '30', supplyDate: '2026-03-01', client: { taxId: 'DE123456789' } },
    });
  });
});

describe('the document', () => {
  it('prints the due date with no clock time, the terms, the supply date and the tax ID', () => {
    const document = invoiceDocument(recorded(created(TYPED)), BUSINESS, 'invoice', 'en');
    expect(document).toMatchObject({
      issued: '14 March 2026',
      supplied: '1 March 2026',
      due: '13 April 2026',
      terms: 'Net 30',
      client: { name: 'Acme GmbH', taxId: 'DE123456789' },
    });
  });

  it('prints the link’s own validity apart, and whom to ask for a new one', () => {
    const record = recorded(created(TYPED));
    const validity = (business: Business) =>
      invoiceDocument(record, business, 'invoice', 'en').linkValidity;
    expect(validity(BUSINESS)).toMatch(
      /^This payment link works until 15 March 2026.*; after that, ask for a new one at ada@lin\.example\.$/u,
    );
    expect(validity({ ...BUSINESS, email: '' })).toMatch(/ask Lin Studio for a new one\.$/u);
    expect(validity(DEFAULT_BUSINESS)).toMatch(/; after that, ask for a new one\.$/u);
  });

  it('prints a link stored before due dates as it always did: its expiry, with the time', () => {
    const old = session({ createdAt: NOW, expiresAt: NOW + 86_400_000 });
    const document = invoiceDocument(old, BUSINESS, 'invoice', 'en');
    expect(document.due).toMatch(/^15 March 2026.*\d{2}:\d{2}/u);
    expect(document.linkValidity).toBe(`The link can be paid until ${document.due}.`);
    expect(document.terms).toBeUndefined();
    expect(document.supplied).toBeUndefined();
  });

  it('writes the due date in zh-TW’s own form', () => {
    const document = invoiceDocument(recorded(created(TYPED)), BUSINESS, 'invoice', 'zh-TW');
    expect(document.due).toBe('2026年4月13日');
  });
});
