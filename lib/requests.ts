import { z } from 'zod/mini';
import { LogoSchema } from './invoice.ts';
import { VoidReasonSchema } from './invoice-status.ts';
import { OrderSchema } from './order.ts';
import { NoteSchema, TagsSchema } from './session-notes.ts';
import { ProfileIdSchema, SettingsSchema } from './settings.ts';

/*
 * What the popup and the options page can ask the background, as the background checks it
 * (entrypoints/background/router.ts); the answers are in lib/messages.ts. Apart from them so
 * that the pages, which only send requests, do not build these schemas each time they open.
 */

/*
 * The profile a page showed when it asked: the request acts on that one, not on whichever
 * is active by the time it arrives (another window may have switched). Absent: the active.
 */
const forProfile = { profileId: z.optional(ProfileIdSchema) };

/*
 * Set only by the page on which the user answered "This creates a real payment link" in
 * this very action; the worker refuses a first live link without it (lib/live-question.ts).
 * Never remembered: each create that needs it carries it.
 */
const liveConfirmed = { liveConfirmed: z.optional(z.literal(true)) };

/* Checked by the background (trimmed, 1–40 characters, unique) with a sentence for each. */
const ProfileNameSchema = z.string().check(z.maxLength(1000));

export const RequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('getState') }),
  z.object({ type: z.literal('saveSettings'), settings: SettingsSchema, ...forProfile }),
  z.object({
    type: z.literal('saveKey'),
    apiKey: z.string().check(z.minLength(1)),
    /** Sealed with this before its first write: a key meant to be locked never rests in clear. */
    passphrase: z.optional(z.string().check(z.maxLength(1000))),
    ...forProfile,
  }),
  z.object({ type: z.literal('clearKey'), ...forProfile }),
  z.object({
    type: z.literal('setPassphrase'),
    passphrase: z.string().check(z.maxLength(1000)),
    /** The passphrase the key is locked with now, when it is: changing it asks for it. */
    current: z.optional(z.string().check(z.maxLength(1000))),
    ...forProfile,
  }),
  z.object({
    type: z.literal('unlockKey'),
    passphrase: z.string().check(z.maxLength(1000)),
    ...forProfile,
  }),
  z.object({ type: z.literal('lockKey'), ...forProfile }),
  z.object({
    type: z.literal('removePassphrase'),
    /** Removing the lock asks for the passphrase it is locked with. */
    current: z.string().check(z.maxLength(1000)),
    ...forProfile,
  }),
  z.object({
    type: z.literal('testConnection'),
    ...forProfile,
    /**
     * What the options page shows but has not saved: tested as typed, stored only by Save.
     * The typed key goes to the same host rules as a saved one (lib/key-hosts.ts).
     */
    typed: z.optional(
      z.object({
        apiKey: z.optional(z.string().check(z.minLength(1), z.maxLength(1000))),
        baseUrl: z.string().check(z.maxLength(2000)),
        confirmedKeyOrigin: z.optional(z.string().check(z.maxLength(300))),
      }),
    ),
  }),
  z.object({ type: z.literal('switchProfile'), profileId: ProfileIdSchema }),
  z.object({ type: z.literal('addProfile'), name: ProfileNameSchema }),
  z.object({
    type: z.literal('renameProfile'),
    profileId: ProfileIdSchema,
    name: ProfileNameSchema,
  }),
  z.object({ type: z.literal('deleteProfile'), profileId: ProfileIdSchema }),
  z.object({
    type: z.literal('createCheckout'),
    ...forProfile,
    /** Chosen by the popup per submission: the same id twice never creates twice. */
    requestId: z.string().check(z.minLength(1), z.maxLength(100)),
    order: OrderSchema,
    ...liveConfirmed,
  }),
  z.object({ type: z.literal('dismissLastCreate'), requestId: z.string().check(z.maxLength(100)) }),
  z.object({
    type: z.literal('renewCheckout'),
    /** As for createCheckout: the same id twice never creates twice. */
    requestId: z.string().check(z.minLength(1), z.maxLength(100)),
    /** The expired (or soon expiring) session whose items and options are used again. */
    sessionId: z.string().check(z.minLength(1), z.maxLength(200)),
    ...liveConfirmed,
  }),
  z.object({
    type: z.literal('updateSessionNotes'),
    sessionId: z.string().check(z.minLength(1), z.maxLength(200)),
    note: NoteSchema,
    tags: TagsSchema,
  }),
  /** Void invoice: every link of the session's invoice records when and why. */
  z.object({
    type: z.literal('voidInvoice'),
    sessionId: z.string().check(z.minLength(1), z.maxLength(200)),
    reason: VoidReasonSchema,
  }),
  z.object({
    type: z.literal('correctInvoice'),
    sessionId: z.string().check(z.minLength(1), z.maxLength(200)),
    /** Field key → its corrected value; lib/corrections.ts checks which keys, and each value. */
    fields: z.record(z.string().check(z.maxLength(64)), z.string().check(z.maxLength(2000))),
  }),
  /** The invoice page: a session with its profile's business details and logo. */
  z.object({
    type: z.literal('getInvoice'),
    sessionId: z.string().check(z.minLength(1), z.maxLength(200)),
  }),
  z.object({ type: z.literal('getLogo'), ...forProfile }),
  /** A logo the options page scaled down; null removes it. */
  z.object({ type: z.literal('saveLogo'), logo: z.nullable(LogoSchema), ...forProfile }),
  z.object({
    type: z.literal('refreshStatuses'),
    /** Only sessions not checked in the last minute (what opening the popup asks for). */
    staleOnly: z.boolean(),
  }),
]);
export type Request = z.infer<typeof RequestSchema>;
export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;
