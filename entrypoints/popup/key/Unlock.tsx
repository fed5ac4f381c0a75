import { useState, type FormEvent } from 'react';
import { TextField } from '../../../components/Field.tsx';
import { t } from '../../../lib/i18n.ts';
import { ask, noAnswerMessage } from '../../../utils/ask.ts';

interface UnlockProps {
  /** Settings → Lock after (0: never, only when the browser closes). */
  lockAfterMinutes: number;
  onUnlocked: () => void;
}

/** When the passphrase is asked again, as Settings → Lock after has it. */
function unlockHint(lockAfterMinutes: number): string {
  if (lockAfterMinutes === 0) return t('popup.unlock.hint');
  const hours = lockAfterMinutes / 60;
  const span = Number.isInteger(hours)
    ? t('popup.unlock.hours', hours, { hours })
    : t('popup.unlock.minutes', lockAfterMinutes, { minutes: lockAfterMinutes });
  return t('popup.unlock.hintAfter', { span });
}

/** The key is sealed with a passphrase, and the browser restarted or Lock after locked it. */
export function Unlock({ lockAfterMinutes, onUnlocked }: UnlockProps) {
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
          hint={unlockHint(lockAfterMinutes)}
        />
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('popup.unlock.unlock')}
        </button>
      </form>
    </section>
  );
}
