import { useState, type FormEvent } from 'react';
import { TextField } from '../../components/Field.tsx';
import { ask, NO_ANSWER_MESSAGE } from '../../utils/ask.ts';

/** The key is sealed with a passphrase and the browser has restarted since it was typed. */
export function Unlock({ onUnlocked }: { onUnlocked: () => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function unlock(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      const answer = await ask({ type: 'unlockKey', passphrase });
      if (answer.ok) onUnlocked();
      else setError(answer.error.message);
    } catch (cause) {
      console.error(cause);
      setError(NO_ANSWER_MESSAGE);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="empty-state" aria-labelledby="locked-title">
      <h2 id="locked-title">Your API key is locked</h2>
      <form noValidate onSubmit={(event) => void unlock(event)}>
        <TextField
          id="unlock-passphrase"
          label="Passphrase"
          type="password"
          autoComplete="current-password"
          autoFocus
          value={passphrase}
          onValueChange={(value) => {
            setPassphrase(value);
            setError(undefined);
          }}
          error={error}
          hint="Typed once each time the browser starts."
        />
        <button type="submit" className="button button--primary" disabled={busy}>
          Unlock
        </button>
      </form>
    </section>
  );
}
