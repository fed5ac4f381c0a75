import { useEffect, useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { fieldId } from '../../components/Field.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import type { FieldErrors } from '../../lib/draft.ts';
import { t } from '../../lib/i18n.ts';
import type { State } from '../../lib/messages.ts';
import { hostOf, originNeedingConfirmation } from '../../lib/key-hosts.ts';
import { validateBaseUrl } from '../../lib/payfect/url-safety.ts';
import { ask, noAnswerMessage } from '../../utils/ask.ts';
import { requestHostGrant } from '../../utils/host-grant.ts';
import { AccountSection, type AccountMessage, type KeyHost } from './AccountSection.tsx';
import { DefaultsSection } from './DefaultsSection.tsx';
import { HistorySection } from './HistorySection.tsx';
import { InvoiceSection } from './InvoiceSection.tsx';
import { PassphraseSection } from './PassphraseSection.tsx';
import { saveAll } from './save.ts';
import {
  FIELD_ORDER,
  numberNoteAfterSave,
  VALUE_FIELDS,
  valuesOf,
  type SettingsValues,
} from './values.ts';

type Busy = 'save' | 'test' | 'remove' | null;

function focusFirstInvalid(errors: FieldErrors): void {
  const first = FIELD_ORDER.find((field) => errors[field] !== undefined);
  if (first) document.getElementById(fieldId(first))?.focus();
}

interface SettingsPageProps {
  /** The state of the profile this page edits (the active one when it was loaded). */
  initial: State;
  /** Told whether anything typed is not saved yet (ProfilesSection holds switching then). */
  onDirtyChange?: (dirty: boolean) => void;
  /** The state as another window last left it: shown at once while nothing is typed. */
  latest?: State;
}

/**
 * The whole settings form of one profile (and the settings shared by all); one "Save" (or
 * Enter) saves the key and every setting.
 */
export function SettingsPage({ initial, onDirtyChange, latest }: SettingsPageProps) {
  const profileId = initial.activeProfileId;
  const [stored, setStored] = useState(initial.settings);
  const [keyStatus, setKeyStatus] = useState(initial.key);
  const [values, setValues] = useState<SettingsValues>(() => valuesOf(initial.settings));
  // Never prefilled: the page does not know the key, only its last four characters.
  const [apiKey, setApiKey] = useState('');
  const [lockPassphrase, setLockPassphrase] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alerts, setAlerts] = useState<readonly string[]>([]);
  const [savedNote, setSavedNote] = useState('');
  const [account, setAccount] = useState<AccountMessage | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  // The profile's invoice logo: as saved, and as it will be saved.
  const [logo, setLogo] = useState<{ saved: string | null; current: string | null }>({
    saved: null,
    current: null,
  });
  const [numberNote, setNumberNote] = useState<string | undefined>(undefined);
  // One action at a time, even when a second Enter comes before the re-render.
  const working = useRef(false);
  const storedValues = valuesOf(stored);
  const dirty =
    apiKey.trim() !== '' ||
    logo.current !== logo.saved ||
    VALUE_FIELDS.some((field) => values[field] !== storedValues[field]);

  useEffect(() => {
    let current = true;
    ask({ type: 'getLogo', profileId }).then(
      (answer) => {
        // A logo chosen before the answer came is kept, to be saved over the stored one.
        if (current) {
          setLogo((before) => ({
            saved: answer.logo,
            current: before.current === before.saved ? answer.logo : before.current,
          }));
        }
      },
      (error: unknown) => console.error('Could not read the invoice logo', error),
    );
    return () => {
      current = false;
    };
  }, [profileId]);

  useEffect(() => {
    onDirtyChange?.(dirty);
  }, [dirty, onDirtyChange]);

  // Settings changed elsewhere (another tab; a link made, which takes an invoice number):
  // shown at once while nothing is typed here, so a Save never writes back what was read.
  const [seenLatest, setSeenLatest] = useState(latest);
  if (latest !== seenLatest) {
    setSeenLatest(latest);
    if (latest?.activeProfileId === profileId && !dirty) {
      if (JSON.stringify(latest.settings) !== JSON.stringify(stored)) {
        setStored(latest.settings);
        setValues(valuesOf(latest.settings));
      }
      if (JSON.stringify(latest.key) !== JSON.stringify(keyStatus)) setKeyStatus(latest.key);
    }
  }

  function edited<K extends keyof SettingsValues>(field: K, value: SettingsValues[K]) {
    setValues((before) => ({ ...before, [field]: value }));
    setErrors(({ [field]: _gone, ...rest }) => rest);
    setSavedNote('');
  }

  // The host the typed base URL would send the key to, when it needs the user's word.
  const typedBase = validateBaseUrl(values.baseUrl);
  const originToConfirm = typedBase.ok ? originNeedingConfirmation(typedBase.value) : undefined;
  const keyHost: KeyHost | undefined =
    originToConfirm === undefined
      ? undefined
      : {
          host: hostOf(originToConfirm),
          confirmed: values.confirmedKeyOrigin === originToConfirm,
        };

  function confirmKeyHost(confirmed: boolean) {
    if (originToConfirm === undefined) return;
    if (!confirmed) {
      edited('confirmedKeyOrigin', undefined);
      return;
    }
    const origin = originToConfirm;
    // Asked before anything else is awaited, while the click still counts as the user's.
    void requestHostGrant(origin).then((granted) => {
      if (granted) {
        edited('confirmedKeyOrigin', origin);
        setAccount(null);
      } else {
        setAccount({
          tone: 'error',
          text: t('options.account.confirmHostDenied', { host: hostOf(origin) }),
        });
      }
    });
  }

  function editedKey(value: string) {
    setApiKey(value);
    setErrors(({ apiKey: _gone, ...rest }) => rest);
    setSavedNote('');
  }

  async function runSave(): Promise<boolean> {
    try {
      const outcome = await saveAll(values, apiKey, stored, profileId, lockPassphrase, logo);
      const savedAll = Object.keys(outcome.errors).length === 0 && outcome.alerts.length === 0;
      flushSync(() => {
        if (outcome.settings) {
          setStored(outcome.settings);
          setValues(valuesOf(outcome.settings));
          setNumberNote(numberNoteAfterSave(values, storedValues, outcome.settings));
        }
        if (outcome.logoSaved) setLogo((before) => ({ ...before, saved: before.current }));
        if (outcome.key) {
          setKeyStatus(outcome.key);
          setApiKey('');
          setLockPassphrase('');
        }
        setErrors(outcome.errors);
        setAlerts(outcome.alerts);
        setSavedNote(savedAll ? t('options.saved') : '');
      });
      focusFirstInvalid(outcome.errors);
      return savedAll;
    } catch (error) {
      console.error(error);
      setAlerts([noAnswerMessage()]);
      return false;
    }
  }

  async function act(kind: Exclude<Busy, null>, action: () => Promise<unknown>) {
    if (working.current) return;
    working.current = true;
    setBusy(kind);
    try {
      await action();
    } finally {
      working.current = false;
      setBusy(null);
    }
  }

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSavedNote('');
    void act('save', runSave);
  }

  /**
   * Tests what is typed — a new key, another base URL — without saving it: only Save stores.
   * A test of the saved account teaches the background the key's mode and networks.
   */
  function testConnection() {
    void act('test', async () => {
      setAccount({ tone: 'info', text: t('options.account.testing') });
      const typedKey = apiKey.trim();
      const unsaved =
        typedKey !== '' ||
        values.baseUrl !== stored.baseUrl ||
        values.confirmedKeyOrigin !== stored.confirmedKeyOrigin;
      try {
        const answer = await ask({
          type: 'testConnection',
          profileId,
          // Always what the page shows (saved or not), so the answer can point at it.
          typed: {
            baseUrl: values.baseUrl.trim(),
            ...(typedKey === '' ? {} : { apiKey: typedKey }),
            ...(values.confirmedKeyOrigin === undefined
              ? {}
              : { confirmedKeyOrigin: values.confirmedKeyOrigin }),
          },
        });
        setAccount(
          answer.ok
            ? {
                tone: 'success',
                text: unsaved
                  ? `${answer.message} ${t('options.account.notSavedYet')}`
                  : answer.message,
              }
            : { tone: 'error', text: answer.error.message },
        );
        if (unsaved) return;
        // The test teaches the background the key's mode and the networks on offer.
        const fresh = await ask({ type: 'getState' });
        const learned = answer.ok && answer.mode !== 'unknown' ? answer.mode : fresh.key.mode;
        setKeyStatus(fresh.key.set ? { ...fresh.key, mode: learned } : fresh.key);
        setStored((before) => ({ ...before, networks: fresh.settings.networks }));
      } catch (error) {
        console.error(error);
        setAccount({ tone: 'error', text: noAnswerMessage() });
      }
    });
  }

  function removeKey() {
    void act('remove', async () => {
      try {
        const answer = await ask({ type: 'clearKey', profileId });
        if (!answer.ok) {
          setAccount({ tone: 'error', text: answer.error.message });
          return;
        }
        flushSync(() => {
          setKeyStatus(answer.key);
          setAccount({ tone: 'info', text: t('options.account.keyRemoved') });
        });
        document.getElementById(fieldId('apiKey'))?.focus();
      } catch (error) {
        console.error(error);
        setAccount({ tone: 'error', text: noAnswerMessage() });
      }
    });
  }

  return (
    <form className="settings" noValidate onSubmit={save}>
      <AccountSection
        apiKey={apiKey}
        onApiKeyChange={editedKey}
        lockPassphrase={lockPassphrase}
        onLockPassphraseChange={(value) => {
          setLockPassphrase(value);
          setErrors(({ lockPassphrase: _gone, ...rest }) => rest);
        }}
        baseUrl={values.baseUrl}
        onBaseUrlChange={(value) => edited('baseUrl', value)}
        keyHost={keyHost}
        onKeyHostChange={confirmKeyHost}
        keyStatus={keyStatus}
        errors={errors}
        busy={busy !== null}
        message={account}
        onTestConnection={testConnection}
        onRemoveKey={removeKey}
      />
      <PassphraseSection
        profileId={profileId}
        keyStatus={keyStatus}
        onKeyStatus={setKeyStatus}
        lockAfter={values.lockAfterMinutes}
        onLockAfterChange={(value) => edited('lockAfterMinutes', value)}
      />
      <DefaultsSection values={values} stored={stored} errors={errors} onChange={edited} />
      <InvoiceSection
        values={values}
        errors={errors}
        onChange={(field, value) => {
          edited(field, value);
          if (field === 'business.nextInvoiceNumber' || field === 'business.invoicePrefix') {
            setNumberNote(undefined);
          }
        }}
        logo={logo.current}
        onLogoChange={(next) => {
          setLogo((before) => ({ ...before, current: next }));
          setSavedNote('');
        }}
        numberNote={numberNote}
      />
      <HistorySection
        historyCap={values.historyCap}
        error={errors.historyCap}
        onChange={(value) => edited('historyCap', value)}
        reminderMinutes={values.reminderMinutes}
        reminderError={errors.reminderMinutes}
        onReminderChange={(value) => edited('reminderMinutes', value)}
      />
      <div className="save-bar">
        <div className="save-messages">
          {alerts.length > 0 && (
            <StatusMessage tone="error">
              {alerts.map((text) => (
                <p key={text}>{text}</p>
              ))}
            </StatusMessage>
          )}
          <StatusMessage tone="success">{savedNote}</StatusMessage>
        </div>
        <button type="submit" className="button button--primary" disabled={busy !== null}>
          {busy === 'save' ? t('options.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}
