import { DEFAULT_BUSINESS } from './invoice.ts';
import { storage } from './storage-item.ts';
import {
  activeProfile,
  DEFAULT_MESSAGE_TEMPLATE,
  DEFAULT_MESSAGE_TEMPLATE_V2,
  DEFAULT_PROFILE_ID,
  DEFAULT_SETTINGS,
  DEFAULT_STORED_SETTINGS,
  flatSettings,
  profileFrom,
  SettingsSchema,
  StoredSettingsSchema,
  type Settings,
  type StoredSettings,
} from './settings.ts';
import { parsedOr } from './storage.ts';

/*
 * The settings item, for the background only (entrypoints/background/settings-store.ts
 * writes it; the pages get settings from the worker's getState answer). WXT runs an item's
 * migrations in every context that defines it, and its lock holds within one context only:
 * a popup and the worker defining it at once could both migrate, and every popup open would
 * pay for the check. ESLint keeps the pages from importing this file.
 */

/** v1 → v2: `historyCap` arrived; v1 kept every session, and so does 0. */
export function settingsToV2(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? { historyCap: 0, ...value } : value;
}

/**
 * v2 → v3: the default message template warns which coin and network to pay with and until
 * when. A template the user wrote is theirs and stays; the old default becomes the new one.
 */
export function settingsToV3(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const template: unknown = (value as { messageTemplate?: unknown }).messageTemplate;
  return template === DEFAULT_MESSAGE_TEMPLATE_V2
    ? { ...value, messageTemplate: DEFAULT_MESSAGE_TEMPLATE }
    : value;
}

/** v3 → v4: `reminderMinutes` arrived; an hour before expiry, as for a new user. */
export function settingsToV4(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? { reminderMinutes: 60, ...value } : value;
}

/**
 * v4 → v5: profiles. The one set of settings becomes the profile "Default" (its key keeps
 * its storage keys, so no key moves); the message template, history cap and reminder stay
 * shared by all profiles.
 */
export function settingsToV5(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const v4 = parsedOr(SettingsSchema, { ...DEFAULT_SETTINGS, ...value }, DEFAULT_SETTINGS);
  return {
    activeProfileId: DEFAULT_PROFILE_ID,
    profiles: [profileFrom(DEFAULT_PROFILE_ID, 'Default', v4)],
    messageTemplate: v4.messageTemplate,
    historyCap: v4.historyCap,
    reminderMinutes: v4.reminderMinutes,
  };
}

/**
 * v5 → v6: a profile may hold `confirmedKeyOrigin`, the host other than the live API and
 * loopback the user agreed to send its key to. Nothing before v6 asked, so no profile comes
 * out with one (whatever a damaged item holds): a profile on the live API or the sandbox
 * needs none, and one on any other host is asked again in Settings before its key goes there.
 */
export function settingsToV6(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const profiles: unknown = (value as { profiles?: unknown }).profiles;
  if (!Array.isArray(profiles)) return value;
  return {
    ...value,
    profiles: profiles.map((profile: unknown) => {
      if (typeof profile !== 'object' || profile === null) return profile;
      const unasked: Record<string, unknown> = { ...profile };
      delete unasked.confirmedKeyOrigin;
      return unasked;
    }),
  };
}

/**
 * v6 → v7: every profile gets business details for its invoices (lib/invoice.ts): empty, with
 * the numbering starting at INV-0001. Nothing was invoiced before, so nothing is issued. A
 * passphrase-locked key is locked again after an hour without use (`lockAfterMinutes`).
 */
export function settingsToV7(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const profiles: unknown = (value as { profiles?: unknown }).profiles;
  if (!Array.isArray(profiles)) return value;
  return {
    ...value,
    lockAfterMinutes: 60,
    profiles: profiles.map((profile: unknown) =>
      typeof profile === 'object' && profile !== null
        ? { ...profile, business: { ...DEFAULT_BUSINESS, issued: {} } }
        : profile,
    ),
  };
}

/* WXT runs the migrations when this module loads, before any getValue() answers. */
export const settingsItem = storage.defineItem<StoredSettings>('local:settings', {
  fallback: DEFAULT_STORED_SETTINGS,
  version: 7,
  migrations: {
    2: settingsToV2,
    3: settingsToV3,
    4: settingsToV4,
    5: settingsToV5,
    6: settingsToV6,
    7: settingsToV7,
  },
});

/** Every profile and the shared settings; a field added later gets its default. */
export async function readStoredSettings(): Promise<StoredSettings> {
  const stored: unknown = await settingsItem.getValue();
  if (typeof stored !== 'object' || stored === null) return DEFAULT_STORED_SETTINGS;
  const profiles: unknown = (stored as { profiles?: unknown }).profiles;
  const merged = {
    ...DEFAULT_STORED_SETTINGS,
    ...stored,
    ...(Array.isArray(profiles)
      ? {
          profiles: profiles.map((profile: unknown) =>
            typeof profile === 'object' && profile !== null
              ? { ...DEFAULT_STORED_SETTINGS.profiles[0], ...profile }
              : profile,
          ),
        }
      : {}),
  };
  return parsedOr(StoredSettingsSchema, merged, DEFAULT_STORED_SETTINGS);
}

/** The settings of the active profile, merged with the shared ones. */
export async function readSettings(): Promise<Settings> {
  const stored = await readStoredSettings();
  return flatSettings(stored, activeProfile(stored));
}

/** The settings of one profile, merged with the shared ones; undefined when it is gone. */
export async function readProfileSettings(profileId: string): Promise<Settings | undefined> {
  const stored = await readStoredSettings();
  const profile = stored.profiles.find((candidate) => candidate.id === profileId);
  return profile === undefined ? undefined : flatSettings(stored, profile);
}
