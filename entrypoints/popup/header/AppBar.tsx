import { t } from '../../../lib/i18n.ts';
import type { State } from '../../../lib/messages.ts';
import { openSettings } from '../../../utils/navigation.ts';
import { PopupTabs, type Tab } from './PopupTabs.tsx';
import { ProfileSwitch } from './ProfileSwitch.tsx';

interface AppBarProps {
  tab: Tab;
  historyOpened: boolean;
  state: State | null;
  switching: boolean;
  onSelectTab: (tab: Tab) => void;
  onActivateTab: (tab: Tab) => void;
  onSwitchProfile: (profileId: string) => void;
}

/**
 * One line: the tabs, the profile in use and Settings. The product's name is for screen
 * readers; the popup's height is for the form.
 */
export function AppBar({
  tab,
  historyOpened,
  state,
  switching,
  onSelectTab,
  onActivateTab,
  onSwitchProfile,
}: AppBarProps) {
  return (
    <header className="app-header">
      <div className="app-bar">
        <h1 className="visually-hidden">{t('extName')}</h1>
        <span className="logo" aria-hidden="true" />
        <PopupTabs
          selected={tab}
          onSelect={onSelectTab}
          onActivate={onActivateTab}
          hasPanel={(candidate) => candidate === 'create' || historyOpened}
        />
        {state !== null && state.key.mode !== 'unknown' && (
          <span
            className={`mode-badge mode-badge--${state.key.mode}`}
            title={
              state.key.mode === 'live' ? t('popup.live.badgeLive') : t('popup.live.badgeTest')
            }
          >
            {state.key.mode === 'live' ? t('popup.live.live') : t('popup.live.test')}
          </span>
        )}
        {state !== null && (
          <ProfileSwitch
            profiles={state.profiles}
            activeProfileId={state.activeProfileId}
            disabled={switching}
            onSwitch={onSwitchProfile}
          />
        )}
        <button
          type="button"
          className="icon-button"
          onClick={openSettings}
          aria-label={t('common.settings')}
          title={t('common.settings')}
        >
          <GearIcon />
        </button>
      </div>
    </header>
  );
}

function GearIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M19.14 12.94a7.49 7.49 0 0 0 .05-.94 7.49 7.49 0 0 0-.05-.94l2.03-1.58a.5.5 0 0 0 .12-.64l-1.92-3.32a.5.5 0 0 0-.6-.22l-2.39.96a7.03 7.03 0 0 0-1.63-.94l-.36-2.54a.5.5 0 0 0-.5-.42h-3.84a.5.5 0 0 0-.49.42l-.36 2.54a7.03 7.03 0 0 0-1.63.94l-2.39-.96a.5.5 0 0 0-.6.22L2.66 8.84a.5.5 0 0 0 .12.64l2.03 1.58a7.49 7.49 0 0 0 0 1.88l-2.03 1.58a.5.5 0 0 0-.12.64l1.92 3.32c.13.22.39.31.6.22l2.39-.96c.5.39 1.05.7 1.63.94l.36 2.54c.04.24.25.42.49.42h3.84c.25 0 .45-.18.49-.42l.36-2.54c.58-.24 1.13-.55 1.63-.94l2.39.96c.22.09.47 0 .6-.22l1.92-3.32a.5.5 0 0 0-.12-.64l-2.03-1.58ZM12 15.5A3.5 3.5 0 1 1 12 8.5a3.5 3.5 0 0 1 0 7Z"
      />
    </svg>
  );
}
