import { useCallback, useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { SelectField, TextField } from '../../components/Field.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { t } from '../../lib/i18n.ts';
import type { State } from '../../lib/messages.ts';
import { ask } from '../../utils/ask.ts';
import { PlainCopyWarning } from './PlainCopyWarning.tsx';
import { SettingsPage } from './SettingsPage.tsx';
import { useProfilesSection, type ProfilesSectionProps } from './useProfilesSection.ts';

type Section = ReturnType<typeof useProfilesSection>;

/**
 * The options page of the profile being edited: the Profiles section above the settings
 * form. Choosing another profile makes it the active one (the popup's too) and draws the
 * form anew for it; that waits while the form has unsaved changes, so none is lost.
 */
export function ProfiledSettings({ initial }: { initial: State }) {
  const [state, setState] = useState(initial);
  // A new settings form for each profile (and after each profile change), fresh from state.
  const [generation, setGeneration] = useState(0);
  const [dirty, setDirty] = useState(false);
  const onDirtyChange = useCallback((value: boolean) => setDirty(value), []);
  // Kept for the storage listener, which is added once.
  const shown = useRef({ state, dirty });
  useEffect(() => {
    shown.current = { state, dirty };
  }, [state, dirty]);

  function changed(next: State) {
    setState(next);
    // A rename keeps the form and whatever is typed in it; another profile gets a new form.
    if (next.activeProfileId !== state.activeProfileId) {
      setDirty(false);
      setGeneration((count) => count + 1);
    }
  }

  // Another window (the popup's profile choice, another Settings tab, a link made and its
  // invoice number taken) changed the settings: the page follows instead of saving over them.
  useEffect(() => {
    function follow(changes: Record<string, unknown>, area: string) {
      if (area !== 'local' || !Object.keys(changes).some(isStateKey)) return;
      ask({ type: 'getState' }).then(
        (next) => {
          const { state: current, dirty: typing } = shown.current;
          const editedId = current.activeProfileId;
          const stillThere = next.profiles.some((profile) => profile.id === editedId);
          if (!stillThere || (next.activeProfileId !== editedId && !typing)) {
            setState(next);
            setDirty(false);
            setGeneration((count) => count + 1);
          } else if (next.activeProfileId === editedId) {
            setState(next);
          } else {
            // Typing in a profile another window switched away from: its form stays, the
            // list of profiles follows.
            setState({ ...current, profiles: next.profiles });
          }
        },
        (error: unknown) => console.error('Could not follow a settings change', error),
      );
    }
    browser.storage.onChanged.addListener(follow);
    return () => browser.storage.onChanged.removeListener(follow);
  }, []);

  return (
    <>
      <ProfilesSection state={state} dirty={dirty} onState={changed} />
      <SettingsPage key={generation} initial={state} latest={state} onDirtyChange={onDirtyChange} />
    </>
  );
}

/** The stored items a settings page shows: the settings, and each profile's key items. */
function isStateKey(key: string): boolean {
  return key === 'settings' || /^(apiKey|apiKeySealed|keyMode|liveLinkMade)(:|$)/.test(key);
}

function ProfileActions({ section, dirty }: { section: Section; dirty: boolean }) {
  const { busy, only } = section;
  return (
    <div className="actions">
      <button
        type="button"
        id="profile-add"
        className="button"
        disabled={busy || dirty}
        onClick={() => section.open({ kind: 'add' })}
      >
        {t('profiles.add')}
      </button>
      <button
        type="button"
        id="profile-rename"
        className="button button--quiet"
        disabled={busy}
        onClick={() => section.open({ kind: 'rename' })}
      >
        {t('profiles.rename')}
      </button>
      {!only && (
        <button
          type="button"
          id="profile-delete"
          className="button button--quiet button--danger push-end"
          disabled={busy || dirty}
          onClick={() => section.open({ kind: 'delete' })}
        >
          {t('profiles.delete')}
        </button>
      )}
    </div>
  );
}

function NameStep({ section, adding }: { section: Section; adding: boolean }) {
  return (
    <form className="profile-step" noValidate onSubmit={section.submitName}>
      <TextField
        id="profile-name"
        label={t('profiles.newName')}
        value={section.name}
        maxLength={40}
        autoComplete="off"
        onValueChange={section.editName}
        error={section.error}
      />
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={section.busy}>
          {adding ? t('profiles.addConfirm') : t('profiles.renameConfirm')}
        </button>
        <button type="button" className="button button--quiet" onClick={section.cancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function DeleteStep({ section }: { section: Section }) {
  const { error } = section;
  return (
    <div className="profile-step" role="group" aria-labelledby="profile-delete-question">
      <p id="profile-delete-question">
        {t('profiles.deleteQuestion', { name: section.activeName })}
      </p>
      {error && <StatusMessage tone="error">{error}</StatusMessage>}
      <div className="actions">
        <button
          type="button"
          id="profile-delete-confirm"
          className="button button--danger"
          disabled={section.busy}
          onClick={section.deleteActive}
        >
          {t('profiles.deleteConfirm')}
        </button>
        <button type="button" className="button button--quiet" onClick={section.cancel}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}

export function ProfilesSection(props: ProfilesSectionProps) {
  const { state, dirty } = props;
  const section = useProfilesSection(props);
  const { step, note } = section;
  return (
    <section
      className="card profiles"
      aria-labelledby="profiles-title"
      onKeyDown={section.onKeyDown}
    >
      <h2 id="profiles-title">{t('profiles.title')}</h2>
      <p className="section-intro">{t('profiles.intro')}</p>
      <SelectField
        id="profile-select"
        label={t('profiles.label')}
        value={state.activeProfileId}
        choices={state.profiles.map(({ id, name }) => ({ value: id, name }))}
        disabled={section.busy || dirty || section.only}
        hint={dirty ? t('profiles.dirtyHint') : undefined}
        onValueChange={section.switchTo}
      />
      {step === null && <ProfileActions section={section} dirty={dirty} />}
      {(step?.kind === 'add' || step?.kind === 'rename') && (
        <NameStep section={section} adding={step.kind === 'add'} />
      )}
      {step?.kind === 'delete' && <DeleteStep section={section} />}
      {note?.tone === 'error' ? (
        <StatusMessage tone="error">{note.text}</StatusMessage>
      ) : (
        <StatusMessage tone="success">{note?.text}</StatusMessage>
      )}
      {note?.plainCopy && <PlainCopyWarning />}
    </section>
  );
}
