import { storage } from './item.ts';
import { z } from 'zod/mini';
import { DraftSchema, type Draft } from '../lib/draft.ts';
import { parsedOr } from '../lib/parsed.ts';
import { PrefillSchema, type Prefill } from '../lib/prefill.ts';

/*
 * What the popup's form is filled from: the draft as typed, and a line item started from
 * selected text. Each value that fails its schema (an older build, a hand edit, a bug) is
 * replaced by a known-good fallback, never trusted.
 */

/** The popup form as typed; cleared only after a link was created from it. */
export const draftItem = storage.defineItem<Draft | null>('local:draft', {
  fallback: null,
  version: 1,
});

/** A line item started from selected text, until the popup takes it (lib/prefill.ts). */
export const prefillItem = storage.defineItem<Prefill | null>('local:prefill', {
  fallback: null,
  version: 1,
});

/** A stored draft as read (undefined: none stored), checked. */
export function draftFrom(stored: unknown): Draft | null {
  return parsedOr(z.nullable(DraftSchema), stored ?? draftItem.fallback, null);
}

export async function readDraft(): Promise<Draft | null> {
  return draftFrom(await draftItem.getValue());
}

/** A stored prefill as read (undefined: none stored), checked. */
export function prefillFrom(stored: unknown): Prefill | null {
  return parsedOr(z.nullable(PrefillSchema), stored ?? prefillItem.fallback, null);
}

export async function readPrefill(): Promise<Prefill | null> {
  return prefillFrom(await prefillItem.getValue());
}
