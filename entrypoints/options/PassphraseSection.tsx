import { useState, type KeyboardEvent } from 'react';
import { TextField } from '../../components/Field.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { t } from '../../lib/i18n.ts';
import type { KeyStatus, RequestOf } from '../../lib/messages.ts';
import { ask, noAnswerMessage } from '../../utils/ask.ts';

type KeyRequest = RequestOf<'setPassphrase' | 'unlockKey' | 'lockKey' | 'removePassphrase'>;

interface PassphraseSectionProps {
  /** The profile whose key this is (the one the page edits). */
  profileId?: string;
  keyStatus: KeyStatus;
  onKeyStatus: (status: KeyStatus) => void;
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
 * the background once and never stored.
 */
export function PassphraseSection({ profileId, keyStatus, onKeyStatus }: PassphraseSectionProps) {
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | undefined>();
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
        setError(undefined);
        setNote(doneMessage(request.type));
      } else {
        setError(answer.error.message);
      }
    } catch (cause) {
      console.error(cause);
      setError(noAnswerMessage());
    } finally {
      setBusy(false);
    }
  }

  if (!keyStatus.set) return null;
  const locked = keyStatus.lock === 'locked';
  const typed = locked
    ? { type: 'unlockKey' as const, passphrase }
    : { type: 'setPassphrase' as const, passphrase };

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
      {keyStatus.lock !== 'unlocked' && (
        <TextField
          id="field-passphrase"
          label={
            locked ? t('options.passphrase.passphrase') : t('options.passphrase.newPassphrase')
          }
          type="password"
          autoComplete={locked ? 'current-password' : 'new-password'}
          value={passphrase}
          onValueChange={(value) => {
            setPassphrase(value);
            setError(undefined);
          }}
          onKeyDown={onKeyDown}
          error={error}
        />
      )}
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
        {keyStatus.lock === 'unlocked' && (
          <>
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
              onClick={() => void send({ type: 'removePassphrase' })}
            >
              {t('options.passphrase.remove')}
            </button>
          </>
        )}
      </div>
      {keyStatus.lock === 'unlocked' && error && (
        <StatusMessage tone="error">{error}</StatusMessage>
      )}
      <StatusMessage tone="success">{note}</StatusMessage>
    </section>
  );
}
