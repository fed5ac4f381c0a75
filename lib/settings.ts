import { z } from 'zod/mini';
import { PROFILE_DEFAULT_FIELDS } from './fields.ts';
import { CURRENCY_TABLE, type Currency } from './currencies.ts';
import { BusinessSchema, DEFAULT_BUSINESS, HighWaterSchema } from './invoice.ts';
import { DEFAULT_TAX_LABEL, isTaxMode, MAX_TAX_LABEL } from './tax.ts';
import { DEFAULT_TERMS } from './payment-terms.ts';

export const LIVE_API_BASE_URL = 'https://api.payfect.finance/api/v1';

/**
 * See lib/message-template.ts. The default names the only coin and network the link accepts
 * and when it stops working: the two mistakes a payer can make (USDT sent on another chain is
 * lost; an expired link cannot be paid).
 */
export const DEFAULT_MESSAGE_TEMPLATE =
  '{items} — {total} {currency}: {url} · {warning} · Valid until {expires}';

/**
 * See lib/reminder-template.ts: Copy reminder's chat message about an unpaid invoice, with a
 * link that works (a new one is made first when the invoice's link expired).
 */
export const DEFAULT_REMINDER_TEMPLATE =
  'A reminder about invoice {number} ({items}): {total} {currency}, due {due}. You can pay here: {url} · {warning}';

/** The default before version 3 of the settings; still the default of anyone who kept it. */
export const DEFAULT_MESSAGE_TEMPLATE_V2 = '{items} — {total} {currency} ({network}): {url}';

export const NetworkSchema = z.object({ value: z.string(), name: z.string() });
export type Network = z.infer<typeof NetworkSchema>;

/** The only network Payfect's docs name; replaced by what the API offers once it answers. */
export const DEFAULT_NETWORKS: readonly Network[] = [{ value: 'tron', name: 'Tron (TRC20)' }];

/** The form's Currency choices: lib/currencies.ts, in its order. */
export const CURRENCIES: readonly { readonly value: Currency; readonly name: string }[] =
  CURRENCY_TABLE.map(({ value, label }) => ({ value, name: label }));

/** Lock after (Settings, with a passphrase lock): never, 15 minutes, an hour, four hours. */
export const LOCK_AFTER_CHOICES = [0, 15, 60, 240] as const;

/** A day: Payfect's links last about that long, so an earlier reminder would come at once. */
export const MAX_REMINDER_MINUTES = 1440;

/**
 * What the user chose in Settings, minus the API key (which only the background reads, from
 * its own item). Stored per profile (StoredSettingsSchema below); older shapes go through the migrations
 * of storage/migrations/settings/.
 */
export const SettingsSchema = z.object({
  baseUrl: z.string(),
  currency: z.string(),
  network: z.string(),
  successUrl: z.string(),
  cancelUrl: z.string(),
  callbackUrl: z.string(),
  /** A new invoice's tax (lib/tax.ts): its mode, rate (a percentage, '' until typed), label. */
  taxMode: z.string().check(z.refine(isTaxMode)),
  taxRate: z.string().check(z.maxLength(10)),
  taxLabel: z.string().check(z.maxLength(MAX_TAX_LABEL)),
  /** Days a client has to pay an invoice (lib/payment-terms.ts); per profile, since version 8. */
  paymentTerms: z.string().check(z.regex(/^\d{1,3}$/u)),
  messageTemplate: z.string(),
  /**
   * Copy reminder's message (lib/reminder-template.ts); shared by all profiles. Optional, read
   * as the default when absent: added after version 7 of the stored settings, it needs no step.
   */
  reminderTemplate: z.optional(z.string()),
  /** Networks the API offered in its last answer (`paymentMethodOptions`). */
  networks: z.array(NetworkSchema),
  /** Sessions kept in History; the oldest beyond it are pruned. 0 keeps all. */
  historyCap: z.int().check(z.minimum(0)),
  /** Minutes before expiry to remind of an unpaid link (lib/reminders.ts); 0 turns it off. */
  reminderMinutes: z.int().check(z.minimum(0), z.maximum(MAX_REMINDER_MINUTES)),
  /**
   * With a passphrase lock: minutes without use after which the key is locked again (0:
   * only when the browser closes). Shared by all profiles.
   */
  lockAfterMinutes: z.int().check(z.minimum(0), z.maximum(240)),
  /**
   * The origin other than the live API and loopback that the user confirmed sending this
   * profile's API key to (lib/key-hosts.ts). Absent: none; the key goes only to those two.
   */
  confirmedKeyOrigin: z.optional(z.string().check(z.maxLength(300))),
  /** Who bills, and the invoice numbering (lib/invoice.ts); per profile. */
  business: BusinessSchema,
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  baseUrl: LIVE_API_BASE_URL,
  currency: 'usdt',
  network: 'tron',
  successUrl: '',
  cancelUrl: '',
  callbackUrl: '',
  taxMode: 'none',
  taxRate: '',
  taxLabel: DEFAULT_TAX_LABEL,
  paymentTerms: DEFAULT_TERMS,
  messageTemplate: DEFAULT_MESSAGE_TEMPLATE,
  reminderTemplate: DEFAULT_REMINDER_TEMPLATE,
  networks: [...DEFAULT_NETWORKS],
  historyCap: 0,
  reminderMinutes: 60,
  lockAfterMinutes: 60,
  business: DEFAULT_BUSINESS,
};

export function networkName(settings: Pick<Settings, 'networks'>, value: string): string {
  return settings.networks.find((network) => network.value === value)?.name ?? value;
}

/*
 * Profiles: more than one API key (test and live, or two businesses). Each has its own key
 * (entrypoints/background/key-store.ts), base URL and defaults; the message template, the
 * history cap and the reminder are shared by all. `Settings` above stays the flat view of
 * one profile merged with the shared fields, which is what most code needs.
 */

/** The profile every install starts with; its key keeps the storage keys of before profiles. */
export const DEFAULT_PROFILE_ID = 'default';
/** Its name until renamed; shown in the UI language (lib/profile-names.ts profileDisplayName). */
export const DEFAULT_PROFILE_NAME = 'Default';
export const MAX_PROFILE_NAME_LENGTH = 40;

export const PROFILE_FIELDS = [
  'baseUrl',
  // Currency, network, redirect URLs, payment terms: what a new form starts from (lib/fields.ts).
  ...PROFILE_DEFAULT_FIELDS,
  'networks',
  'confirmedKeyOrigin',
  'business',
] as const satisfies readonly (keyof Settings)[];

export const GLOBAL_FIELDS = [
  'messageTemplate',
  'reminderTemplate',
  'historyCap',
  'reminderMinutes',
  'lockAfterMinutes',
] as const satisfies readonly (keyof Settings)[];

/** `{ key: true }` for each key: what z.pick takes. */
function mask<K extends string>(keys: readonly K[]): { [P in K]: true } {
  return Object.fromEntries(keys.map((key) => [key, true])) as { [P in K]: true };
}

/** The keys of `from` named in `keys` that hold a value (an absent optional stays absent). */
export function picked<T extends object, K extends keyof T>(
  from: T,
  keys: readonly K[],
): Pick<T, K> {
  return Object.fromEntries(
    keys.filter((key) => from[key] !== undefined).map((key) => [key, from[key]]),
  ) as Pick<T, K>;
}

export const ProfileIdSchema = z.string().check(z.minLength(1), z.maxLength(64));

export const ProfileSettingsSchema = z.object({
  id: ProfileIdSchema,
  name: z.string(),
  ...z.pick(SettingsSchema, mask(PROFILE_FIELDS)).shape,
});
export type ProfileSettings = z.infer<typeof ProfileSettingsSchema>;

/** The stored settings item, version 8. */
export const StoredSettingsSchema = z.object({
  activeProfileId: z.string(),
  profiles: z.array(ProfileSettingsSchema).check(z.minLength(1)),
  ...z.pick(SettingsSchema, mask(GLOBAL_FIELDS)).shape,
  /**
   * What the profiles had issued before v8 (storage/migrations/settings/008.ts): a floor
   * for the series in storage/invoice-numbers.ts, which the background raises to it.
   */
  invoiceNumbersCarried: z.optional(HighWaterSchema),
});
export type StoredSettings = z.infer<typeof StoredSettingsSchema>;

/** A profile's own part of flat settings, under the given id and name. */
export function profileFrom(id: string, name: string, settings: Settings): ProfileSettings {
  return { id, name, ...picked(settings, PROFILE_FIELDS) };
}

/** The flat settings one profile works with: its own fields and the shared ones. */
export function flatSettings(stored: StoredSettings, profile: ProfileSettings): Settings {
  return { ...picked(profile, PROFILE_FIELDS), ...picked(stored, GLOBAL_FIELDS) };
}

export const DEFAULT_STORED_SETTINGS: StoredSettings = {
  activeProfileId: DEFAULT_PROFILE_ID,
  profiles: [profileFrom(DEFAULT_PROFILE_ID, DEFAULT_PROFILE_NAME, DEFAULT_SETTINGS)],
  messageTemplate: DEFAULT_SETTINGS.messageTemplate,
  reminderTemplate: DEFAULT_SETTINGS.reminderTemplate,
  historyCap: DEFAULT_SETTINGS.historyCap,
  reminderMinutes: DEFAULT_SETTINGS.reminderMinutes,
  lockAfterMinutes: DEFAULT_SETTINGS.lockAfterMinutes,
};

/** The profile that is active; an unknown id falls back to the first one. */
export function activeProfile(stored: StoredSettings): ProfileSettings {
  const found = stored.profiles.find((profile) => profile.id === stored.activeProfileId);
  // The schema keeps at least one profile.
  return found ?? (stored.profiles[0] as ProfileSettings);
}
