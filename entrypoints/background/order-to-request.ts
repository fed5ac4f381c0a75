import { FIELDS, keptValue } from '../../lib/fields.ts';
import { PAYER_CRYPTO, type Order, type OrderItem } from '../../lib/order.ts';
import type { CreateCheckoutRequest, InvoiceItemRequest } from '../../lib/payfect/index.ts';
import { invoiceTotals, taxLine } from '../../lib/tax.ts';

function invoiceItem(item: OrderItem, currency: string): InvoiceItemRequest {
  return {
    price_data: {
      product_data:
        item.description === ''
          ? { name: item.name }
          : { name: item.name, description: item.description },
      currency,
      unit_amount: item.unitAmount,
    },
    quantity: item.quantity,
  };
}

/**
 * The fields lib/fields.ts sends besides the reference (the redirect URLs, …), each under
 * Payfect's name; an empty one is left out where Payfect takes none.
 */
function sentFields(order: Order): Partial<CreateCheckoutRequest> {
  const sent: Record<string, string> = {};
  for (const field of FIELDS) {
    if (!('payfect' in field) || field.payfect.key === 'client_reference_id') continue;
    const value = keptValue(order, field) ?? '';
    if (value !== '' || !field.payfect.omitEmpty) sent[field.payfect.key] = value;
  }
  return sent;
}

/**
 * The order's items as Payfect's lines, with the tax as one more (lib/tax.ts): prices are net,
 * so Payfect's total is net + tax. The order (and the stored link) keep the net items only.
 */
function invoiceItems(order: Order, currency: string): InvoiceItemRequest[] {
  const tax = taxLine(invoiceTotals({ ...order, currency }));
  const items = tax === undefined ? order.items : [...order.items, tax];
  return items.map((item) => invoiceItem(item, currency));
}

/** Payfect's snake_case body for POST /checkouts/; empty optional URLs are left out. */
export function orderToRequest(order: Order): CreateCheckoutRequest {
  const currency = order.currency.toLowerCase();
  return {
    currency,
    invoice_items: invoiceItems(order, currency),
    client_reference_id: order.reference,
    ...sentFields(order),
    payment_method_data: {
      type: 'cryptopaymentmethoddetail',
      paymentMethodDetail: { currency: PAYER_CRYPTO, network: order.network },
    },
  };
}
