import { useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { fieldId } from '../../components/Field.tsx';
import type { FieldErrors } from '../../lib/draft.ts';
import { t } from '../../lib/i18n.ts';
import { hostOf, originNeedingConfirmation } from '../../lib/key-hosts.ts';
import type { KeyStatus, State } from '../../lib/messages.ts';
import { validateBaseUrl } from '../../lib/payfect/url-safety.ts';
import type { Settings } from '../../lib/settings.ts';
import { ask, noAnswerMessage } from '../../utils/ask.ts';
import { requestHostGrant } from '../../utils/request-host-grant.ts';
import type { AccountMessage, KeyHost } from './AccountSection.tsx';
import { saveAll } from './save.ts';
import {
  FIELD_ORDER,
  numberNoteAfterSave,
  VALUE_FIELDS,
  valuesOf,
  type SettingsValues,
} from './values.ts';

export type Busy = 'save' | 'test' | 'remove' | null;

/** The profile's invoice logo: as saved, and as it will be saved. */
export interface Logo {
  readonly saved: string | null;
  readonly current: string | null;
}

type Setter<T> = (value: T | ((before: T) => T)) => void;

/** What the page's actions work on: the state as rendered, and its setters. */
interface Context {
  profileId: string;
  stored: Settings;
  setStored: Setter<Settings>;
  values: SettingsValues;
  setValues: Setter<SettingsValues>;
  apiKey: string;
  setApiKey: Setter<string>;
  lockPassphrase: string;
  setLockPassphrase: Setter<string>;
  setErrors: Setter<FieldErrors>;
  setAlerts: Setter<readonly string[]>;
  setSavedNote: Setter<string>;
  setAccount: Setter<AccountMessage | null>;
  setBusy: Setter<Busy>;
  logo: Logo;
  setLogo: Setter<Logo>;
  setNumberNote: Setter<string | undefined>;
  setKeyStatus: Setter<KeyStatus>;
  // One action at a time, even when a second Enter comes before the re-render.
  working: RefObject<boolean>;
}

function focusFirstInvalid(errors: FieldErrors): void {
  const first = FIELD_ORDER.find((field) => errors[field] !== undefined);
  if (first) document.getElementById(fieldId(first))?.focus();
}

function edited<K extends keyof SettingsValues>(c: Context, field: K, value: SettingsValues[K]) {
  c.setValues((before) => ({ ...before, [field]: value }));
  c.setErrors(({ [field]: _gone, ...rest }) => rest);
  c.setSavedNote('');
}

async function runSave(c: Context): Promise<boolean> {
  const { values, stored } = c;
  try {
    const outcome = await saveAll(values, c.apiKey, stored, c.profileId, c.lockPassphrase, c.logo);
    const savedAll = Object.keys(outcome.errors).length === 0 && outcome.alerts.length === 0;
    flushSync(() => {
      if (outcome.settings) {
        c.setStored(outcome.settings);
        c.setValues(valuesOf(outcome.settings));
        c.setNumberNote(numberNoteAfterSave(values, valuesOf(stored), outcome.settings));
      }
      if (outcome.logoSaved) c.setLogo((before) => ({ ...before, saved: before.current }));
      if (outcome.key) {
        c.setKeyStatus(outcome.key);
        c.setApiKey('');
        c.setLockPassphrase('');
      }
      c.setErrors(outcome.errors);
      c.setAlerts(outcome.alerts);
      c.setSavedNote(savedAll ? t('options.saved') : '');
      // What was tested is stored now: the test's answer stands without "Not saved yet".
      if (savedAll) c.setAccount((before) => before && { tone: before.tone, text: before.text });
      // The key it replaced had been written in clear: said now, beside the test's answer.
      if (outcome.leftPlainCopy) {
        c.setAccount((before) => ({
          tone: before?.tone ?? 'info',
          text: before?.text ?? '',
          plainCopy: true,
        }));
      }
    });
    focusFirstInvalid(outcome.errors);
    return savedAll;
  } catch (error) {
    console.error(error);
    c.setAlerts([noAnswerMessage()]);
    return false;
  }
}

async function act(c: Context, kind: Exclude<Busy, null>, action: () => Promise<unknown>) {
  if (c.working.current) return;
  c.working.current = true;
  c.setBusy(kind);
  try {
    await action();
  } finally {
    c.working.current = false;
    c.setBusy(null);
  }
}

/**
 * Tests what is typed — a new key, another base URL — without saving it: only Save stores.
 * A test of the saved account teaches the background the key's mode and networks.
 */
async function testConnection(c: Context): Promise<void> {
  const { values, stored, profileId } = c;
  c.setAccount({ tone: 'info', text: t('options.account.testing') });
  const typedKey = c.apiKey.trim();
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
    c.setAccount(
      answer.ok
        ? { tone: 'success', text: answer.message, ...(unsaved ? { unsaved: true } : {}) }
        : { tone: 'error', text: answer.error.message },
    );
    if (unsaved) return;
    // The test teaches the background the key's mode and the networks on offer.
    const fresh = await ask({ type: 'getState' });
    const learned = answer.ok && answer.mode !== 'unknown' ? answer.mode : fresh.key.mode;
    c.setKeyStatus(fresh.key.set ? { ...fresh.key, mode: learned } : fresh.key);
    c.setStored((before) => ({ ...before, networks: fresh.settings.networks }));
  } catch (error) {
    console.error(error);
    c.setAccount({ tone: 'error', text: noAnswerMessage() });
  }
}

async function removeKey(c: Context): Promise<void> {
  try {
    const answer = await ask({ type: 'clearKey', profileId: c.profileId });
    if (!answer.ok) {
      c.setAccount({ tone: 'error', text: answer.error.message });
      return;
    }
    flushSync(() => {
      c.setKeyStatus(answer.key);
      c.setAccount({
        tone: 'info',
        text: t('options.account.keyRemoved'),
        ...(answer.leftPlainCopy ? { plainCopy: true } : {}),
      });
    });
    document.getElementById(fieldId('apiKey'))?.focus();
  } catch (error) {
    console.error(error);
    c.setAccount({ tone: 'error', text: noAnswerMessage() });
  }
}

/** The host the typed base URL would send the key to, when it needs the user's word. */
function originToConfirm(values: SettingsValues): string | undefined {
  const typedBase = validateBaseUrl(values.baseUrl);
  return typedBase.ok ? originNeedingConfirmation(typedBase.value) : undefined;
}

function confirmKeyHost(c: Context, confirmed: boolean): void {
  const origin = originToConfirm(c.values);
  if (origin === undefined) return;
  if (!confirmed) {
    edited(c, 'confirmedKeyOrigin', undefined);
    return;
  }
  // Asked before anything else is awaited, while the click still counts as the user's.
  void requestHostGrant(origin).then((granted) => {
    if (granted) {
      edited(c, 'confirmedKeyOrigin', origin);
      c.setAccount(null);
    } else {
      c.setAccount({
        tone: 'error',
        text: t('options.account.confirmHostDenied', { host: hostOf(origin) }),
      });
    }
  });
}

/** Reads the profile's invoice logo once; one chosen before the answer came is kept. */
function useStoredLogo(profileId: string, setLogo: Setter<Logo>): void {
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
  }, [profileId, setLogo]);
}

export interface SettingsFormOptions {
  /** The state of the profile this page edits (the active one when it was loaded). */
  initial: State;
  /** Told whether anything typed is not saved yet (ProfilesSection holds switching then). */
  onDirtyChange?: ((dirty: boolean) => void) | undefined;
  /** The state as another window last left it: shown at once while nothing is typed. */
  latest?: State | undefined;
}

/** The settings form's state and actions: SettingsPage.tsx only lays out its sections. */
export function useSettingsForm({ initial, onDirtyChange, latest }: SettingsFormOptions) {
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
  const [logo, setLogo] = useState<Logo>({ saved: null, current: null });
  const [numberNote, setNumberNote] = useState<string | undefined>(undefined);
  const working = useRef(false);
  const storedValues = valuesOf(stored);
  const dirty =
    apiKey.trim() !== '' ||
    logo.current !== logo.saved ||
    VALUE_FIELDS.some((field) => values[field] !== storedValues[field]);

  useStoredLogo(profileId, setLogo);
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

  const c: Context = {
    profileId,
    stored,
    setStored,
    values,
    setValues,
    apiKey,
    setApiKey,
    lockPassphrase,
    setLockPassphrase,
    setErrors,
    setAlerts,
    setSavedNote,
    setAccount,
    setBusy,
    logo,
    setLogo,
    setNumberNote,
    setKeyStatus,
    working,
  };
  const origin = originToConfirm(values);
  const keyHost: KeyHost | undefined =
    origin === undefined
      ? undefined
      : { host: hostOf(origin), confirmed: values.confirmedKeyOrigin === origin };

  return {
    profileId,
    page: { stored, keyStatus, values, apiKey, lockPassphrase, errors, alerts, savedNote },
    status: { account, busy, logo, numberNote, keyHost },
    setKeyStatus,
    setNumberNote,
    setSavedNote,
    setLogo,
    edited: <K extends keyof SettingsValues>(field: K, value: SettingsValues[K]) =>
      edited(c, field, value),
    confirmKeyHost: (confirmed: boolean) => confirmKeyHost(c, confirmed),
    editedKey(value: string) {
      setApiKey(value);
      setErrors(({ apiKey: _gone, ...rest }) => rest);
      setSavedNote('');
    },
    editedLockPassphrase(value: string) {
      setLockPassphrase(value);
      setErrors(({ lockPassphrase: _gone, ...rest }) => rest);
    },
    save(event: FormEvent<HTMLFormElement>) {
      event.preventDefault();
      setSavedNote('');
      void act(c, 'save', () => runSave(c));
    },
    testConnection: () => void act(c, 'test', () => testConnection(c)),
    removeKey: () => void act(c, 'remove', () => removeKey(c)),
  };
}
