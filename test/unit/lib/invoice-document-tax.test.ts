import { describe, expect, it } from 'vitest';
import { invoiceDocument } from '../../../lib/invoice-document.ts';
import { DEFAULT_BUSINESS } from '../../../lib/invoice.ts';
import { session } from '../factories.ts';

const ITEMS = [
  { name: 'Design', description: '', unitAmount: '100', quantity: 1 },
  { name: 'Hosting', description: '', unitAmount: '19.99', quantity: 1 },
];

describe('the invoice with tax', () => {
  it('prints the net as the subtotal, "VAT 20%" with 24.00, and the gross', () => {
    const document = invoiceDocument(
      session({
        items: ITEMS,
        currency: 'usd',
        amountTotal: '143.99',
        taxMode: 'tax',
        taxRate: '20',
        taxLabel: 'VAT',
      }),
      DEFAULT_BUSINESS,
      'invoice',
      'en',
    );
    expect(document.subtotal).toBe('119.99');
    expect(document.tax).toEqual({
      line: 'VAT 20%',
      amount: '24.00',
      gross: '143.99',
      statement: undefined,
    });
    expect(document.total).toBe('143.99');
  });

  it('prints 0 %, the statement and the client’s tax ID under reverse charge', () => {
    const document = invoiceDocument(
      session({
        items: ITEMS,
        currency: 'usd',
        amountTotal: '119.99',
        taxMode: 'reverse',
        taxLabel: 'VAT',
        client: { name: 'Acme GmbH', email: '', address: '', taxId: 'DE123456789' },
      }),
      DEFAULT_BUSINESS,
      'invoice',
      'en',
    );
    expect(document.tax).toEqual({
      line: 'VAT 0%',
      amount: '0.00',
      gross: '119.99',
      statement: 'Reverse charge: VAT to be accounted for by the recipient',
    });
    expect(document.client.taxId).toBe('DE123456789');
  });

  it('prints no tax lines for a link without tax, as before tax existed', () => {
    expect(invoiceDocument(session({ items: ITEMS }), DEFAULT_BUSINESS, 'invoice', 'en').tax).toBe(
      undefined,
    );
    expect(
      invoiceDocument(session({ items: ITEMS, taxMode: 'none' }), DEFAULT_BUSINESS, 'invoice', 'en')
        .tax,
    ).toBe(undefined);
  });
});
