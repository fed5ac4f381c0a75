import { storage } from './storage-item.ts';
import { z } from 'zod/mini';
import { DraftSchema, type Draft } from './draft.ts';
import { LastCreateSchema, type LastCreate } from './messages.ts';
import { PrefillSchema, type Prefill } from './prefill.ts';

/**
 * Every stored item but the API key (only the background touches it: entrypoints/background/),
 * the settings (lib/settings-storage.ts, background only), the history
 * (lib/history-storage.ts) and the saved items (lib/saved-items-storage.ts). Each item has a version; a value that fails its
 * schema (an older build, a hand edit, a bug) is replaced by a known-good fallback, never
 * trusted.
 */

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

/** The stored value when it fits its schema, else the known-good fallback. */
export function parsedOr<T>(schema: z.ZodMiniType<T>, value: unknown, fallback: T): T {
  const parsed = z.safeParse(schema, value);
  return parsed.success ? parsed.data : fallback;
}

/** A stored draft as read (undefined: none stored), checked. */
export function draftFrom(stored: unknown): Draft | null {
  return parsedOr(z.nullable(DraftSchema), stored ?? draftItem.fallback, null);
}

export async function readDraft(): Promise<Draft | null> {
  return draftFrom(await draftItem.getValue());
}

export async function readLastCreate(): Promise<LastCreate | null> {
  return parsedOr(z.nullable(LastCreateSchema), await lastCreateItem.getValue(), null);
}

/** A stored prefill as read (undefined: none stored), checked. */
export function prefillFrom(stored: unknown): Prefill | null {
  return parsedOr(z.nullable(PrefillSchema), stored ?? prefillItem.fallback, null);
}

export async function readPrefill(): Promise<Prefill | null> {
  return prefillFrom(await prefillItem.getValue());
}
