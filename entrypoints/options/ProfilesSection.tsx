import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
} from 'react';
import { browser } from 'wxt/browser';
import { flushSync } from 'react-dom';
import { fieldId, SelectField, TextField } from '../../components/Field.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { t } from '../../lib/i18n.ts';
import type { Request, ResponseFor, State } from '../../lib/messages.ts';
import { ask, noAnswerMessage } from '../../utils/ask.ts';
import { SettingsPage } from './SettingsPage.tsx';

type Step = { kind: 'add' } | { kind: 'rename' } | { kind: 'delete' } | null;
type ProfileRequest = Extract<
  Request,
  { type: 'switchProfile' | 'addProfile' | 'renameProfile' | 'deleteProfile' }
>;

interface Note {
  readonly tone: 'success' | 'error';
  readonly text: string;
}

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

interface ProfilesSectionProps {
  state: State;
  /** The settings form has unsaved changes: switching, adding and deleting wait. */
  dirty: boolean;
  onState: (state: State) => void;
}

export function ProfilesSection({ state, dirty, onState }: ProfilesSectionProps) {
  const [step, setStep] = useState<Step>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [note, setNote] = useState<Note | null>(null);
  const [busy, setBusy] = useState(false);
  const working = useRef(false);
  const active = state.profiles.find((profile) => profile.id === state.activeProfileId);
  const activeName = active?.name ?? '';
  const only = state.profiles.length < 2;

  // A success note ("Profile … added — paste its API key below") has been read once the user
  // types in the form; it would be stale after the next Save. (Adjusted while rendering, as
  // React advises for state that follows a prop.)
  const [wasDirty, setWasDirty] = useState(dirty);
  if (dirty !== wasDirty) {
    setWasDirty(dirty);
    if (dirty && note?.tone === 'success') setNote(null);
  }

  async function send(
    request: ProfileRequest,
    done: (state: State) => string,
    focusAfter: string,
  ): Promise<void> {
    if (working.current) return;
    working.current = true;
    setBusy(true);
    try {
      const answer: ResponseFor<'switchProfile'> = await ask(request);
      if (!answer.ok) {
        setError(answer.error.message);
        if (step === null) setNote({ tone: 'error', text: answer.error.message });
        return;
      }
      flushSync(() => {
        onState(answer.state);
        setStep(null);
        setName('');
        setError(undefined);
        setNote({ tone: 'success', text: done(answer.state) });
      });
      document.getElementById(focusAfter)?.focus();
    } catch (cause) {
      console.error(cause);
      setNote({ tone: 'error', text: noAnswerMessage() });
    } finally {
      working.current = false;
      setBusy(false);
    }
  }

  function nameOf(next: State): string {
    return next.profiles.find((profile) => profile.id === next.activeProfileId)?.name ?? '';
  }

  function open(next: Exclude<Step, null>) {
    flushSync(() => {
      setStep(next);
      setName(next.kind === 'rename' ? activeName : '');
      setError(undefined);
      setNote(null);
    });
    document
      .getElementById(next.kind === 'delete' ? 'profile-delete-confirm' : 'profile-name')
      ?.focus();
  }

  function cancel() {
    const opener = step?.kind ?? 'add';
    flushSync(() => {
      setStep(null);
      setError(undefined);
    });
    document.getElementById(`profile-${opener}`)?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.key === 'Escape' && step !== null) {
      event.preventDefault();
      cancel();
    }
  }

  function submitName(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (step?.kind === 'add') {
      void send(
        { type: 'addProfile', name },
        (next) => t('profiles.added', { name: nameOf(next) }),
        fieldId('apiKey'),
      );
    } else if (step?.kind === 'rename') {
      void send(
        { type: 'renameProfile', profileId: state.activeProfileId, name },
        (next) => t('profiles.renamed', { name: nameOf(next) }),
        'profile-rename',
      );
    }
  }

  return (
    <section className="card profiles" aria-labelledby="profiles-title" onKeyDown={onKeyDown}>
      <h2 id="profiles-title">{t('profiles.title')}</h2>
      <p className="section-intro">{t('profiles.intro')}</p>
      <SelectField
        id="profile-select"
        label={t('profiles.label')}
        value={state.activeProfileId}
        choices={state.profiles.map(({ id, name: profileName }) => ({
          value: id,
          name: profileName,
        }))}
        disabled={busy || dirty || only}
        hint={dirty ? t('profiles.dirtyHint') : undefined}
        onValueChange={(profileId) =>
          void send(
            { type: 'switchProfile', profileId },
            (next) => t('profiles.switched', { name: nameOf(next) }),
            'profile-select',
          )
        }
      />
      {step === null && (
        <div className="actions">
          <button
            type="button"
            id="profile-add"
            className="button"
            disabled={busy || dirty}
            onClick={() => open({ kind: 'add' })}
          >
            {t('profiles.add')}
          </button>
          <button
            type="button"
            id="profile-rename"
            className="button button--quiet"
            disabled={busy}
            onClick={() => open({ kind: 'rename' })}
          >
            {t('profiles.rename')}
          </button>
          {!only && (
            <button
              type="button"
              id="profile-delete"
              className="button button--quiet button--danger push-end"
              disabled={busy || dirty}
              onClick={() => open({ kind: 'delete' })}
            >
              {t('profiles.delete')}
            </button>
          )}
        </div>
      )}
      {(step?.kind === 'add' || step?.kind === 'rename') && (
        <form className="profile-step" noValidate onSubmit={submitName}>
          <TextField
            id="profile-name"
            label={t('profiles.newName')}
            value={name}
            maxLength={40}
            autoComplete="off"
            onValueChange={(value) => {
              setName(value);
              setError(undefined);
            }}
            error={error}
          />
          <div className="actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {step.kind === 'add' ? t('profiles.addConfirm') : t('profiles.renameConfirm')}
            </button>
            <button type="button" className="button button--quiet" onClick={cancel}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      {step?.kind === 'delete' && (
        <div className="profile-step" role="group" aria-labelledby="profile-delete-question">
          <p id="profile-delete-question">{t('profiles.deleteQuestion', { name: activeName })}</p>
          {error && <StatusMessage tone="error">{error}</StatusMessage>}
          <div className="actions">
            <button
              type="button"
              id="profile-delete-confirm"
              className="button button--danger"
              disabled={busy}
              onClick={() =>
                void send(
                  { type: 'deleteProfile', profileId: state.activeProfileId },
                  () => t('profiles.deleted', { name: activeName }),
                  'profile-select',
                )
              }
            >
              {t('profiles.deleteConfirm')}
            </button>
            <button type="button" className="button button--quiet" onClick={cancel}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      {note?.tone === 'error' ? (
        <StatusMessage tone="error">{note.text}</StatusMessage>
      ) : (
        <StatusMessage tone="success">{note?.text}</StatusMessage>
      )}
    </section>
  );
}
