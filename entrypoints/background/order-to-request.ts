import { FIELDS, keptValue } from '../../lib/fields.ts';
import { PAYER_CRYPTO, type Order, type OrderItem } from '../../lib/order.ts';
import type { CreateCheckoutRequest, InvoiceItemRequest } from '../../lib/payfect/index.ts';

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

/** Payfect's snake_case body for POST /checkouts/; empty optional URLs are left out. */
export function orderToRequest(order: Order): CreateCheckoutRequest {
  const currency = order.currency.toLowerCase();
  return {
    currency,
    invoice_items: order.items.map((item) => invoiceItem(item, currency)),
    client_reference_id: order.reference,
    ...sentFields(order),
    payment_method_data: {
      type: 'cryptopaymentmethoddetail',
      paymentMethodDetail: { currency: PAYER_CRYPTO, network: order.network },
    },
  };
}
