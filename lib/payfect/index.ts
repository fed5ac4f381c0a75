// The Payfect API contract and client. Only the background worker uses the client;
// schemas, errors and url-safety helpers are safe for any context.
export { createPayfectClient } from './client';
export type { PayfectClient, PayfectClientOptions } from './client';
export { describePayfectError, mayHaveReachedPayfect } from './errors';
export type { FieldError, PayfectError, PayfectErrorKind } from './errors';
export {
  CheckoutSchema,
  CreateCheckoutRequestSchema,
  InvoiceItemRequestSchema,
  InvoiceItemSchema,
  PaymentMethodOptionsSchema,
  createdAtMs,
  expiresAtMs,
  offeredNetworks,
} from './schemas';
export type {
  Checkout,
  CheckoutStatus,
  CreateCheckoutRequest,
  InvoiceItemRequest,
  OfferedNetwork,
  PaymentMethodOptions,
} from './schemas';
export type { FetchLike } from './transport';
export {
  isLoopbackHostname,
  isLoopbackUrl,
  isSafeCheckoutUrl,
  validateBaseUrl,
} from './url-safety';
