import { useState, type KeyboardEvent } from 'react';
import { fieldId, SelectField, TextField } from '../../components/Field.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { t } from '../../lib/i18n.ts';
import type { KeyStatus, RequestOf } from '../../lib/messages.ts';
import { LOCK_AFTER_CHOICES } from '../../lib/settings.ts';
import { ask, noAnswerMessage } from '../../utils/ask.ts';

type KeyRequest = RequestOf<'setPassphrase' | 'unlockKey' | 'lockKey' | 'removePassphrase'>;

interface PassphraseSectionProps {
  /** The profile whose key this is (the one the page edits). */
  profileId?: string;
  keyStatus: KeyStatus;
  onKeyStatus: (status: KeyStatus) => void;
  /** Minutes without use before the key locks again, as typed (saved with the page). */
  lockAfter: string;
  onLockAfterChange: (value: string) => void;
}

function doneMessage(type: KeyRequest['type']): string {
  switch (type) {
    case 'setPassphrase':
      return t('options.passphrase.done.setPassphrase');
    case 'unlockKey':
      return t('options.passphrase.done.unlockKey');
    case 'lockKey':
      return t('options.passphrase.done.lockKey');
    case 'removePassphrase':
      return t('options.passphrase.done.removePassphrase');
  }
}

/**
 * The optional passphrase lock. Its own buttons, apart from Save: the passphrase is sent to
 * the background once and never stored. Changing or removing a lock asks for the current
 * passphrase, unlocked or not.
 */
/** Lock after: never, 15 minutes, an hour, four hours (LOCK_AFTER_CHOICES). */
function lockAfterChoices() {
  return LOCK_AFTER_CHOICES.map((minutes) => ({
    value: String(minutes),
    name: t(`options.passphrase.lockAfter.m${minutes}`),
  }));
}

export function PassphraseSection({
  profileId,
  keyStatus,
  onKeyStatus,
  lockAfter,
  onLockAfterChange,
}: PassphraseSectionProps) {
  const [passphrase, setPassphrase] = useState('');
  const [current, setCurrent] = useState('');
  const [errors, setErrors] = useState<{ passphrase?: string; current?: string }>({});
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);

  async function send(request: KeyRequest) {
    if (busy) return;
    setBusy(true);
    setNote('');
    try {
      const answer = await ask(profileId === undefined ? request : { ...request, profileId });
      if (answer.ok) {
        onKeyStatus(answer.key);
        setPassphrase('');
        setCurrent('');
        setErrors({});
        setNote(doneMessage(request.type));
      } else {
        const forCurrent = answer.error.fields?.current;
        setErrors(
          forCurrent === undefined ? { passphrase: answer.error.message } : { current: forCurrent },
        );
      }
    } catch (cause) {
      console.error(cause);
      setErrors({ passphrase: noAnswerMessage() });
    } finally {
      setBusy(false);
    }
  }

  if (!keyStatus.set) return null;
  const locked = keyStatus.lock === 'locked';
  const unlocked = keyStatus.lock === 'unlocked';
  const typed: KeyRequest = locked
    ? { type: 'unlockKey', passphrase }
    : unlocked
      ? { type: 'setPassphrase', passphrase, current }
      : { type: 'setPassphrase', passphrase };

  // Enter here acts on the passphrase, not on the page's Save.
  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void send(typed);
  }

  return (
    <section className="card" aria-labelledby="passphrase-title">
      <h2 id="passphrase-title">{t('options.passphrase.title')}</h2>
      <p className="muted">{t('options.passphrase.intro')}</p>
      <p className="muted">{t('options.passphrase.disk')}</p>
      {unlocked && (
        <TextField
          id="field-current-passphrase"
          label={t('options.passphrase.current')}
          type="password"
          autoComplete="current-password"
          value={current}
          onValueChange={(value) => {
            setCurrent(value);
            setErrors({});
          }}
          onKeyDown={onKeyDown}
          error={errors.current}
        />
      )}
      <TextField
        id="field-passphrase"
        label={locked ? t('options.passphrase.passphrase') : t('options.passphrase.newPassphrase')}
        type="password"
        autoComplete={locked ? 'current-password' : 'new-password'}
        value={passphrase}
        onValueChange={(value) => {
          setPassphrase(value);
          setErrors({});
        }}
        onKeyDown={onKeyDown}
        error={errors.passphrase}
      />
      <div className="actions">
        {keyStatus.lock === undefined && (
          <button type="button" className="button" disabled={busy} onClick={() => void send(typed)}>
            {t('options.passphrase.lock')}
          </button>
        )}
        {locked && (
          <button type="button" className="button" disabled={busy} onClick={() => void send(typed)}>
            {t('options.passphrase.unlock')}
          </button>
        )}
        {unlocked && (
          <>
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void send(typed)}
            >
              {t('options.passphrase.change')}
            </button>
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void send({ type: 'lockKey' })}
            >
              {t('options.passphrase.lockNow')}
            </button>
            <button
              type="button"
              className="button button--quiet"
              disabled={busy}
              onClick={() => void send({ type: 'removePassphrase', current })}
            >
              {t('options.passphrase.remove')}
            </button>
          </>
        )}
      </div>
      {keyStatus.lock !== undefined && (
        <SelectField
          id={fieldId('lockAfterMinutes')}
          label={t('options.passphrase.lockAfter.label')}
          value={lockAfter}
          onValueChange={onLockAfterChange}
          choices={lockAfterChoices()}
          hint={t('options.passphrase.lockAfter.hint')}
          className="field--narrow"
        />
      )}
      <StatusMessage tone="success">{note}</StatusMessage>
    </section>
  );
}
