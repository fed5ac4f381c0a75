import { DEFAULT_BUSINESS } from '../lib/invoice.ts';
import { storage } from './item.ts';
import {
  activeProfile,
  DEFAULT_MESSAGE_TEMPLATE,
  DEFAULT_MESSAGE_TEMPLATE_V2,
  DEFAULT_PROFILE_ID,
  DEFAULT_PROFILE_NAME,
  ProfileSettingsSchema,
  DEFAULT_SETTINGS,
  DEFAULT_STORED_SETTINGS,
  flatSettings,
  profileFrom,
  SettingsSchema,
  type ProfileSettings,
  type Settings,
  type StoredSettings,
} from '../lib/settings.ts';
import { parsedOr } from '../lib/parsed.ts';
import { z } from 'zod/mini';

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
    profiles: [profileFrom(DEFAULT_PROFILE_ID, DEFAULT_PROFILE_NAME, v4)],
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

/** The stored settings as read: what is usable, and the profiles that are not. */
export interface SettingsRead {
  readonly settings: StoredSettings;
  /** Stored profiles that fail the schema, as stored: set aside, never used. */
  readonly broken: readonly unknown[];
}

/**
 * The stored settings read field by field and profile by profile: a field added later gets
 * its default, a shared field that fails its schema too, and a profile that fails is left out
 * (and returned in `broken`) — one bad profile never resets the others, their keys and
 * defaults. With no usable profile left, the default profile stands in.
 */
export function readSettingsValue(stored: unknown): SettingsRead {
  if (typeof stored !== 'object' || stored === null) {
    return { settings: DEFAULT_STORED_SETTINGS, broken: [] };
  }
  const raw = stored as Record<string, unknown>;
  const shape = SettingsSchema.shape;
  const defaults = DEFAULT_STORED_SETTINGS;
  const globals = {
    messageTemplate: parsedOr(shape.messageTemplate, raw.messageTemplate, defaults.messageTemplate),
    historyCap: parsedOr(shape.historyCap, raw.historyCap, defaults.historyCap),
    reminderMinutes: parsedOr(shape.reminderMinutes, raw.reminderMinutes, defaults.reminderMinutes),
    lockAfterMinutes: parsedOr(
      shape.lockAfterMinutes,
      raw.lockAfterMinutes,
      defaults.lockAfterMinutes,
    ),
  };
  const profiles: ProfileSettings[] = [];
  const broken: unknown[] = [];
  for (const profile of Array.isArray(raw.profiles) ? (raw.profiles as unknown[]) : []) {
    const merged =
      typeof profile === 'object' && profile !== null
        ? { ...DEFAULT_STORED_SETTINGS.profiles[0], ...profile }
        : profile;
    const parsed = z.safeParse(ProfileSettingsSchema, merged);
    if (parsed.success && !profiles.some((known) => known.id === parsed.data.id)) {
      profiles.push(parsed.data);
    } else broken.push(profile);
  }
  const [first = profileFrom(DEFAULT_PROFILE_ID, DEFAULT_PROFILE_NAME, DEFAULT_SETTINGS), ...rest] =
    profiles.length > 0 ? profiles : defaults.profiles;
  const activeProfileId =
    typeof raw.activeProfileId === 'string' ? raw.activeProfileId : DEFAULT_PROFILE_ID;
  return {
    settings: {
      ...globals,
      activeProfileId,
      profiles: [first, ...rest],
    },
    broken,
  };
}

/** Every profile and the shared settings; a field added later gets its default. */
export async function readStoredSettings(): Promise<StoredSettings> {
  return readSettingsValue(await settingsItem.getValue()).settings;
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
