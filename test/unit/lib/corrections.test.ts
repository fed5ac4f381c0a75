import { describe, expect, it } from 'vitest';
import {
  CORRECTABLE_FIELDS,
  correctableFields,
  correctionPatch,
  correctionValues,
  isCorrectable,
} from '../../../lib/corrections.ts';
import { FIELDS } from '../../../lib/fields.ts';
import type { SessionRecord } from '../../../lib/history.ts';
import { invoiceDocument } from '../../../lib/invoice-document.ts';
import { DEFAULT_BUSINESS } from '../../../lib/invoice.ts';
import { isReplaced, ledgerOf } from '../../../lib/ledger.ts';
import { session } from '../factories.ts';

const AT = Date.UTC(2026, 11, 7, 10, 0);
const unpaid = session({
  invoiceNumber: 'INV-0001',
  reference: 'INV-0001',
  client: { name: 'Acm', email: '', address: '' },
  poNumber: '',
});

describe('which invoices can be corrected', () => {
  it('an unpaid invoice, its link open or expired', () => {
    expect(isCorrectable(unpaid, false)).toBe(true);
    expect(isCorrectable({ ...unpaid, status: 'expired' }, false)).toBe(true);
  });

  it('not a link whose newer link is stored under its number, before renewedBy names it', () => {
    const replaced = { ...unpaid, id: 'cs_1', status: 'expired' as const };
    const newer = { ...unpaid, id: 'cs_2' };
    const ledger = ledgerOf([newer, replaced]);
    expect(isCorrectable(replaced, isReplaced(replaced, ledger))).toBe(false);
    expect(isCorrectable(newer, isReplaced(newer, ledger))).toBe(true);
  });

  it.each<[string, SessionRecord]>([
    ['a paid one', { ...unpaid, status: 'complete' }],
    ['one Payfect reports in a state it does not document', { ...unpaid, status: 'processing' }],
    ['a link without an invoice number', { ...unpaid, invoiceNumber: undefined }],
    [
      'a link renewed by another (its invoice is corrected there)',
      { ...unpaid, renewedBy: 'cs_2' },
    ],
    ['a void one', { ...unpaid, voided: { at: 1, reason: 'Duplicate' } } as SessionRecord],
  ])('not %s', (_name, record) => {
    expect(isCorrectable(record, isReplaced(record, ledgerOf([record])))).toBe(false);
    expect(correctionPatch(record, { clientName: 'Acme' }, AT)).toEqual({
      ok: false,
      error: { kind: 'not_correctable' },
    });
  });
});

describe('the correctable fields', () => {
  it('are the client, PO number and whatever the registry marks correctable', () => {
    expect(CORRECTABLE_FIELDS.map((field) => field.key)).toEqual(
      FIELDS.filter((field) => 'correctable' in field).map((field) => field.key),
    );
    expect(CORRECTABLE_FIELDS.map((field) => field.key)).toEqual([
      'clientName',
      'clientEmail',
      'clientAddress',
      'clientTaxId',
      'poNumber',
      'supplyDate',
    ]);
  });

  it('never takes the client tax ID away from a reverse-charge invoice', () => {
    const reverse = session({
      invoiceNumber: 'INV-0009',
      taxMode: 'reverse',
      client: { name: 'Acme GmbH', email: '', address: '', taxId: 'DE123456789' },
    });
    const refused = correctionPatch(reverse, { clientTaxId: ' ' }, AT);
    expect(refused.ok).toBe(false);
    expect(correctionPatch(reverse, { clientTaxId: 'DE987654321' }, AT).ok).toBe(true);
  });

  it('are offered also where the record lacks them: a PO number can be added later', () => {
    const old = session({ invoiceNumber: 'INV-0001' });
    expect(correctableFields(old)).toEqual(CORRECTABLE_FIELDS);
    expect(correctionValues(old)).toEqual({
      clientName: '',
      clientEmail: '',
      clientAddress: '',
      clientTaxId: '',
      poNumber: '',
      supplyDate: '',
    });
    expect(correctionValues(unpaid)).toMatchObject({ clientName: 'Acm' });
    expect(correctionPatch(old, { poNumber: 'PO-1' }, AT)).toEqual({
      ok: true,
      value: { poNumber: 'PO-1', corrections: [{ at: AT, fields: { poNumber: '' } }] },
    });
  });
});

describe('a correction', () => {
  it('sets the new values and keeps the ones it replaced, dated', () => {
    const patch = correctionPatch(
      unpaid,
      { clientName: 'Acme Robotics Ltd', clientEmail: 'ap@acme.test', poNumber: 'PO-7' },
      AT,
    );
    expect(patch).toEqual({
      ok: true,
      value: {
        client: { name: 'Acme Robotics Ltd', email: 'ap@acme.test', address: '' },
        poNumber: 'PO-7',
        corrections: [{ at: AT, fields: { clientName: 'Acm', clientEmail: '', poNumber: '' } }],
      },
    });
  });

  it('adds to the earlier corrections', () => {
    const once = { ...unpaid, corrections: [{ at: 1, fields: { clientName: 'Ac' } }] };
    const patch = correctionPatch(once, { clientName: 'Acme' }, AT);
    expect(patch.ok && patch.value?.corrections).toEqual([
      { at: 1, fields: { clientName: 'Ac' } },
      { at: AT, fields: { clientName: 'Acm' } },
    ]);
  });

  it('names a client on a link made without one', () => {
    const nobody = session({ invoiceNumber: 'INV-0002' });
    const patch = correctionPatch(nobody, { clientName: 'Mia Studio', clientEmail: '' }, AT);
    expect(patch.ok && patch.value?.client).toEqual({
      name: 'Mia Studio',
      email: '',
      address: '',
    });
  });

  it('changes nothing when the values are as stored', () => {
    expect(correctionPatch(unpaid, { clientName: 'Acm ', poNumber: '' }, AT)).toEqual({
      ok: true,
      value: null,
    });
  });

  it('refuses what the form refuses, by field', () => {
    const patch = correctionPatch(
      unpaid,
      { clientEmail: 'nope', clientName: 'x'.repeat(201), reference: 'R' },
      AT,
    );
    expect(patch.ok).toBe(false);
    expect(!patch.ok && patch.error.kind === 'invalid' && Object.keys(patch.error.fields)).toEqual([
      'clientEmail',
      'clientName',
      'reference',
    ]);
  });
});

describe('the corrected document', () => {
  it('says when it was last corrected, near its number', () => {
    const corrected = {
      ...unpaid,
      corrections: [
        { at: Date.UTC(2026, 11, 5, 10), fields: {} },
        { at: AT, fields: {} },
      ],
    };
    expect(invoiceDocument(corrected, DEFAULT_BUSINESS, 'invoice', 'en').corrected).toBe(
      '7 December 2026',
    );
    expect(invoiceDocument(unpaid, DEFAULT_BUSINESS, 'invoice', 'en').corrected).toBeUndefined();
  });
});
