import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../../lib/history.ts';
import {
  earlierLinks,
  isCurrentLink,
  isReplaced,
  ledgerOf,
  linksOfInvoice,
} from '../../../lib/ledger.ts';
import { HOUR, NOW, session } from '../factories.ts';

/*
 * Histories are newest first, as storage/history.ts reads them. INV-0001 had three links
 * (the first two expired and replaced under the same number); INV-0002 one; an old-style
 * renewal (today's build before issue 23) made INV-0004 for INV-0003's work; a link from
 * before invoice numbers has none.
 */
const first = session({
  id: 'cs_a1',
  invoiceNumber: 'INV-0001',
  status: 'expired',
  renewedBy: 'cs_a2',
  createdAt: NOW - 50 * HOUR,
});
const second = session({
  id: 'cs_a2',
  invoiceNumber: 'INV-0001',
  status: 'expired',
  renewedBy: 'cs_a3',
  createdAt: NOW - 25 * HOUR,
});
const third = session({ id: 'cs_a3', invoiceNumber: 'INV-0001', createdAt: NOW - HOUR });
const other = session({ id: 'cs_b', invoiceNumber: 'INV-0002', createdAt: NOW - 2 * HOUR });
const oldStyle = session({
  id: 'cs_c',
  invoiceNumber: 'INV-0003',
  reference: 'JOB-9',
  status: 'expired',
  renewedBy: 'cs_d',
  createdAt: NOW - 40 * HOUR,
});
const oldStyleRenewal = session({
  id: 'cs_d',
  invoiceNumber: 'INV-0004',
  reference: 'JOB-9-R2',
  replacesInvoice: 'INV-0003',
  createdAt: NOW - 30 * HOUR,
});
const unnumbered = session({
  id: 'cs_e',
  status: 'expired',
  renewedBy: 'cs_f',
  createdAt: NOW - 60 * HOUR,
});
const unnumberedRenewal = session({ id: 'cs_f', createdAt: NOW - 55 * HOUR });

const history: readonly SessionRecord[] = [
  third,
  other,
  second,
  oldStyleRenewal,
  oldStyle,
  first,
  unnumberedRenewal,
  unnumbered,
];

const ids = (records: readonly SessionRecord[]) => records.map((record) => record.id);

describe('isCurrentLink', () => {
  it('is true for a link nothing replaced', () => {
    expect(isCurrentLink(third)).toBe(true);
  });

  it('is false for a link replaced under the same invoice number', () => {
    expect(isCurrentLink(second, third)).toBe(false);
  });

  it('is true for a link renewed under another number, or without one, or whose successor is gone', () => {
    expect(isCurrentLink(oldStyle, oldStyleRenewal)).toBe(true);
    expect(isCurrentLink(unnumbered, unnumberedRenewal)).toBe(true);
    expect(isCurrentLink(second)).toBe(true);
  });
});

describe('isReplaced', () => {
  it('knows a link replaced from the ledger before the write naming its successor arrives', () => {
    const notYetNamed = { ...second, renewedBy: undefined };
    const racing = [third, notYetNamed, first];
    expect(isReplaced(notYetNamed, ledgerOf(racing))).toBe(true);
    expect(isReplaced(third, ledgerOf(racing))).toBe(false);
  });

  it('reads renewedBy where it is the only fact: a renewal under another number', () => {
    const ledger = ledgerOf(history);
    expect(isReplaced(oldStyle, ledger)).toBe(true);
    expect(isReplaced(oldStyleRenewal, ledger)).toBe(false);
    expect(isReplaced(unnumbered, ledger)).toBe(true);
    expect(isReplaced(unnumberedRenewal, ledger)).toBe(false);
    expect(isReplaced(other, ledger)).toBe(false);
  });
});

describe('ledgerOf', () => {
  it('keeps one row per invoice, its current link, in the history’s order', () => {
    expect(ids(ledgerOf(history).rows)).toEqual(['cs_a3', 'cs_b', 'cs_d', 'cs_c', 'cs_f', 'cs_e']);
  });

  it('lists an invoice’s earlier links under its current one, newest first', () => {
    expect(ids(earlierLinks(history, third))).toEqual(['cs_a2', 'cs_a1']);
    expect(ids(linksOfInvoice(history, third))).toEqual(['cs_a3', 'cs_a2', 'cs_a1']);
    expect(earlierLinks(history, other)).toEqual([]);
    expect(earlierLinks(history, oldStyleRenewal)).toEqual([]);
  });

  it('returns the very same array, and the same ledger, when no link was replaced', () => {
    const plain = [other, oldStyleRenewal, oldStyle, unnumberedRenewal, unnumbered];
    expect(ledgerOf(plain).rows).toBe(plain);
    expect(ledgerOf(plain)).toBe(ledgerOf(plain));
  });

  it('shows an earlier link as its own row once its successor is pruned from History', () => {
    expect(ids(ledgerOf([second, first]).rows)).toEqual(['cs_a2']);
    expect(ids(ledgerOf([first]).rows)).toEqual(['cs_a1']);
  });

  it('shows an invoice paid through an earlier link as that link, the newer one among its details', () => {
    const paidLate = { ...second, status: 'complete' };
    const paidHistory = [third, other, paidLate, first];
    expect(ids(ledgerOf(paidHistory).rows)).toEqual(['cs_a2', 'cs_b']);
    expect(ids(earlierLinks(paidHistory, paidLate))).toEqual(['cs_a3', 'cs_a1']);
  });
});
