import { storage } from './item.ts';
import { validTemplates, type Template } from '../lib/saved-items.ts';
import { byVersion, latestVersion } from './migrations/migration.ts';
import { SAVED_ITEMS_MIGRATIONS } from './migrations/saved-items/index.ts';

/*
 * The saved items' stored list, apart from storage/draft.ts so that a page importing the other
 * items (the popup at open, the background) does not load the templates' schemas with them.
 */

/**
 * Saved items (lib/saved-items.ts). They hold no secret, so the popup and the options page
 * read and write them directly; read through validTemplates, entry by entry.
 *
 * Version 2: each template keeps the currency its prices are in (null for those saved by
 * version 1, which the popup asks about on first use): storage/migrations/saved-items/.
 */
export const savedItemsItem = storage.defineItem<unknown[]>('local:savedItems', {
  fallback: [],
  version: latestVersion(SAVED_ITEMS_MIGRATIONS),
  migrations: byVersion(SAVED_ITEMS_MIGRATIONS),
});

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
