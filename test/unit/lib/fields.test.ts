import { describe, expect, it } from 'vitest';
import { orderToRequest } from '../../../entrypoints/background/order-to-request.ts';
import { sessionFromCheckout } from '../../../entrypoints/background/session-record.ts';
import { CSV_BOM, CSV_HEADER, sessionsToCsv } from '../../../lib/csv.ts';
import { DraftSchema, emptyDraft, validateDraft, type Draft } from '../../../lib/draft.ts';
import { FIELDS, MORE_FIELDS, TOP_FIELDS } from '../../../lib/fields.ts';
import { SessionRecordSchema } from '../../../lib/history.ts';
import { filterSessions } from '../../../lib/history-query.ts';
import { invoiceDocument } from '../../../lib/invoice-document.ts';
import { DEFAULT_BUSINESS } from '../../../lib/invoice.ts';
import type { Checkout } from '../../../lib/payfect/index.ts';
import { renewalOrder } from '../../../lib/renewal.ts';
import { DEFAULT_SETTINGS } from '../../../lib/settings.ts';
import { NOW, session } from '../factories.ts';

/*
 * The registry (lib/fields.ts) drives every list of fields. These follow one field, the PO
 * number, from the form to every place the registry sends it — what "add a field" promises.
 */

const TYPED: Draft = {
  ...emptyDraft(DEFAULT_SETTINGS, ''),
  items: [{ name: 'Logo design', description: '', unitPrice: '120', quantity: '1' }],
  poNumber: '  PO-7781 ',
};

const CHECKOUT = {
  id: 'cs_po',
  url: 'https://buy.payfect.test/cs_po',
  status: 'open',
  amountTotal: '120.00',
  currency: 'usdt',
  createdAt: String(NOW / 1000),
  expiresAt: String(NOW + 86_400_000),
  isLivemode: false,
} as unknown as Checkout;

function created(draft: Draft) {
  const order = validateDraft(draft, { baseUrl: 'https://api.payfect.finance/api/v1' });
  if (!order.ok) throw new Error(JSON.stringify(order.error));
  return order.value;
}

describe('the field registry', () => {
  it('lists every field once, in screen order, with More options after the main fields', () => {
    expect(new Set(TOP_FIELDS).size).toBe(FIELDS.length);
    const firstMore = TOP_FIELDS.indexOf(MORE_FIELDS[0] ?? 'poNumber');
    expect(TOP_FIELDS.slice(firstMore)).toEqual(MORE_FIELDS);
  });

  it('places every CSV column after one that exists', () => {
    for (const field of FIELDS) {
      if ('csv' in field) expect(CSV_HEADER).toContain(field.csv.after);
    }
  });
});

describe('a field added through the registry: PO number', () => {
  it('reads drafts stored before it existed', () => {
    const older: Partial<Draft> = { ...TYPED };
    delete older.poNumber;
    expect(DraftSchema.safeParse(older).success).toBe(true);
  });

  it('goes into the order trimmed, and is left out while empty', () => {
    expect(created(TYPED).poNumber).toBe('PO-7781');
    expect('poNumber' in created({ ...TYPED, poNumber: '  ' })).toBe(false);
  });

  it('is refused with hidden characters or past its limit, beside its own field', () => {
    const check = (poNumber: string) =>
      validateDraft({ ...TYPED, poNumber }, { baseUrl: DEFAULT_SETTINGS.baseUrl });
    expect(check('PO\u202E1')).toMatchObject({
      ok: false,
      error: { poNumber: expect.any(String) },
    });
    expect(check('P'.repeat(101))).toMatchObject({
      ok: false,
      error: { poNumber: expect.any(String) },
    });
  });

  it('is never sent to Payfect, whose request has no field for it', () => {
    expect(JSON.stringify(orderToRequest(created(TYPED)))).not.toContain('PO-7781');
  });

  it('is kept with the link, found by search, exported, printed and kept by a renewal', () => {
    const record = sessionFromCheckout(CHECKOUT, {
      order: created(TYPED),
      settings: DEFAULT_SETTINGS,
      baseUrl: DEFAULT_SETTINGS.baseUrl,
      now: NOW,
      profileId: 'default',
      profileName: 'Default',
    });
    expect(SessionRecordSchema.parse(record).poNumber).toBe('PO-7781');

    const others = [session({ id: 'other' }), record];
    expect(filterSessions(others, { query: 'po-778', status: 'all' }, NOW)).toEqual([record]);

    const [header = '', row = ''] = sessionsToCsv([record], NOW)
      .slice(CSV_BOM.length)
      .split('\r\n');
    const column = header.split(',').indexOf('po_number');
    expect(column).toBeGreaterThan(header.split(',').indexOf('client_address'));
    expect(row.split(',')[column]).toBe('PO-7781');

    expect(invoiceDocument(record, DEFAULT_BUSINESS, 'invoice', 'en').details).toEqual([
      { label: 'PO number', value: 'PO-7781' },
    ]);

    const renewed = renewalOrder(record, DEFAULT_SETTINGS);
    expect(renewed.ok && renewed.value.poNumber).toBe('PO-7781');
  });

  it('prints no PO line and exports an empty cell for a link without one', () => {
    const older = session({ id: 'old' });
    expect(invoiceDocument(older, DEFAULT_BUSINESS, 'invoice', 'en').details).toEqual([]);
    const [header = '', row = ''] = sessionsToCsv([older], NOW).slice(CSV_BOM.length).split('\r\n');
    expect(row.split(',')[header.split(',').indexOf('po_number')]).toBe('');
  });
});
