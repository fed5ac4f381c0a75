import { storage } from './item.ts';
import { byVersion, latestVersion } from './migrations/migration.ts';
import { SETTINGS_MIGRATIONS } from './migrations/settings/index.ts';
import {
  activeProfile,
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

/*
 * The numbered, frozen steps of storage/migrations/settings/ run when this module loads,
 * before any getValue() answers.
 */
export const settingsItem = storage.defineItem<StoredSettings>('local:settings', {
  fallback: DEFAULT_STORED_SETTINGS,
  version: latestVersion(SETTINGS_MIGRATIONS),
  migrations: byVersion(SETTINGS_MIGRATIONS),
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
    // Added after version 7 as a shared field: a stored item without it gets the default.
    reminderTemplate: parsedOr(
      shape.reminderTemplate,
      raw.reminderTemplate,
      defaults.reminderTemplate,
    ),
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
