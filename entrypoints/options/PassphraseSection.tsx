import { fieldId, SelectField, TextField } from '../../components/Field.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { t } from '../../lib/i18n.ts';
import type { KeyStatus } from '../../lib/messages.ts';
import { LOCK_AFTER_CHOICES } from '../../lib/settings.ts';
import { PlainCopyWarning } from './PlainCopyWarning.tsx';
import { usePassphrase, type PassphraseOptions } from './usePassphrase.ts';

type Lock = ReturnType<typeof usePassphrase>;

interface PassphraseSectionProps extends PassphraseOptions {
  /** Minutes without use before the key locks again, as typed (saved with the page). */
  lockAfter: string;
  onLockAfterChange: (value: string) => void;
}

/** Lock after: never, 15 minutes, an hour, four hours (LOCK_AFTER_CHOICES). */
function lockAfterChoices() {
  return LOCK_AFTER_CHOICES.map((minutes) => ({
    value: String(minutes),
    name: t(`options.passphrase.lockAfter.m${minutes}`),
  }));
}

function PassphraseFields({ lock }: { lock: Lock }) {
  const { locked } = lock;
  return (
    <>
      {lock.unlocked && (
        <TextField
          id="field-current-passphrase"
          label={t('options.passphrase.current')}
          type="password"
          autoComplete="current-password"
          value={lock.current}
          onValueChange={lock.editCurrent}
          onKeyDown={lock.onKeyDown}
          error={lock.errors.current}
        />
      )}
      <TextField
        id="field-passphrase"
        label={locked ? t('options.passphrase.passphrase') : t('options.passphrase.newPassphrase')}
        type="password"
        autoComplete={locked ? 'current-password' : 'new-password'}
        value={lock.passphrase}
        onValueChange={lock.editPassphrase}
        onKeyDown={lock.onKeyDown}
        error={lock.errors.passphrase}
      />
    </>
  );
}

function PassphraseActions({ lock, keyStatus }: { lock: Lock; keyStatus: KeyStatus }) {
  const { busy } = lock;
  return (
    <div className="actions">
      {keyStatus.lock === undefined && (
        <button type="button" className="button" disabled={busy} onClick={lock.sendTyped}>
          {t('options.passphrase.lock')}
        </button>
      )}
      {lock.locked && (
        <button type="button" className="button" disabled={busy} onClick={lock.sendTyped}>
          {t('options.passphrase.unlock')}
        </button>
      )}
      {lock.unlocked && (
        <>
          <button type="button" className="button" disabled={busy} onClick={lock.sendTyped}>
            {t('options.passphrase.change')}
          </button>
          <button type="button" className="button" disabled={busy} onClick={lock.lockNow}>
            {t('options.passphrase.lockNow')}
          </button>
          <button
            type="button"
            className="button button--quiet"
            disabled={busy}
            onClick={lock.remove}
          >
            {t('options.passphrase.remove')}
          </button>
        </>
      )}
    </div>
  );
}

/**
 * The optional passphrase lock. Its own buttons, apart from Save: the passphrase is sent to
 * the background once and never stored. Changing or removing a lock asks for the current
 * passphrase, unlocked or not.
 */
export function PassphraseSection({
  lockAfter,
  onLockAfterChange,
  ...options
}: PassphraseSectionProps) {
  const lock = usePassphrase(options);
  const { keyStatus } = options;
  if (!keyStatus.set) return null;
  return (
    <section className="card" aria-labelledby="passphrase-title">
      <h2 id="passphrase-title">{t('options.passphrase.title')}</h2>
      <p className="muted">{t('options.passphrase.intro')}</p>
      {/* Before locking, as advice; once sealed, only for a key that was in clear (may be now). */}
      {keyStatus.lock === undefined ? (
        <p className="muted">{t('options.passphrase.disk')}</p>
      ) : (
        keyStatus.plainCopy && <PlainCopyWarning />
      )}
      <PassphraseFields lock={lock} />
      <PassphraseActions lock={lock} keyStatus={keyStatus} />
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
      <StatusMessage tone="success">{lock.note}</StatusMessage>
    </section>
  );
}
