import { storage } from './item.ts';
import { z } from 'zod/mini';
import { LastCreateSchema, type LastCreate } from '../lib/messages.ts';
import { parsedOr } from '../lib/parsed.ts';

/** The last create the popup asked for (see lib/messages.ts LastCreate). */
export const lastCreateItem = storage.defineItem<LastCreate | null>('local:lastCreate', {
  fallback: null,
  version: 1,
});

/** The stored last create, checked; one that fails its schema counts as none. */
export async function readLastCreate(): Promise<LastCreate | null> {
  return parsedOr(z.nullable(LastCreateSchema), await lastCreateItem.getValue(), null);
}
