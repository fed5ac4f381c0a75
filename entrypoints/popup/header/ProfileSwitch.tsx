import { t } from '../../../lib/i18n.ts';
import type { State } from '../../../lib/messages.ts';
import { profileOptionText } from './profile-switch.ts';

interface ProfileSwitchProps {
  profiles: State['profiles'];
  activeProfileId: string;
  disabled: boolean;
  onSwitch: (profileId: string) => void;
}

/** The header's profile choice; nothing at all while there is only one profile. */
export function ProfileSwitch({
  profiles,
  activeProfileId,
  disabled,
  onSwitch,
}: ProfileSwitchProps) {
  if (profiles.length < 2) return null;
  const words = {
    test: t('profiles.modeTest'),
    live: t('profiles.modeLive'),
    option: (name: string, mode: string) => t('profiles.option', { name, mode }),
  };
  const shown = profiles.find((profile) => profile.id === activeProfileId);
  const shownText = shown === undefined ? '' : profileOptionText(shown, words);
  // The header leaves the choice a narrow box, where a long name ends in "…": the whole name
  // shows on hover (title) and on keyboard focus (data-name, drawn below it by header.css).
  return (
    <span className="profile-switch" data-name={shownText}>
      <select
        className="profile-select"
        aria-label={t('profiles.label')}
        title={shownText}
        value={activeProfileId}
        disabled={disabled}
        onChange={(event) => onSwitch(event.target.value)}
      >
        {profiles.map((profile) => (
          <option key={profile.id} value={profile.id}>
            {profileOptionText(profile, words)}
          </option>
        ))}
      </select>
    </span>
  );
}
