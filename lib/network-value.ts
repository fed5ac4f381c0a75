import { z } from 'zod/mini';

/*
 * A network's `value` as Payfect offers it and we send it, e.g. "tron" ("Tron (TRC20)"). One
 * pattern for what an order may hold (lib/order.ts), what we send and what we accept as
 * offered (lib/payfect/schemas.ts offeredNetworks): a value the server offers that we could
 * not send is refused there, never shown as a choice.
 */
export const NETWORK_VALUE = /^[a-z0-9][a-z0-9_-]{0,31}$/;

export const NetworkValueSchema = z
  .string()
  .check(z.regex(NETWORK_VALUE, 'Use a network value such as tron.'));
