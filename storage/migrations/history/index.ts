import { browser } from 'wxt/browser';
import type { Migration } from '../migration.ts';
import * as v002 from './002.ts';
import * as v003 from './003.ts';
import type { StoredHistory } from './stored.ts';

/*
 * The history is many keys (history:meta, history:chunk:<n>), not one storage item, so it
 * has its own runner: each step of this folder runs once, at worker start, before anything
 * else reads or writes the history (entrypoints/background/history-store.ts).
 */

export type { StoredHistory } from './stored.ts';
export type HistoryMigration = Migration<StoredHistory>;

const META_KEY = 'history:meta';

/** The history's steps, oldest first. */
export const MIGRATIONS: readonly HistoryMigration[] = [v002, v003];

/** The history after every step above version `from`. */
export function runMigrations(history: StoredHistory, from: number): StoredHistory {
  return MIGRATIONS.filter((step) => step.version > from).reduce(
    (state, step) => step.migrate(state),
    history,
  );
}

function storedVersion(meta: unknown): number {
  const version =
    typeof meta === 'object' && meta !== null ? (meta as { version?: unknown }).version : undefined;
  // No meta, or an unreadable one: the oldest format, whose step rebuilds the meta.
  return typeof version === 'number' && Number.isInteger(version) ? version : 1;
}

/** Brings the stored history to the last step's version; one read of the meta when it is. */
export async function migrateHistory(): Promise<void> {
  const meta = (await browser.storage.local.get(META_KEY))[META_KEY];
  const from = storedVersion(meta);
  // A newer version (a downgraded build) is left alone rather than guessed at.
  if (from >= (MIGRATIONS.at(-1)?.version ?? 1)) return;
  const all = await browser.storage.local.get(null);
  const before = Object.fromEntries(
    Object.entries(all).filter(([key]) => key.startsWith('history:')),
  );
  if (Object.keys(before).length === 0) return;
  const after = runMigrations(before, from);
  // Steps so far only add and change keys; one that drops a key would remove it here.
  const changed = Object.entries(after).filter(([key, value]) => before[key] !== value);
  await browser.storage.local.set(Object.fromEntries(changed));
}
