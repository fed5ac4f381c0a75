import { z } from 'zod/mini';
import { FormChoiceSchema } from './form-choice.ts';
import { SessionRecordSchema } from './history.ts';
import { BusinessSchema } from './invoice.ts';
import type { RequestType } from './requests.ts';
import { SettingsSchema } from './settings.ts';

/**
 * Everything the popup and the options page can ask the background — the only code that
 * reads the API key and talks to Payfect. Both directions are validated: the background
 * trusts no message (the requests: lib/requests.ts), the pages trust no answer (below).
 */

export type { Request, RequestOf, RequestType } from './requests.ts';

export const ErrorKindSchema = z.enum([
  'no_key',
  'invalid_request',
  'auth',
  'forbidden',
  'validation',
  'not_found',
  'rate_limited',
  'server',
  'network',
  'timeout',
  'malformed_response',
  /** The base URL's host is not the live API nor loopback, and the user has not confirmed it. */
  'unconfirmed_host',
  /**
   * The create would make the profile's first live link (lib/live-question.ts) and the user
   * was not asked in this action: nothing was sent; the page asks, then sends it again.
   */
  'live_unconfirmed',
]);
export type ErrorKind = z.infer<typeof ErrorKindSchema>;

/** A failure as the UI shows it: a sentence, plus per-field messages for the form. */
export const UiErrorSchema = z.object({
  kind: ErrorKindSchema,
  message: z.string(),
  /** Form field key (`items.0.unitPrice`) → message, for errors Payfect tied to a field. */
  fields: z.optional(z.record(z.string(), z.string())),
});
export type UiError = z.infer<typeof UiErrorSchema>;

export const KeyStatusSchema = z.object({
  set: z.boolean(),
  /** The last four characters, to recognise which key is saved without showing it. */
  last4: z.optional(z.string()),
  /** Learned from `isLivemode` of the first answer; unknown before. */
  mode: z.enum(['test', 'live', 'unknown']),
  /** Absent: no passphrase lock. Locked: sealed, unusable until unlocked (after a restart). */
  lock: z.optional(z.enum(['locked', 'unlocked'])),
  /** A live link was made with this key: the first-live-link question is not asked again. */
  liveLinkMade: z.optional(z.boolean()),
  /**
   * A sealed key that was once written in clear (saved without a passphrase, or its
   * passphrase removed): the browser's storage files may still hold that copy.
   */
  plainCopy: z.optional(z.literal(true)),
});
export type KeyStatus = z.infer<typeof KeyStatusSchema>;

/** The create the popup last asked for, kept so a popup closed mid-request finds its link. */
export const LastCreateSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('pending'), requestId: z.string(), startedAt: z.number() }),
  z.object({
    state: z.literal('done'),
    requestId: z.string(),
    session: SessionRecordSchema,
    /** A popup has shown it: the next one opens on a new form, the link one click away. */
    seen: z.optional(z.boolean()),
  }),
  z.object({ state: z.literal('failed'), requestId: z.string(), error: UiErrorSchema }),
]);
export type LastCreate = z.infer<typeof LastCreateSchema>;

/** A profile as the pages see it: its key's status, never the key. */
export const ProfileSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  key: KeyStatusSchema,
  /** Its invoice prefix: profiles with the same one share a series of numbers. */
  invoicePrefix: z.optional(z.string()),
});
export type ProfileSummary = z.infer<typeof ProfileSummarySchema>;

const Failure = z.object({ ok: z.literal(false), error: UiErrorSchema });

/**
 * The key this request removed or replaced had been written in clear: its copy may remain
 * in the storage files, and Settings says so at once.
 */
const LeftPlainCopy = { leftPlainCopy: z.optional(z.literal(true)) };

const KeyAnswer = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), key: KeyStatusSchema, ...LeftPlainCopy }),
  Failure,
]);

export const StateSchema = z.object({
  settings: SettingsSchema,
  key: KeyStatusSchema,
  lastCreate: z.nullable(LastCreateSchema),
  /** Every profile; `settings` and `key` above are those of the active one. */
  profiles: z.array(ProfileSummarySchema),
  activeProfileId: z.string(),
  /** The active profile's last currency and network, for a new form (lib/form-choice.ts). */
  formChoice: z.nullable(FormChoiceSchema),
});
export type State = z.infer<typeof StateSchema>;

/** The answer to a profile change: the state after it, to redraw from. */
const ProfileAnswer = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), state: StateSchema, ...LeftPlainCopy }),
  Failure,
]);

/** The answer to each request type. */
export const ResponseSchemas = {
  getState: StateSchema,
  saveSettings: z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), settings: SettingsSchema }),
    Failure,
  ]),
  saveKey: KeyAnswer,
  clearKey: KeyAnswer,
  setPassphrase: KeyAnswer,
  unlockKey: KeyAnswer,
  lockKey: KeyAnswer,
  removePassphrase: KeyAnswer,
  testConnection: z.discriminatedUnion('ok', [
    z.object({
      ok: z.literal(true),
      mode: z.enum(['test', 'live', 'unknown']),
      message: z.string(),
    }),
    Failure,
  ]),
  createCheckout: z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), session: SessionRecordSchema }),
    Failure,
  ]),
  renewCheckout: z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), session: SessionRecordSchema }),
    Failure,
  ]),
  updateSessionNotes: z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), session: SessionRecordSchema }),
    Failure,
  ]),
  voidInvoice: z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), session: SessionRecordSchema }),
    Failure,
  ]),
  correctInvoice: z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), session: SessionRecordSchema }),
    Failure,
  ]),
  dismissLastCreate: z.object({ ok: z.literal(true) }),
  switchProfile: ProfileAnswer,
  addProfile: ProfileAnswer,
  renameProfile: ProfileAnswer,
  deleteProfile: ProfileAnswer,
  getInvoice: z.discriminatedUnion('ok', [
    z.object({
      ok: z.literal(true),
      session: SessionRecordSchema,
      business: BusinessSchema,
      /** A data URL, or null when the profile has no logo. */
      logo: z.nullable(z.string()),
    }),
    Failure,
  ]),
  getLogo: z.object({ ok: z.literal(true), logo: z.nullable(z.string()) }),
  saveLogo: z.discriminatedUnion('ok', [z.object({ ok: z.literal(true) }), Failure]),
  refreshStatuses: z.discriminatedUnion('ok', [
    z.object({
      ok: z.literal(true),
      /** Open sessions queried, sessions whose status changed, queries that failed. */
      checked: z.number(),
      changed: z.number(),
      failed: z.number(),
      /** Queries Payfect answered 404/405: kept open until expiresAt; absent when none. */
      notFound: z.optional(z.number()),
      /** The first failure, to tell the user why some statuses may be old. */
      error: z.optional(UiErrorSchema),
    }),
    Failure,
  ]),
} satisfies Record<RequestType, z.ZodMiniType>;

export type ResponseFor<T extends RequestType> = z.infer<(typeof ResponseSchemas)[T]>;
