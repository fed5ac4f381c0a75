import { readFormChoice } from '../../storage/form-choice.ts';
import type { State } from '../../lib/messages.ts';
import { profileDisplayName } from '../../lib/profile-names.ts';
import { activeProfile, flatSettings } from '../../lib/settings.ts';
import { readStoredSettings } from '../../storage/settings.ts';
import { writeCount } from '../../storage/item.ts';
import { readLastCreate } from '../../storage/last-create.ts';
import { keyStatus } from './key-store.ts';

/**
 * What a page needs to draw itself: settings, the key's status (never the key), lastCreate,
 * and every profile with its key's status. Read side by side: the popup's form waits for
 * this answer, and each storage read is a round trip to the browser process.
 */
async function readState(): Promise<State> {
  const [stored, lastCreate] = await Promise.all([readStoredSettings(), readLastCreate()]);
  const active = activeProfile(stored);
  const [formChoice, ...keys] = await Promise.all([
    readFormChoice(active.id),
    ...stored.profiles.map((profile) => keyStatus(profile.id)),
  ]);
  const profiles = stored.profiles.map(({ id, name, business }, index) => ({
    id,
    name: profileDisplayName({ id, name }),
    key: keys[index] ?? { set: false, mode: 'unknown' as const },
    invoicePrefix: business.invoicePrefix,
  }));
  const key = keys[stored.profiles.indexOf(active)] ?? { set: false, mode: 'unknown' as const };
  return {
    settings: flatSettings(stored, active),
    key,
    lastCreate,
    profiles,
    activeProfileId: active.id,
    formChoice: formChoice ?? null,
  };
}

/*
 * The state is a function of stored data alone (no clock), so while the worker lives it is
 * read once and kept until storage changes: a popup opened again is answered from memory,
 * without the storage round trips. A prerendered form takes input before it asks, but a popup
 * with no first screen (a passphrase user's, every time) waits for this answer to draw its
 * form: about 5 ms sooner with the cache, and hydration about 8 ms (`npm run bench -- --quick`,
 * 25 rounds twice, as ratios to the static form: 1.56/1.58 against 1.62/1.64 uncached). It is
 * kept under a stamp: the count of storage.onChanged events (`forgetState`, any area, any
 * key, from any page) and of this worker's own writes (`writeCount`, which moves as soon as
 * a write starts and ends, before its onChanged event comes). A read under way while the
 * stamp moved is not kept.
 */
let changes = 0;
let kept: { readonly stamp: string; readonly state: Promise<State> } | undefined;

function stamp(): string {
  return `${changes}:${writeCount()}`;
}

/** Storage changed: the kept state is dropped. */
export function forgetState(): void {
  changes += 1;
  kept = undefined;
}

/** The state, from memory when nothing was written since it was read. */
export function getState(): Promise<State> {
  const now = stamp();
  if (kept?.stamp === now) return kept.state;
  const entry = { stamp: now, state: readState() };
  kept = entry;
  // Kept only if it succeeded and nothing was written while it was read.
  entry.state.then(
    () => {
      if (kept === entry && stamp() !== entry.stamp) kept = undefined;
    },
    () => {
      if (kept === entry) kept = undefined;
    },
  );
  return entry.state;
}
