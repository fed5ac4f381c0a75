import type { State } from '../../lib/messages.ts';
import { activeProfile, flatSettings } from '../../lib/settings.ts';
import { readStoredSettings } from '../../lib/settings-storage.ts';
import { readLastCreate } from '../../lib/storage.ts';
import { keyStatus } from './key-store.ts';

/**
 * What a page needs to draw itself: settings, the key's status (never the key), lastCreate,
 * and every profile with its key's status. Read side by side: the popup's form waits for
 * this answer, and each storage read is a round trip to the browser process.
 */
export async function getState(): Promise<State> {
  const [stored, lastCreate] = await Promise.all([readStoredSettings(), readLastCreate()]);
  const active = activeProfile(stored);
  const keys = await Promise.all(stored.profiles.map((profile) => keyStatus(profile.id)));
  const profiles = stored.profiles.map(({ id, name }, index) => ({
    id,
    name,
    key: keys[index] ?? { set: false, mode: 'unknown' as const },
  }));
  const key = keys[stored.profiles.indexOf(active)] ?? { set: false, mode: 'unknown' as const };
  return {
    settings: flatSettings(stored, active),
    key,
    lastCreate,
    profiles,
    activeProfileId: active.id,
  };
}
