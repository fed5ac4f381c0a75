import { z } from 'zod/mini';

/**
 * Settings v4 → v5: profiles. The one set of settings becomes the profile "Default" (its key
 * keeps its storage keys, so no key moves); the message template, history cap and reminder
 * stay shared by all profiles. A v4 value that fails the v4 shape is replaced by the v4
 * defaults, as it always was.
 */
export const version = 5;

/* The v4 settings and their defaults, as they were when v5 was released. */
const V4_DEFAULTS = {
  baseUrl: 'https://api.payfect.finance/api/v1',
  currency: 'usdt',
  network: 'tron',
  successUrl: '',
  cancelUrl: '',
  callbackUrl: '',
  messageTemplate: '{items} — {total} {currency}: {url} · {warning} · Valid until {expires}',
  networks: [{ value: 'tron', name: 'Tron (TRC20)' }],
  historyCap: 0,
  reminderMinutes: 60,
};

const V4Schema = z.object({
  baseUrl: z.string(),
  currency: z.string(),
  network: z.string(),
  successUrl: z.string(),
  cancelUrl: z.string(),
  callbackUrl: z.string(),
  messageTemplate: z.string(),
  networks: z.array(z.object({ value: z.string(), name: z.string() })),
  historyCap: z.int().check(z.minimum(0)),
  reminderMinutes: z.int().check(z.minimum(0), z.maximum(1440)),
});

/*
 * Empty business details. The profile has had them since this step ran on builds with
 * invoices (v7 then sets them again), so this step keeps writing them.
 */
const EMPTY_BUSINESS = {
  name: '',
  address: '',
  taxId: '',
  email: '',
  footer: '',
  invoicePrefix: 'INV-',
  nextInvoiceNumber: 1,
  issued: {},
};

export function migrate(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const parsed = z.safeParse(V4Schema, { ...V4_DEFAULTS, ...value });
  const v4 = parsed.success ? parsed.data : V4_DEFAULTS;
  return {
    activeProfileId: 'default',
    profiles: [
      {
        id: 'default',
        name: 'Default',
        baseUrl: v4.baseUrl,
        currency: v4.currency,
        network: v4.network,
        successUrl: v4.successUrl,
        cancelUrl: v4.cancelUrl,
        callbackUrl: v4.callbackUrl,
        business: EMPTY_BUSINESS,
        networks: v4.networks,
      },
    ],
    messageTemplate: v4.messageTemplate,
    historyCap: v4.historyCap,
    reminderMinutes: v4.reminderMinutes,
  };
}
