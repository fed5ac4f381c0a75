import { storage } from './storage-item.ts';
import {
  DEFAULT_MESSAGE_TEMPLATE,
  DEFAULT_MESSAGE_TEMPLATE_V2,
  DEFAULT_SETTINGS,
  SettingsSchema,
  type Settings,
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

/* WXT runs the migrations when this module loads, before any getValue() answers. */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 4,
  migrations: { 2: settingsToV2, 3: settingsToV3, 4: settingsToV4 },
});

export async function readSettings(): Promise<Settings> {
  // Spread over the defaults so a field added later gets its default, not a failure.
  const stored: unknown = await settingsItem.getValue();
  const merged =
    typeof stored === 'object' && stored !== null ? { ...DEFAULT_SETTINGS, ...stored } : stored;
  return parsedOr(SettingsSchema, merged, DEFAULT_SETTINGS);
}
