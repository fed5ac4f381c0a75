import { storage } from 'wxt/utils/storage';
import { z } from 'zod/mini';
import { DraftSchema, type Draft } from './draft.ts';
import { LastCreateSchema, type LastCreate } from './messages.ts';
import { PrefillSchema, type Prefill } from './prefill.ts';
import {
  DEFAULT_MESSAGE_TEMPLATE,
  DEFAULT_MESSAGE_TEMPLATE_V2,
  DEFAULT_SETTINGS,
  SettingsSchema,
  type Settings,
} from './settings.ts';

/**
 * Every stored item but the API key (only the background touches it: entrypoints/background/)
 * and the history (lib/history-storage.ts). Each item has a version; a value that fails its
 * schema (an older build, a hand edit, a bug) is replaced by a known-good fallback, never
 * trusted.
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

/** The popup form as typed; cleared only after a link was created from it. */
export const draftItem = storage.defineItem<Draft | null>('local:draft', {
  fallback: null,
  version: 1,
});

/** The last create the popup asked for (see lib/messages.ts LastCreate). */
export const lastCreateItem = storage.defineItem<LastCreate | null>('local:lastCreate', {
  fallback: null,
  version: 1,
});

/** A line item started from selected text, until the popup takes it (lib/prefill.ts). */
export const prefillItem = storage.defineItem<Prefill | null>('local:prefill', {
  fallback: null,
  version: 1,
});

function parsedOr<T>(schema: z.ZodMiniType<T>, value: unknown, fallback: T): T {
  const parsed = z.safeParse(schema, value);
  return parsed.success ? parsed.data : fallback;
}

export async function readSettings(): Promise<Settings> {
  // Spread over the defaults so a field added later gets its default, not a failure.
  const stored: unknown = await settingsItem.getValue();
  const merged =
    typeof stored === 'object' && stored !== null ? { ...DEFAULT_SETTINGS, ...stored } : stored;
  return parsedOr(SettingsSchema, merged, DEFAULT_SETTINGS);
}

export async function readDraft(): Promise<Draft | null> {
  return parsedOr(z.nullable(DraftSchema), await draftItem.getValue(), null);
}

export async function readLastCreate(): Promise<LastCreate | null> {
  return parsedOr(z.nullable(LastCreateSchema), await lastCreateItem.getValue(), null);
}

export async function readPrefill(): Promise<Prefill | null> {
  return parsedOr(z.nullable(PrefillSchema), await prefillItem.getValue(), null);
}
