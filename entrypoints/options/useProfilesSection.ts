import { useRef, useState, type FormEvent, type KeyboardEvent, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { fieldId } from '../../components/Field.tsx';
import { t } from '../../lib/i18n.ts';
import type { Request, ResponseFor, State } from '../../lib/messages.ts';
import { ask, noAnswerMessage } from '../../utils/ask.ts';

export type Step = { kind: 'add' } | { kind: 'rename' } | { kind: 'delete' } | null;
type ProfileRequest = Extract<
  Request,
  { type: 'switchProfile' | 'addProfile' | 'renameProfile' | 'deleteProfile' }
>;

interface Note {
  readonly tone: 'success' | 'error';
  readonly text: string;
  /** The deleted profile's key had been written in clear: the warning follows. */
  readonly plainCopy?: true;
}

export interface ProfilesSectionProps {
  state: State;
  /** The settings form has unsaved changes: switching, adding and deleting wait. */
  dirty: boolean;
  onState: (state: State) => void;
}

/** What the section's actions work on: the state as rendered, and its setters. */
interface Context {
  onState: (state: State) => void;
  step: Step;
  activeName: string;
  setStep: (step: Step) => void;
  setName: (name: string) => void;
  setError: (error: string | undefined) => void;
  setNote: (note: Note | null) => void;
  setBusy: (busy: boolean) => void;
  // One request at a time, even when a second click comes before the re-render.
  working: RefObject<boolean>;
}

function nameOf(next: State): string {
  return next.profiles.find((profile) => profile.id === next.activeProfileId)?.name ?? '';
}

async function send(
  c: Context,
  request: ProfileRequest,
  done: (state: State) => string,
  focusAfter: string,
): Promise<void> {
  if (c.working.current) return;
  c.working.current = true;
  c.setBusy(true);
  try {
    const answer: ResponseFor<'switchProfile'> = await ask(request);
    if (!answer.ok) {
      c.setError(answer.error.message);
      if (c.step === null) c.setNote({ tone: 'error', text: answer.error.message });
      return;
    }
    flushSync(() => {
      c.onState(answer.state);
      c.setStep(null);
      c.setName('');
      c.setError(undefined);
      c.setNote({
        tone: 'success',
        text: done(answer.state),
        ...(answer.leftPlainCopy ? { plainCopy: true } : {}),
      });
    });
    document.getElementById(focusAfter)?.focus();
  } catch (cause) {
    console.error(cause);
    c.setNote({ tone: 'error', text: noAnswerMessage() });
  } finally {
    c.working.current = false;
    c.setBusy(false);
  }
}

function open(c: Context, next: Exclude<Step, null>) {
  flushSync(() => {
    c.setStep(next);
    c.setName(next.kind === 'rename' ? c.activeName : '');
    c.setError(undefined);
    c.setNote(null);
  });
  document
    .getElementById(next.kind === 'delete' ? 'profile-delete-confirm' : 'profile-name')
    ?.focus();
}

function cancel(c: Context) {
  const opener = c.step?.kind ?? 'add';
  flushSync(() => {
    c.setStep(null);
    c.setError(undefined);
  });
  document.getElementById(`profile-${opener}`)?.focus();
}

/** The profile steps (add, rename, delete) and the note on how the last one went. */
export function useProfilesSection({ state, dirty, onState }: ProfilesSectionProps) {
  const [step, setStep] = useState<Step>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [note, setNote] = useState<Note | null>(null);
  const [busy, setBusy] = useState(false);
  const working = useRef(false);
  const active = state.profiles.find((profile) => profile.id === state.activeProfileId);
  const activeName = active?.name ?? '';

  // A success note ("Profile … added — paste its API key below") has been read once the user
  // types in the form; it would be stale after the next Save. (Adjusted while rendering, as
  // React advises for state that follows a prop.)
  const [wasDirty, setWasDirty] = useState(dirty);
  if (dirty !== wasDirty) {
    setWasDirty(dirty);
    if (dirty && note?.tone === 'success') setNote(null);
  }

  const c: Context = {
    onState,
    step,
    activeName,
    setStep,
    setName,
    setError,
    setNote,
    setBusy,
    working,
  };
  return {
    step,
    name,
    error,
    note,
    busy,
    activeName,
    only: state.profiles.length < 2,
    open: (next: Exclude<Step, null>) => open(c, next),
    cancel: () => cancel(c),
    onKeyDown(event: KeyboardEvent<HTMLElement>) {
      if (event.key === 'Escape' && step !== null) {
        event.preventDefault();
        cancel(c);
      }
    },
    editName(value: string) {
      setName(value);
      setError(undefined);
    },
    submitName(event: FormEvent<HTMLFormElement>) {
      event.preventDefault();
      if (step?.kind === 'add') {
        void send(
          c,
          { type: 'addProfile', name },
          (next) => t('profiles.added', { name: nameOf(next) }),
          fieldId('apiKey'),
        );
      } else if (step?.kind === 'rename') {
        void send(
          c,
          { type: 'renameProfile', profileId: state.activeProfileId, name },
          (next) => t('profiles.renamed', { name: nameOf(next) }),
          'profile-rename',
        );
      }
    },
    switchTo: (profileId: string) =>
      void send(
        c,
        { type: 'switchProfile', profileId },
        (next) => t('profiles.switched', { name: nameOf(next) }),
        'profile-select',
      ),
    deleteActive: () =>
      void send(
        c,
        { type: 'deleteProfile', profileId: state.activeProfileId },
        () => t('profiles.deleted', { name: activeName }),
        'profile-select',
      ),
  };
}
