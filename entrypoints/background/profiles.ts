import { t } from '../../lib/i18n.ts';
import type { UiError } from '../../lib/messages.ts';
import { err, ok, type Result } from '../../lib/result.ts';
import {
  activeProfile,
  MAX_PROFILE_NAME_LENGTH,
  type ProfileSettings,
  type StoredSettings,
} from '../../lib/settings.ts';
import { readStoredSettings } from '../../storage/settings.ts';
import { saveLogo } from '../../storage/invoice-logo.ts';
import { clearApiKey } from './key-store.ts';
import { updateStoredSettings } from './settings-store.ts';

/*
 * Adding, renaming, switching and deleting profiles. Each change goes through the settings
 * queue, so two windows at once cannot lose one another's change.
 */

function refused(message: string): UiError {
  return { kind: 'invalid_request', message };
}

function unknownProfile(): UiError {
  return refused(t('profiles.unknown'));
}

/** A name as it is stored (trimmed), or why it cannot be one. */
export function checkProfileName(
  name: string,
  stored: StoredSettings,
  exceptId?: string,
): Result<string, UiError> {
  const trimmed = name.trim();
  if (trimmed === '') return err(refused(t('profiles.nameEmpty')));
  if (trimmed.length > MAX_PROFILE_NAME_LENGTH) {
    return err(refused(t('profiles.nameTooLong', { max: MAX_PROFILE_NAME_LENGTH })));
  }
  const lower = trimmed.toLowerCase();
  const taken = stored.profiles.some(
    (profile) => profile.id !== exceptId && profile.name.trim().toLowerCase() === lower,
  );
  return taken ? err(refused(t('profiles.nameTaken', { name: trimmed }))) : ok(trimmed);
}

/** Whether the profile exists, for requests that name one. */
export async function profileExists(profileId: string): Promise<boolean> {
  const stored = await readStoredSettings();
  return stored.profiles.some((profile) => profile.id === profileId);
}

/**
 * Runs a change in the settings queue: `change` returns the new settings or why it cannot
 * be made. The answer is the stored settings after it.
 */
async function change(
  apply: (stored: StoredSettings) => Result<StoredSettings, UiError>,
): Promise<Result<StoredSettings, UiError>> {
  let failure: UiError | undefined;
  const after = await updateStoredSettings((stored) => {
    const result = apply(stored);
    if (result.ok) return result.value;
    failure = result.error;
    return undefined;
  });
  return failure === undefined ? ok(after) : err(failure);
}

export function switchProfile(profileId: string): Promise<Result<StoredSettings, UiError>> {
  return change((stored) =>
    stored.profiles.some((profile) => profile.id === profileId)
      ? ok({ ...stored, activeProfileId: profileId })
      : err(unknownProfile()),
  );
}

/**
 * A new profile with the active one's base URL and defaults, but no key (nor a host confirmed
 * for one); it becomes active.
 */
export function addProfile(name: string): Promise<Result<StoredSettings, UiError>> {
  return change((stored) => {
    const checked = checkProfileName(name, stored);
    if (!checked.ok) return checked;
    const id = crypto.randomUUID();
    // Its key is a new one: the host it may go to is confirmed again, for that key.
    const profile: ProfileSettings = { ...activeProfile(stored), id, name: checked.value };
    delete profile.confirmedKeyOrigin;
    return ok({ ...stored, activeProfileId: id, profiles: [...stored.profiles, profile] });
  });
}

export function renameProfile(
  profileId: string,
  name: string,
): Promise<Result<StoredSettings, UiError>> {
  return change((stored) => {
    if (!stored.profiles.some((profile) => profile.id === profileId)) {
      return err(unknownProfile());
    }
    const checked = checkProfileName(name, stored, profileId);
    if (!checked.ok) return checked;
    return ok({
      ...stored,
      profiles: stored.profiles.map((profile) =>
        profile.id === profileId ? { ...profile, name: checked.value } : profile,
      ),
    });
  });
}

/**
 * Deletes a profile and its key. The last one is kept (there is always one); deleting the
 * active one makes the first other one active. Its links stay in History, no longer polled.
 */
export async function deleteProfile(profileId: string): Promise<Result<StoredSettings, UiError>> {
  const result = await change((stored) => {
    if (!stored.profiles.some((profile) => profile.id === profileId)) {
      return err(unknownProfile());
    }
    const rest = stored.profiles.filter((profile) => profile.id !== profileId);
    const [first] = rest;
    if (first === undefined) return err(refused(t('profiles.lastOne')));
    const activeId = activeProfile(stored).id;
    return ok({
      ...stored,
      profiles: rest,
      activeProfileId: activeId === profileId ? first.id : activeId,
    });
  });
  if (result.ok) await Promise.all([clearApiKey(profileId), saveLogo(profileId, null)]);
  return result;
}
