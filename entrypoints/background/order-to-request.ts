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

/** Payfect's snake_case body for POST /checkouts/; empty optional URLs are left out. */
export function orderToRequest(order: Order): CreateCheckoutRequest {
  const currency = order.currency.toLowerCase();
  return {
    currency,
    invoice_items: order.items.map((item) => invoiceItem(item, currency)),
    client_reference_id: order.reference,
    ...(order.successUrl === '' ? {} : { success_url: order.successUrl }),
    ...(order.cancelUrl === '' ? {} : { cancel_url: order.cancelUrl }),
    ...(order.callbackUrl === '' ? {} : { callback_url: order.callbackUrl }),
    payment_method_data: {
      type: 'cryptopaymentmethoddetail',
      paymentMethodDetail: { currency: PAYER_CRYPTO, network: order.network },
    },
  };
}
