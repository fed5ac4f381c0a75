import type { SessionRecord } from './history.ts';
import { t } from './i18n.ts';
import { DEFAULT_PROFILE_ID, DEFAULT_PROFILE_NAME } from './settings.ts';

/*
 * Which profile made a History session, by name. The current name while the profile exists
 * (it may have been renamed since); the name it had when the link was made once it is
 * deleted (empty for a record from before profiles). Records from before profiles belong to
 * the default profile.
 */

export interface ProfileName {
  readonly id: string;
  readonly name: string;
}

export function sessionProfileId(record: Pick<SessionRecord, 'profileId'>): string {
  return record.profileId ?? DEFAULT_PROFILE_ID;
}

export function sessionProfileName(
  record: Pick<SessionRecord, 'profileId' | 'profileName'>,
  profiles: readonly ProfileName[],
): string {
  const id = sessionProfileId(record);
  const current = profiles.find((profile) => profile.id === id);
  return current?.name ?? record.profileName ?? '';
}

/** As the History row names it: never blank. */
export function sessionProfileLabel(
  record: Pick<SessionRecord, 'profileId' | 'profileName'>,
  profiles: readonly ProfileName[],
): string {
  return sessionProfileName(record, profiles) || t('profiles.deletedName');
}

/**
 * Whether History names the profile of each row: with more than one profile, or when a link
 * was made by a profile that is not the only one left.
 */
export function showsProfiles(
  sessions: readonly Pick<SessionRecord, 'profileId'>[],
  profiles: readonly ProfileName[],
): boolean {
  if (profiles.length > 1) return true;
  const only = profiles[0]?.id;
  return sessions.some((record) => sessionProfileId(record) !== only);
}

/**
 * A profile's name as the pages show it: the first profile's "Default", which every install
 * starts with, in the UI language until the user renames it.
 */
export function profileDisplayName(profile: ProfileName): string {
  return profile.id === DEFAULT_PROFILE_ID && profile.name === DEFAULT_PROFILE_NAME
    ? t('profiles.defaultName')
    : profile.name;
}
