import { fieldId, TextField } from '../../components/Field.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import type { FieldErrors } from '../../lib/draft.ts';
import { t } from '../../lib/i18n.ts';
import type { KeyStatus } from '../../lib/messages.ts';
import { LIVE_API_BASE_URL } from '../../lib/settings.ts';
import { PlainCopyWarning } from './PlainCopyWarning.tsx';
import { withSlots } from './slots.tsx';
import { keyStatusSentence } from './values.ts';

/** A base URL on a host that is neither the live API nor loopback, and whether it is confirmed. */
export interface KeyHost {
  readonly host: string;
  readonly confirmed: boolean;
}

export interface AccountMessage {
  readonly tone: 'success' | 'error' | 'info';
  readonly text: string;
  /**
   * The answer was for what is typed, not what is stored: the page adds "Not saved yet",
   * and Save, once it stores what was tested, drops that part (never "Saved" beside it).
   */
  readonly unsaved?: true;
  /** The key just removed or replaced had been written in clear: the warning follows. */
  readonly plainCopy?: true;
}

/** The message as shown: with "Not saved yet" while what it answered for is not stored. */
function accountText(message: AccountMessage): string {
  return message.unsaved ? `${message.text} ${t('options.account.notSavedYet')}` : message.text;
}

interface AccountSectionProps {
  apiKey: string;
  onApiKeyChange: (value: string) => void;
  /** Offered while a new key is typed: the key is then sealed before it is first written. */
  lockPassphrase: string;
  onLockPassphraseChange: (value: string) => void;
  baseUrl: string;
  onBaseUrlChange: (value: string) => void;
  keyHost: KeyHost | undefined;
  /** Called in the click itself: ticking asks the browser for the origin (a user gesture). */
  onKeyHostChange: (confirmed: boolean) => void;
  keyStatus: KeyStatus;
  errors: FieldErrors;
  busy: boolean;
  message: AccountMessage | null;
  onTestConnection: () => void;
  onRemoveKey: () => void;
}

export function AccountSection({
  apiKey,
  onApiKeyChange,
  lockPassphrase,
  onLockPassphraseChange,
  baseUrl,
  onBaseUrlChange,
  keyHost,
  onKeyHostChange,
  keyStatus,
  errors,
  busy,
  message,
  onTestConnection,
  onRemoveKey,
}: AccountSectionProps) {
  return (
    <section className="card" aria-labelledby="account-title">
      <h2 id="account-title">{t('options.account.title')}</h2>
      <TextField
        id={fieldId('apiKey')}
        label={t('options.account.apiKey')}
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={apiKey}
        onValueChange={onApiKeyChange}
        error={errors.apiKey}
        placeholder={
          keyStatus.set
            ? t('options.account.apiKeyPlaceholderReplace')
            : t('options.account.apiKeyPlaceholder')
        }
        hint={
          <span className={keyStatus.set ? 'key-status key-status--set' : 'key-status'}>
            {keyStatusSentence(keyStatus)}
          </span>
        }
      />
      {apiKey.trim() !== '' && (
        <TextField
          id={fieldId('lockPassphrase')}
          label={t('options.account.lockPassphrase')}
          type="password"
          autoComplete="new-password"
          value={lockPassphrase}
          onValueChange={onLockPassphraseChange}
          error={errors.lockPassphrase}
          hint={t('options.account.lockPassphraseHint')}
        />
      )}
      <TextField
        id={fieldId('baseUrl')}
        label={t('options.account.baseUrl')}
        type="url"
        inputMode="url"
        spellCheck={false}
        value={baseUrl}
        onValueChange={onBaseUrlChange}
        error={errors.baseUrl}
        hint={withSlots(
          t('options.account.baseUrlHint', { live: '{live}', sandbox: '{sandbox}' }),
          {
            live: <code>{LIVE_API_BASE_URL}</code>,
            sandbox: <code>http://127.0.0.1:8787/api/v1</code>,
          },
        )}
      />
      {keyHost && (
        <div className="field key-host">
          <label className="check">
            <input
              type="checkbox"
              checked={keyHost.confirmed}
              onChange={(event) => onKeyHostChange(event.currentTarget.checked)}
              aria-describedby="key-host-hint"
            />
            <span>{t('options.account.confirmHost', { host: keyHost.host })}</span>
          </label>
          <p id="key-host-hint" className="field-hint">
            {t('options.account.confirmHostHint', { host: keyHost.host })}
          </p>
        </div>
      )}
      <div className="actions">
        <button type="button" className="button" onClick={onTestConnection} disabled={busy}>
          {t('options.account.testConnection')}
        </button>
        {baseUrl !== LIVE_API_BASE_URL && (
          <button
            type="button"
            className="button button--quiet"
            onClick={() => onBaseUrlChange(LIVE_API_BASE_URL)}
          >
            {t('options.account.useLiveApi')}
          </button>
        )}
        {keyStatus.set && (
          <button
            type="button"
            className="button button--quiet button--danger push-end"
            onClick={onRemoveKey}
            disabled={busy}
          >
            {t('options.account.removeKey')}
          </button>
        )}
      </div>
      {message?.tone === 'error' ? (
        <StatusMessage tone="error">{accountText(message)}</StatusMessage>
      ) : (
        <StatusMessage tone={message?.tone ?? 'info'}>
          {message && accountText(message)}
        </StatusMessage>
      )}
      {message?.plainCopy && <PlainCopyWarning />}
    </section>
  );
}
