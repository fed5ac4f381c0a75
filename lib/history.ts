import { z } from 'zod/mini';
import { t } from './i18n.ts';
import { recordFieldsShape } from './fields.ts';
import { ClientSchema } from './invoice.ts';

/** The statuses Payfect documents, each with its own word in the UI. */
export const CheckoutStatusSchema = z.enum(['open', 'complete', 'expired']);
export type CheckoutStatus = z.infer<typeof CheckoutStatusSchema>;

/*
 * A status as received: one of the documented three, or one Payfect added later
 * ("processing", "refunded"), kept as its raw text (lib/payfect/schemas.ts makes it safe to
 * show). Read liberally, so a record with a new status is never dropped as damaged; older
 * records (the three words) stay valid, so no migration is needed.
 */
export const SessionStatusSchema = z.string().check(z.minLength(1), z.maxLength(64));
export type SessionStatus = string;

/** Whether `status` is one of the documented three. */
export function isKnownStatus(status: SessionStatus): status is CheckoutStatus {
  return status === 'open' || status === 'complete' || status === 'expired';
}

/**
 * Whether nothing more is awaited: paid, or over. An unknown status is not settled: the
 * link has not been seen paid nor over, so it is watched like an open one until expiry.
 */
export function isSettled(status: SessionStatus): boolean {
  return status === 'complete' || status === 'expired';
}

export const SessionItemSchema = z.object({
  name: z.string(),
  description: z.string(),
  unitAmount: z.string(),
  quantity: z.number(),
});

/**
 * One checkout session as the history keeps it: what is needed to show it, copy it again
 * and query its status — never the API key, never the raw server answer.
 */
export const SessionRecordSchema = z.object({
  id: z.string(),
  url: z.string(),
  status: SessionStatusSchema,
  /** As Payfect returned it ("20.50"): the amount the payer sees. */
  amountTotal: z.string(),
  currency: z.string(),
  network: z.string(),
  networkName: z.string(),
  items: z.array(SessionItemSchema),
  reference: z.string(),
  /** Unix milliseconds. */
  createdAt: z.number(),
  expiresAt: z.number(),
  isLivemode: z.boolean(),
  lastChecked: z.number(),
  statusChangedAt: z.number(),
  /** The API it was created on, so a status query goes to the same place. */
  baseUrl: z.string(),
  /*
   * Added after version 2 of the stored history as optional fields, read liberally (a record
   * without them is still valid), so no migration rewrites every chunk; lib/session-notes.ts
   * and the renew service are strict about what they write.
   */
  /**
   * The currency the items were priced in, as sent (the order's), for a renewal: Payfect's
   * `currency` above is its own answer, which its docs do not promise to echo (their example
   * answers "usdt"). Absent on older records, whose `currency` stands in.
   */
  itemsCurrency: z.optional(z.string()),
  /** The fields kept with the link (lib/fields.ts: redirect URLs, …); absent on older records. */
  ...recordFieldsShape(),
  /** The id of the session that renewed this one. */
  renewedBy: z.optional(z.string()),
  /** When the "expires soon" reminder was raised (unix ms): it is raised once. */
  remindedAt: z.optional(z.number()),
  /** The user's own note about the client or the job. */
  note: z.optional(z.string()),
  tags: z.optional(z.array(z.string())),
  /** The invoice was voided (lib/invoice-status.ts): when, and the reason printed on it. */
  voided: z.optional(z.object({ at: z.number(), reason: z.string() })),
  /**
   * Corrections of an Unpaid invoice's client details (lib/corrections.ts): when, and each
   * changed field's value before it, by field key; absent when never corrected.
   */
  corrections: z.optional(
    z.array(z.object({ at: z.number(), fields: z.record(z.string(), z.string()) })),
  ),
  /**
   * The profile whose key made it (absent on records from before profiles: the default
   * profile), and its name then, shown if the profile is later deleted.
   */
  profileId: z.optional(z.string()),
  profileName: z.optional(z.string()),
  /** Its invoice's number ("INV-0007"), issued when Payfect answered; absent on older records. */
  invoiceNumber: z.optional(z.string()),
  /** For a renewal: the invoice number of the link it replaces. */
  replacesInvoice: z.optional(z.string()),
  /** A new payment link for an invoice issued earlier: the invoice's issue time (unix ms). */
  issuedAt: z.optional(z.number()),
  /*
   * Who is billed, as typed on the form; absent when nobody was named. Then the invoice's due
   * date ('YYYY-MM-DD' where the user was when it was issued: issue date + payment terms);
   * absent on older records, whose link expiry was their due date.
   */
  client: z.optional(ClientSchema),
  dueDate: z.optional(z.string()),
});
export type SessionRecord = z.infer<typeof SessionRecordSchema>;

/** "Standard Plan", "Standard Plan + 2 more" (in the UI language: "Standard Plan 及其他 2 項"). */
export function itemsSummary(items: readonly { name: string }[]): string {
  const [first, ...rest] = items;
  if (!first) return '';
  if (rest.length === 0) return first.name;
  return t('history.itemsSummary', rest.length, { first: first.name, count: rest.length });
}
