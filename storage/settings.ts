import { storage } from './item.ts';
import { byVersion, latestVersion } from './migrations/migration.ts';
import { SETTINGS_MIGRATIONS } from './migrations/settings/index.ts';
import { BusinessSchema, DEFAULT_BUSINESS, type Business } from '../lib/invoice.ts';
import {
  activeProfile,
  DEFAULT_PROFILE_ID,
  DEFAULT_PROFILE_NAME,
  ProfileIdSchema,
  ProfileSettingsSchema,
  DEFAULT_SETTINGS,
  DEFAULT_STORED_SETTINGS,
  flatSettings,
  profileFrom,
  StoredSettingsSchema,
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

/** Each field of `raw` that fits its schema in `shape`, else the fallback's. */
function fieldByField<T extends object>(
  shape: Readonly<Record<string, z.ZodMiniType>>,
  raw: Record<string, unknown>,
  fallback: T,
): T {
  const fields: Record<string, unknown> = { ...(fallback as Record<string, unknown>) };
  for (const [key, schema] of Object.entries(shape)) {
    const parsed = z.safeParse(schema, raw[key]);
    if (parsed.success && parsed.data !== undefined) fields[key] = parsed.data;
  }
  return fields as T;
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/**
 * A damaged profile rebuilt field by field: its business details, base URL and defaults kept
 * where they still read, the rest from the defaults; undefined without a usable id (its key
 * is stored under it). A host confirmation is not carried over: Settings asks again.
 */
export function recoveredProfile(profile: unknown): ProfileSettings | undefined {
  const raw = asRecord(profile);
  const id = z.safeParse(ProfileIdSchema, raw.id);
  if (!id.success) return undefined;
  const fallback = profileFrom(id.data, DEFAULT_PROFILE_NAME, DEFAULT_SETTINGS);
  const rebuilt = fieldByField(ProfileSettingsSchema.shape, raw, fallback);
  delete rebuilt.confirmedKeyOrigin;
  const business = fieldByField<Business>(
    BusinessSchema.shape,
    asRecord(raw.business),
    DEFAULT_BUSINESS,
  );
  const parsed = z.safeParse(ProfileSettingsSchema, { ...rebuilt, id: id.data, business });
  return parsed.success ? parsed.data : undefined;
}

/**
 * The stored settings read field by field and profile by profile: a field added later gets
 * its default, a shared field that fails its schema too, and a profile that fails is rebuilt
 * field by field (recoveredProfile) and also returned as stored in `broken`, to be set aside
 * for recovery — one bad field never resets the others, their keys and defaults. With no
 * usable profile left, the default profile stands in.
 */
export function readSettingsValue(stored: unknown): SettingsRead {
  if (typeof stored !== 'object' || stored === null) {
    return { settings: DEFAULT_STORED_SETTINGS, broken: [] };
  }
  const raw = stored as Record<string, unknown>;
  const shape = StoredSettingsSchema.shape;
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
  const carried = parsedOr(shape.invoiceNumbersCarried, raw.invoiceNumbersCarried, undefined);
  const profiles: ProfileSettings[] = [];
  const broken: unknown[] = [];
  const known = (id: string) => profiles.some((profile) => profile.id === id);
  for (const profile of Array.isArray(raw.profiles) ? (raw.profiles as unknown[]) : []) {
    const merged =
      typeof profile === 'object' && profile !== null
        ? { ...DEFAULT_STORED_SETTINGS.profiles[0], ...profile }
        : profile;
    const parsed = z.safeParse(ProfileSettingsSchema, merged);
    if (parsed.success && !known(parsed.data.id)) {
      profiles.push(parsed.data);
      continue;
    }
    broken.push(profile);
    const recovered = parsed.success ? undefined : recoveredProfile(profile);
    if (recovered !== undefined && !known(recovered.id)) profiles.push(recovered);
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
      ...(carried === undefined ? {} : { invoiceNumbersCarried: carried }),
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
