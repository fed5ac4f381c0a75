import type { Migration } from '../migration.ts';
import * as v002 from './002.ts';

/** The saved items' steps, oldest first (storage/saved-items.ts runs them). */
export const SAVED_ITEMS_MIGRATIONS: readonly Migration[] = [v002];
