/**
 * The create-checkout request body, checked the way Payfect's DRF serializers would check it.
 * Limits the docs do not state are chosen here and written down: at most 100 items, names
 * up to 255 characters, unit_amount with up to 20 digits of which 6 after the point (USDT's
 * precision on Tron), quantity from 1 to 1,000,000. Unknown fields are ignored, as DRF does.
 */
import type { Decimal } from '../../lib/money.ts';
import { err, ok, type Result } from '../../lib/result.ts';
import {
  choice,
  collectErrors,
  decimal,
  integer,
  listOf,
  many,
  nested,
  optional,
  required,
  text,
  webUrl,
  type ErrorMap,
} from './drf-fields.ts';

export const PAYMENT_METHOD_TYPE = 'cryptopaymentmethoddetail';

export interface CheckoutItemRequest {
  readonly name: string;
  readonly description: string | null;
  readonly images: readonly string[];
  /** Lower-cased; the docs' curl sends an item currency that differs from the session's. */
  readonly currency: string | null;
  readonly unitAmount: Decimal;
  readonly quantity: number;
}

export interface CheckoutRequest {
  readonly clientReferenceId: string | null;
  /** Lower-cased. */
  readonly currency: string;
  readonly items: readonly CheckoutItemRequest[];
  readonly successUrl: string | null;
  readonly cancelUrl: string | null;
  readonly callbackUrl: string | null;
  readonly network: string | null;
  readonly paymentCurrency: string | null;
}

export interface ValidationContext {
  /** Accepted checkout currencies (compared case-insensitively). */
  readonly currencies: readonly string[];
  /** Accepted network values (compared exactly, like a DRF ChoiceField). */
  readonly networks: readonly string[];
}

function productData(data: Record<string, unknown>) {
  const name = required(text({ maxLength: 255 }))(data, 'name');
  const description = optional(text({ maxLength: 1000, allowBlank: true }))(data, 'description');
  const images = optional(listOf(webUrl()))(data, 'images');
  if (!name.ok || !description.ok || !images.ok) {
    return err(collectErrors({ name, description, images }));
  }
  return ok({ name: name.value, description: description.value, images: images.value ?? [] });
}

function priceData(context: ValidationContext) {
  return (data: Record<string, unknown>) => {
    const product = required(nested(productData))(data, 'product_data');
    const currency = optional(choice(context.currencies, { caseInsensitive: true }))(
      data,
      'currency',
    );
    const unitAmount = required(decimal({ maxDigits: 20, decimalPlaces: 6 }))(data, 'unit_amount');
    if (!product.ok || !currency.ok || !unitAmount.ok) {
      return err(collectErrors({ product_data: product, currency, unit_amount: unitAmount }));
    }
    return ok({ ...product.value, currency: currency.value, unitAmount: unitAmount.value });
  };
}

function invoiceItem(context: ValidationContext) {
  return (data: Record<string, unknown>): Result<CheckoutItemRequest, ErrorMap> => {
    const price = required(nested(priceData(context)))(data, 'price_data');
    const quantity = required(integer({ min: 1, max: 1_000_000 }))(data, 'quantity');
    if (!price.ok || !quantity.ok) {
      return err(collectErrors({ price_data: price, quantity }));
    }
    return ok({ ...price.value, quantity: quantity.value });
  };
}

function paymentMethodDetail(context: ValidationContext) {
  return (data: Record<string, unknown>) => {
    const currency = optional(choice(context.currencies, { caseInsensitive: true }))(
      data,
      'currency',
    );
    const network = optional(choice(context.networks))(data, 'network');
    if (!currency.ok || !network.ok) return err(collectErrors({ currency, network }));
    return ok({ currency: currency.value, network: network.value });
  };
}

function paymentMethodData(context: ValidationContext) {
  return (data: Record<string, unknown>) => {
    const type = required(choice([PAYMENT_METHOD_TYPE]))(data, 'type');
    // The docs spell this one key in camelCase inside a snake_case body; the snake_case
    // spelling is accepted too.
    const detailKey = Object.hasOwn(data, 'paymentMethodDetail')
      ? 'paymentMethodDetail'
      : 'payment_method_detail';
    const detail = optional(nested(paymentMethodDetail(context)))(data, detailKey);
    if (!type.ok || !detail.ok) return err(collectErrors({ type, [detailKey]: detail }));
    return ok(detail.value ?? { currency: null, network: null });
  };
}

/** A valid request, or DRF's 400 body for an invalid one. */
export function validateCheckoutRequest(
  body: unknown,
  context: ValidationContext,
): Result<CheckoutRequest, ErrorMap> {
  return nested((data): Result<CheckoutRequest, ErrorMap> => {
    const clientReferenceId = optional(text({ maxLength: 255 }))(data, 'client_reference_id');
    const currency = required(choice(context.currencies, { caseInsensitive: true }))(
      data,
      'currency',
    );
    const items = required(many(nested(invoiceItem(context)), { maxLength: 100 }))(
      data,
      'invoice_items',
    );
    const successUrl = optional(webUrl())(data, 'success_url');
    const cancelUrl = optional(webUrl())(data, 'cancel_url');
    const callbackUrl = optional(webUrl())(data, 'callback_url');
    const payment = optional(nested(paymentMethodData(context)))(data, 'payment_method_data');
    if (
      !clientReferenceId.ok ||
      !currency.ok ||
      !items.ok ||
      !successUrl.ok ||
      !cancelUrl.ok ||
      !callbackUrl.ok ||
      !payment.ok
    ) {
      return err(
        collectErrors({
          client_reference_id: clientReferenceId,
          currency,
          invoice_items: items,
          success_url: successUrl,
          cancel_url: cancelUrl,
          callback_url: callbackUrl,
          payment_method_data: payment,
        }),
      );
    }
    return ok({
      clientReferenceId: clientReferenceId.value,
      currency: currency.value.toLowerCase(),
      items: items.value.map((item) => ({
        ...item,
        currency: item.currency?.toLowerCase() ?? null,
      })),
      successUrl: successUrl.value,
      cancelUrl: cancelUrl.value,
      callbackUrl: callbackUrl.value,
      network: payment.value?.network ?? null,
      paymentCurrency: payment.value?.currency?.toLowerCase() ?? null,
    });
  })(body);
}
