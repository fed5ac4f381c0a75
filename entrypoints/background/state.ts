import type { State } from '../../lib/messages.ts';
import { readLastCreate, readSettings } from '../../lib/storage.ts';
import { keyStatus } from './key-store.ts';

/** What a page needs to draw itself: settings, the key's status (never the key), lastCreate. */
export async function getState(): Promise<State> {
  return {
    settings: await readSettings(),
    key: await keyStatus(),
    lastCreate: await readLastCreate(),
  };
}
