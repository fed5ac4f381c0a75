import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { invoiceDocument } from '../../../lib/invoice-document.ts';
import { t } from '../../../lib/i18n.ts';
import { DEFAULT_BUSINESS, type Business } from '../../../lib/invoice.ts';
import { useFakeLocale } from '../../support/fake-i18n.ts';
import { session } from '../factories.ts';

const business: Business = {
  ...DEFAULT_BUSINESS,
  name: 'Lin Studio',
  address: '12 Harbour Road\n\n Kaohsiung 806 ',
  taxId: '12345678',
  email: 'billing@lin.example',
  footer: 'Payment due on receipt.\nThank you!',
};

const created = Date.UTC(2026, 11, 4, 9, 30);
const twoItems = session({
  invoiceNumber: 'INV-0007',
  reference: 'INV-0007',
  amountTotal: '119.88',
  items: [
    { name: 'Hosting', description: 'Monthly', unitAmount: '9.99', quantity: 12 },
    { name: 'Stickers', description: '', unitAmount: '0.1', quantity: 3 },
  ],
  createdAt: created,
  expiresAt: created + 24 * 60 * 60 * 1000,
  client: { name: 'ACME Ltd', email: 'ap@acme.example', address: '1 Main St\nTaipei' },
});

afterEach(async () => {
  await useFakeLocale('en');
});

describe('invoiceDocument', () => {
  it('turns items into rows with exact amounts as strings', () => {
    const document = invoiceDocument(twoItems, business, 'invoice', 'en');
    expect(document.rows).toEqual([
      {
        name: 'Hosting',
        description: 'Monthly',
        quantity: '12',
        unitPrice: '9.99',
        amount: '119.88',
      },
      { name: 'Stickers', description: '', quantity: '3', unitPrice: '0.10', amount: '0.30' },
    ]);
    expect(document.subtotal).toBe('120.18');
    // What the client pays is Payfect's own figure, never recomputed.
    expect(document.total).toBe('119.88');
    expect(document.totalCurrency).toBe('USDT');
  });

  it('holds the number, dates, business lines, client and link', () => {
    const document = invoiceDocument(twoItems, business, 'invoice', 'en');
    expect(document).toMatchObject({
      number: 'INV-0007',
      title: 'INV-0007',
      issued: '4 December 2026',
      business: {
        name: 'Lin Studio',
        addressLines: ['12 Harbour Road', 'Kaohsiung 806'],
        taxId: '12345678',
      },
      client: { name: 'ACME Ltd', addressLines: ['1 Main St', 'Taipei'] },
      url: 'https://buy.payfect.finance/checkouts/cs_1',
      warning: 'Pay in USDT on Tron (TRC20) only',
      footerLines: ['Payment due on receipt.', 'Thank you!'],
      missingBusinessName: false,
      notPaid: false,
      paid: undefined,
    });
    expect(document.due).toMatch(/^5 December 2026/);
  });

  it('shows a fiat price and the USDT total Payfect returned side by side', () => {
    const twd = session({
      itemsCurrency: 'twd',
      currency: 'usdt',
      amountTotal: '376.47',
      items: [{ name: 'Logo', description: '', unitAmount: '12000', quantity: 1 }],
    });
    const document = invoiceDocument(twd, business, 'invoice', 'en');
    expect(document.itemsCurrency).toBe('TWD');
    expect(document.subtotal).toBe('12,000.00');
    expect(`${document.total} ${document.totalCurrency}`).toBe('376.47 USDT');
  });

  it('makes a receipt of a paid link only, with the date it was seen paid', () => {
    const paidAt = Date.UTC(2026, 11, 4, 14, 5);
    const paid = session({ ...twoItems, status: 'complete', statusChangedAt: paidAt });
    const receipt = invoiceDocument(paid, business, 'receipt', 'en');
    expect(receipt.title).toBe('INV-0007 receipt');
    expect(receipt.paid).toMatch(/^4 December 2026/);
    expect(receipt.notPaid).toBe(false);
    expect(invoiceDocument(twoItems, business, 'receipt', 'en').notPaid).toBe(true);
  });

  it('names what a renewal replaces, and stands the reference in for an old record', () => {
    const renewal = invoiceDocument(
      session({ invoiceNumber: 'INV-0008', replacesInvoice: 'INV-0007' }),
      business,
      'invoice',
      'en',
    );
    expect(renewal.replaces).toBe('INV-0007');
    const old = invoiceDocument(session({ reference: 'ORDER-9' }), DEFAULT_BUSINESS, 'invoice');
    expect(old.number).toBe('ORDER-9');
    expect(old.client).toEqual({ name: '', email: '', addressLines: [], taxId: '' });
    expect(old.missingBusinessName).toBe(true);
  });

  it('writes dates and amounts the way Traditional Chinese does', async () => {
    await useFakeLocale('zh-TW');
    const big = session({
      ...twoItems,
      amountTotal: '12000.00',
      items: [{ name: '品牌識別設計', description: '', unitAmount: '12000', quantity: 1 }],
    });
    const document = invoiceDocument(big, business, 'invoice', 'zh-TW');
    expect(document.issued).toBe('2026年12月4日');
    expect(document.rows[0]?.amount).toBe('12,000.00');
    // Printed grouped like every amount; the record keeps Payfect's exact string.
    expect(document.total).toBe('12,000.00');
    expect(big.amountTotal).toBe('12000.00');
    expect(document.warning).toContain('USDT');
    expect(document.warning).toContain('Tron (TRC20)');
    expect(invoiceDocument(big, business, 'receipt', 'zh-TW').title).toBe('INV-0007 收據');
  });
});

describe('the document prints every amount one way', () => {
  it('groups unit prices, rows and totals with the currency decimals, keeping the record exact', () => {
    const record = session({
      itemsCurrency: 'usd',
      currency: 'usd',
      amountTotal: '1626.38',
      items: [
        { name: 'Design', description: '', unitAmount: '1250', quantity: 1 },
        { name: 'Support', description: '', unitAmount: '85.5', quantity: 4 },
        { name: 'Hosting', description: '', unitAmount: '34.38', quantity: 1 },
      ],
    });
    const before = structuredClone(record);
    const document = invoiceDocument(record, business, 'invoice', 'en');
    expect(document.rows.map((row) => [row.unitPrice, row.amount])).toEqual([
      ['1,250.00', '1,250.00'],
      ['85.50', '342.00'],
      ['34.38', '34.38'],
    ]);
    expect(document.subtotal).toBe('1,626.38');
    expect(document.total).toBe('1,626.38');
    expect(record).toEqual(before);
  });

  it('shows a USDT amount with two decimals, and more only when it has them', () => {
    const record = session({
      amountTotal: '2500.5',
      items: [{ name: 'Audit', description: '', unitAmount: '0.123456', quantity: 2 }],
    });
    const document = invoiceDocument(record, business, 'invoice', 'en');
    expect(document.rows[0]).toMatchObject({ unitPrice: '0.123456', amount: '0.246912' });
    expect(document.total).toBe('2,500.50');
  });
});

describe('a fiat-priced link', () => {
  const order = [{ name: 'Logo', description: '', unitAmount: '12000', quantity: 1 }];

  it('answered in USDT prints the rate the two totals imply, and when it was quoted', () => {
    const answered = session({
      itemsCurrency: 'twd',
      currency: 'usdt',
      amountTotal: '376.47',
      items: order,
      createdAt: created,
    });
    const document = invoiceDocument(answered, business, 'invoice', 'en');
    // 376.47 / 12000 = 0.031372500…: six significant digits, rounded half-up.
    expect(document.conversion).toEqual({
      rate: '0.0313725',
      quotedAt: expect.stringMatching(/^4 December 2026/),
    });
    expect(document.setAtCheckout).toBe(false);
    expect(document.subtotal).toBe('12,000.00');
    expect(`${document.total} ${document.totalCurrency}`).toBe('376.47 USDT');
  });

  it('echoed in its own currency says the USDT amount is set at checkout', () => {
    const echoed = session({
      itemsCurrency: 'twd',
      currency: 'twd',
      amountTotal: '12000.00',
      items: order,
    });
    const document = invoiceDocument(echoed, business, 'invoice', 'en');
    expect(document.conversion).toBeUndefined();
    expect(document.setAtCheckout).toBe(true);
    expect(document.total).toBe('12,000.00');
  });

  it('priced in USDT has nothing to convert', () => {
    const document = invoiceDocument(twoItems, business, 'invoice', 'en');
    expect(document.conversion).toBeUndefined();
    expect(document.setAtCheckout).toBe(false);
  });
});

describe('the document words', () => {
  it('mark a test link, and only a test link', () => {
    expect(invoiceDocument(twoItems, business, 'invoice', 'en').test).toBe(true);
    const live = session({ ...twoItems, isLivemode: true });
    expect(invoiceDocument(live, business, 'invoice', 'en').test).toBe(false);
  });

  it("label the tax ID the user's way, or the language's when the label is empty", async () => {
    expect(invoiceDocument(twoItems, business, 'invoice', 'en').business.taxIdLabel).toBe('Tax ID');
    const vat = { ...business, taxIdLabel: ' VAT number ' };
    expect(invoiceDocument(twoItems, vat, 'invoice', 'en').business.taxIdLabel).toBe('VAT number');
    await useFakeLocale('zh-TW');
    expect(invoiceDocument(twoItems, business, 'invoice', 'zh-TW').business.taxIdLabel).toBe(
      '統一編號',
    );
  });

  it('print the footer note on the invoice and the receipt note on the receipt', () => {
    const withNote = { ...business, receiptNote: 'Thank you for your payment.' };
    const paid = session({ ...twoItems, status: 'complete' });
    expect(invoiceDocument(paid, withNote, 'invoice', 'en').footerLines).toEqual([
      'Payment due on receipt.',
      'Thank you!',
    ]);
    expect(invoiceDocument(paid, withNote, 'receipt', 'en').footerLines).toEqual([
      'Thank you for your payment.',
    ]);
    // No receipt note: the receipt's foot is empty, never the invoice's terms.
    expect(invoiceDocument(paid, business, 'receipt', 'en').footerLines).toEqual([]);
  });

  it('in Traditional Chinese are 請款單, 收據 and 單號, and never 發票', async () => {
    await useFakeLocale('zh-TW');
    expect([t('invoice.invoice'), t('invoice.receipt'), t('invoice.number')]).toEqual([
      '請款單',
      '收據',
      '單號',
    ]);
    expect(t('popup.invoice')).toBe('請款單');
    const file = fileURLToPath(import.meta.resolve('../../../locales/zh-TW.yml'));
    const offending = readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.includes('發票'));
    expect(offending).toEqual([]);
  });
});

describe('a voided invoice', () => {
  it('says when and why it was voided', () => {
    const voided = session({
      invoiceNumber: 'INV-0007',
      voided: { at: Date.UTC(2026, 11, 6, 12), reason: 'Issued twice by mistake' },
    });
    expect(invoiceDocument(voided, business, 'invoice', 'en').voided).toBe(
      'Voided on 6 December 2026: Issued twice by mistake',
    );
    expect(invoiceDocument(twoItems, business, 'invoice', 'en').voided).toBeUndefined();
  });
});
