import { storage } from './storage-item.ts';
import { z } from 'zod/mini';
import { DraftSchema, type Draft } from './draft.ts';
import { LastCreateSchema, type LastCreate } from './messages.ts';
import { PrefillSchema, type Prefill } from './prefill.ts';
import { validTemplates, type Template } from './saved-items.ts';

/**
 * Every stored item but the API key (only the background touches it: entrypoints/background/),
 * the settings (lib/settings-storage.ts, background only) and the history
 * (lib/history-storage.ts). Each item has a version; a value that fails its
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

/**
 * Saved items (lib/saved-items.ts). They hold no secret, so the popup and the options page
 * read and write them directly; read through validTemplates, entry by entry.
 */
export const savedItemsItem = storage.defineItem<unknown[]>('local:savedItems', {
  fallback: [],
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

/** Every valid saved template; an invalid entry is dropped, never a reason to fail. */
export async function readSavedItems(): Promise<Template[]> {
  return validTemplates(await savedItemsItem.getValue());
}

/**
 * Reads, changes and writes the saved templates in one call (the popup and the options page
 * rarely write at once; each write starts from what is stored now). `change` returns
 * undefined to leave them as they are; the answer is what was written.
 */
export async function updateSavedItems(
  change: (list: Template[]) => Template[] | undefined,
): Promise<Template[] | undefined> {
  const next = change(await readSavedItems());
  if (next !== undefined) await savedItemsItem.setValue(next);
  return next;
}
