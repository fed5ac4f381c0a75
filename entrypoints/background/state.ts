import type { State } from '../../lib/messages.ts';
import { readSettings } from '../../lib/settings-storage.ts';
import { readLastCreate } from '../../lib/storage.ts';
import { keyStatus } from './key-store.ts';

/**
 * What a page needs to draw itself: settings, the key's status (never the key), lastCreate.
 * Read side by side: the popup's form waits for this answer, and each storage read is a
 * round trip to the browser process.
 */
export async function getState(): Promise<State> {
  const [settings, key, lastCreate] = await Promise.all([
    readSettings(),
    keyStatus(),
    readLastCreate(),
  ]);
  return { settings, key, lastCreate };
}
