import { z } from 'zod/mini';
import { orderFieldsShape } from './fields.ts';
import { ClientSchema } from './invoice.ts';
import { NetworkValueSchema } from './network-value.ts';

/*
 * The crypto the payer sends. Payfect settles in USDT whatever the checkout's `currency`
 * says: a checkout priced in TWD is quoted by Payfect and paid in USDT on the chosen
 * network. So this stays fixed rather than following the order's currency.
 */
export const PAYER_CRYPTO = 'usdt';

export const MAX_ITEMS = 20;
export const MAX_QUANTITY = 1_000_000;
export const MAX_NAME_LENGTH = 255;
export const MAX_DESCRIPTION_LENGTH = 500;
export { MAX_REFERENCE_LENGTH } from './fields.ts';

const CANONICAL_DECIMAL = /^(0|[1-9]\d*)(\.\d*[1-9])?$/;

export const OrderItemSchema = z.object({
  name: z.string().check(z.minLength(1), z.maxLength(MAX_NAME_LENGTH)),
  description: z.string().check(z.maxLength(MAX_DESCRIPTION_LENGTH)),
  /** Canonical decimal text ("20.5"), produced by lib/draft.ts from what was typed. */
  unitAmount: z.string().check(z.regex(CANONICAL_DECIMAL)),
  quantity: z.int().check(z.minimum(1), z.maximum(MAX_QUANTITY)),
});
export type OrderItem = z.infer<typeof OrderItemSchema>;

/**
 * A checkout the user asked for, already validated by the form: what the popup sends the
 * background. The background parses it again (it trusts no message) and turns it into
 * Payfect's snake_case request.
 */
export const OrderSchema = z.object({
  items: z.array(OrderItemSchema).check(z.minLength(1), z.maxLength(MAX_ITEMS)),
  currency: z.string().check(z.regex(/^[a-z]{2,10}$/)),
  /* The same values the API may offer and we may send (lib/network-value.ts). */
  network: NetworkValueSchema,
  /*
   * The fields kept with the link (lib/fields.ts): the reference (empty: the link's invoice
   * number stands in, given by the background as it sends), the redirect URLs, …
   */
  ...orderFieldsShape(),
  /** Who is billed, for the invoice; never sent to Payfect. Absent when none was typed. */
  client: z.optional(ClientSchema),
});
export type Order = z.infer<typeof OrderSchema>;
