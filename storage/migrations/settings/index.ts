import type { Migration } from '../migration.ts';
import * as v002 from './002.ts';
import * as v003 from './003.ts';
import * as v004 from './004.ts';
import * as v005 from './005.ts';
import * as v006 from './006.ts';
import * as v007 from './007.ts';
import * as v008 from './008.ts';
import * as v009 from './009.ts';
import * as v010 from './010.ts';

/** The settings item's steps, oldest first (storage/settings.ts runs them). */
export const SETTINGS_MIGRATIONS: readonly Migration[] = [
  v002,
  v003,
  v004,
  v005,
  v006,
  v007,
  v008,
  v009,
  v010,
];
