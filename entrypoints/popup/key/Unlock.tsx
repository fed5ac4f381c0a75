import { useState, type FormEvent } from 'react';
import { TextField } from '../../../components/Field.tsx';
import { t } from '../../../lib/i18n.ts';
import { ask, noAnswerMessage } from '../../../utils/ask.ts';

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
      setError(noAnswerMessage());
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="empty-state" aria-labelledby="locked-title">
      <h2 id="locked-title">{t('popup.unlock.title')}</h2>
      <form noValidate onSubmit={(event) => void unlock(event)}>
        <TextField
          id="unlock-passphrase"
          label={t('popup.unlock.passphrase')}
          type="password"
          autoComplete="current-password"
          autoFocus
          value={passphrase}
          onValueChange={(value) => {
            setPassphrase(value);
            setError(undefined);
          }}
          error={error}
          hint={t('popup.unlock.hint')}
        />
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('popup.unlock.unlock')}
        </button>
      </form>
    </section>
  );
}
