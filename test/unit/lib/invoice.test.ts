import { describe, expect, it } from 'vitest';
import {
  checkBusiness,
  DEFAULT_BUSINESS,
  formatInvoiceNumber,
  hasInvoiceNumberLeft,
  highWaterFloor,
  issueInvoiceNumber,
  MAX_INVOICE_NUMBER,
  nextInvoiceNumber,
  raisedHighWater,
  releasedInvoiceNumber,
  withIssued,
  type Business,
  type HighWater,
} from '../../../lib/invoice.ts';

const MESSAGES = {
  tooLong: (max: number) => `max ${max}`,
  hidden: 'hidden',
  email: 'email',
  prefix: 'prefix',
  number: (max: number) => `number ${max}`,
};

const typed = {
  name: ' Lin Studio ',
  address: '12 Harbour Road\nKaohsiung',
  taxId: '12345678',
  email: 'billing@lin.example',
  footer: 'Thank you!',
  invoicePrefix: 'INV-',
  nextInvoiceNumber: 1,
};

describe('formatInvoiceNumber', () => {
  it('pads to four digits and goes on past 9999', () => {
    expect(formatInvoiceNumber('INV-', 1)).toBe('INV-0001');
    expect(formatInvoiceNumber('2026/', 42)).toBe('2026/0042');
    expect(formatInvoiceNumber('', 12345)).toBe('12345');
  });
});

describe('issuing and giving back numbers', () => {
  it('issues 1, 2, 3 and records the highest per prefix', () => {
    let business: Business = DEFAULT_BUSINESS;
    let highWater: HighWater = {};
    const numbers: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const next = issueInvoiceNumber(business, highWater);
      numbers.push(next.issued.number);
      business = next.business;
      highWater = next.highWater;
    }
    expect(numbers).toEqual(['INV-0001', 'INV-0002', 'INV-0003']);
    expect(highWater).toEqual({ 'INV-': 3 });
    expect(nextInvoiceNumber(business, highWater)).toBe('INV-0004');
  });

  it('never issues a number twice, whatever Next invoice number says', () => {
    const lowered: Business = { ...DEFAULT_BUSINESS, nextInvoiceNumber: 2 };
    expect(issueInvoiceNumber(lowered, { 'INV-': 7 }).issued.number).toBe('INV-0008');
    // Another prefix starts where it is told.
    const other = { ...lowered, invoicePrefix: 'B-' };
    expect(issueInvoiceNumber(other, { 'INV-': 7 }).issued.number).toBe('B-0002');
  });

  it('gives back the last number exactly, but not once a later one was issued', () => {
    const first = issueInvoiceNumber(DEFAULT_BUSINESS, {});
    expect(releasedInvoiceNumber(first.business, first.highWater, first.issued)).toEqual({
      business: DEFAULT_BUSINESS,
      highWater: {},
    });
    const second = issueInvoiceNumber(first.business, first.highWater);
    expect(releasedInvoiceNumber(second.business, second.highWater, first.issued)).toBeUndefined();
    const fifth = issueInvoiceNumber(DEFAULT_BUSINESS, { 'INV-': 4 });
    expect(releasedInvoiceNumber(fifth.business, fifth.highWater, fifth.issued)?.highWater).toEqual(
      { 'INV-': 4 },
    );
  });

  it('keeps a number consumed once another profile of the series issued one after it', () => {
    const mine = issueInvoiceNumber(DEFAULT_BUSINESS, {});
    const theirs = issueInvoiceNumber(DEFAULT_BUSINESS, mine.highWater);
    expect(theirs.issued.number).toBe('INV-0002');
    expect(releasedInvoiceNumber(mine.business, theirs.highWater, mine.issued)).toBeUndefined();
  });
});

describe('the high-water of a series', () => {
  it('only goes up when records are merged', () => {
    expect(raisedHighWater({ 'INV-': 5, 'B-': 1 }, { 'INV-': 3 }, { 'C-': 2 })).toEqual({
      'INV-': 5,
      'B-': 1,
      'C-': 2,
    });
  });

  it('is at least what issued numbers prove, for every prefix they may have been made with', () => {
    expect(highWaterFloor(['INV-0007', 'INV-0012', undefined, 'PO-77', '2026/0003'])).toEqual({
      'INV-': 12,
      '2026/': 3,
    });
    // "A10001" is A1's first or A's 10,001st: both floors hold, so neither is reissued.
    expect(highWaterFloor(['A10001'])).toEqual({ A: 10001, A1: 1 });
    expect(highWaterFloor(['INV-12345'])).toEqual({ 'INV-': 12345, 'INV-1': 2345 });
  });
});

describe('the last invoice number', () => {
  it('is 999,999,999: once it is issued the prefix has none left, another starts anew', () => {
    const last = issueInvoiceNumber(
      { ...DEFAULT_BUSINESS, nextInvoiceNumber: MAX_INVOICE_NUMBER },
      {},
    );
    expect(last.issued.number).toBe('INV-999999999');
    expect(hasInvoiceNumberLeft(DEFAULT_BUSINESS, {})).toBe(true);
    expect(hasInvoiceNumberLeft(last.business, last.highWater)).toBe(false);
    expect(hasInvoiceNumberLeft({ ...last.business, invoicePrefix: 'B-' }, last.highWater)).toBe(
      true,
    );
  });

  it('is never passed by a saved Next invoice number, which would not be stored', () => {
    const highWater = { 'INV-': MAX_INVOICE_NUMBER };
    const saved = withIssued(typed, highWater);
    expect(saved.nextInvoiceNumber).toBe(MAX_INVOICE_NUMBER);
    expect(hasInvoiceNumberLeft(saved, highWater)).toBe(false);
  });
});

describe('checkBusiness and withIssued', () => {
  it('trims what was typed, and keeps a number past the series as typed', () => {
    const checked = checkBusiness({ ...typed, nextInvoiceNumber: 5 }, MESSAGES);
    expect(checked).toEqual({
      ok: true,
      value: { ...typed, name: 'Lin Studio', nextInvoiceNumber: 5 },
    });
    const stored = checked.ok ? withIssued(checked.value, { 'INV-': 2 }) : undefined;
    expect(stored).toEqual({ ...typed, name: 'Lin Studio', nextInvoiceNumber: 5 });
  });

  it('raises a Next invoice number at or below an issued one past it', () => {
    const current = { 'INV-': 4 };
    expect(withIssued({ ...typed, nextInvoiceNumber: 2 }, current).nextInvoiceNumber).toBe(5);
    const renamed = withIssued({ ...typed, invoicePrefix: '2027-', nextInvoiceNumber: 1 }, current);
    expect(renamed.nextInvoiceNumber).toBe(1);
  });

  it('says what is wrong beside each field', () => {
    const checked = checkBusiness(
      {
        ...typed,
        name: 'x'.repeat(201),
        taxId: 'AB\u200B12',
        email: 'billing at lin',
        invoicePrefix: 'INV<',
        nextInvoiceNumber: 0,
      },
      MESSAGES,
    );
    expect(checked).toEqual({
      ok: false,
      error: {
        'business.name': 'max 200',
        'business.taxId': 'hidden',
        'business.email': 'email',
        'business.invoicePrefix': 'prefix',
        'business.nextInvoiceNumber': 'number 999999999',
      },
    });
  });

  it('refuses hidden characters between lines, and each field past its length', () => {
    const checked = checkBusiness(
      {
        ...typed,
        address: '12 Harbour Road\n\u202EKaohsiung',
        footer: 'x'.repeat(1001),
        invoicePrefix: 'INVOICE-2026-STUDIO-B',
      },
      MESSAGES,
    );
    expect(checked).toEqual({
      ok: false,
      error: {
        'business.address': 'hidden',
        'business.footer': 'max 1000',
        'business.invoicePrefix': 'max 20',
      },
    });
    // The lengths are counted once trimmed.
    expect(checkBusiness({ ...typed, name: ` ${'x'.repeat(200)} ` }, MESSAGES).ok).toBe(true);
  });

  it('takes an email of the loose form name@host only', () => {
    for (const email of ['a@b', 'billing@lin.example', ' billing@lin.example ']) {
      expect(checkBusiness({ ...typed, email }, MESSAGES).ok, email).toBe(true);
    }
    for (const email of ['billing', 'billing@', '@lin', 'bill ing@lin', 'a@b@c']) {
      expect(checkBusiness({ ...typed, email }, MESSAGES), email).toEqual({
        ok: false,
        error: { 'business.email': 'email' },
      });
    }
  });

  it('allows line breaks in the address and the footer, and empty fields', () => {
    const empty = { ...typed, name: '', email: '', taxId: '', footer: 'Line 1\r\nLine 2' };
    expect(checkBusiness(empty, MESSAGES).ok).toBe(true);
  });
});
