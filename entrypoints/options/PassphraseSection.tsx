import { useState, type KeyboardEvent } from 'react';
import { TextField } from '../../components/Field.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import type { KeyStatus, RequestOf } from '../../lib/messages.ts';
import { ask, NO_ANSWER_MESSAGE } from '../../utils/ask.ts';

type KeyRequest = RequestOf<'setPassphrase' | 'unlockKey' | 'lockKey' | 'removePassphrase'>;

interface PassphraseSectionProps {
  keyStatus: KeyStatus;
  onKeyStatus: (status: KeyStatus) => void;
}

const DONE: Record<KeyRequest['type'], string> = {
  setPassphrase: 'The key is now encrypted with your passphrase.',
  unlockKey: 'Unlocked until the browser closes.',
  lockKey: 'Locked: the passphrase is needed to use the key again.',
  removePassphrase: 'The passphrase lock was removed.',
};

/**
 * The optional passphrase lock. Its own buttons, apart from Save: the passphrase is sent to
 * the background once and never stored.
 */
export function PassphraseSection({ keyStatus, onKeyStatus }: PassphraseSectionProps) {
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);

  async function send(request: KeyRequest) {
    if (busy) return;
    setBusy(true);
    setNote('');
    try {
      const answer = await ask(request);
      if (answer.ok) {
        onKeyStatus(answer.key);
        setPassphrase('');
        setError(undefined);
        setNote(DONE[request.type]);
      } else {
        setError(answer.error.message);
      }
    } catch (cause) {
      console.error(cause);
      setError(NO_ANSWER_MESSAGE);
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
      <h2 id="passphrase-title">Passphrase lock</h2>
      <p className="muted">
        Optional: the key is kept encrypted on this computer and unlocked with your passphrase once
        each time the browser starts. A forgotten passphrase cannot be recovered — paste the key
        again instead.
      </p>
      {keyStatus.lock !== 'unlocked' && (
        <TextField
          id="field-passphrase"
          label={locked ? 'Passphrase' : 'New passphrase'}
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
            Lock with passphrase
          </button>
        )}
        {locked && (
          <button type="button" className="button" disabled={busy} onClick={() => void send(typed)}>
            Unlock
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
              Lock now
            </button>
            <button
              type="button"
              className="button button--quiet"
              disabled={busy}
              onClick={() => void send({ type: 'removePassphrase' })}
            >
              Remove passphrase
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
