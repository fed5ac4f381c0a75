import { useState, type KeyboardEvent } from 'react';
import { t } from '../../lib/i18n.ts';
import type { KeyStatus, RequestOf } from '../../lib/messages.ts';
import { ask, noAnswerMessage } from '../../utils/ask.ts';

export type KeyRequest = RequestOf<'setPassphrase' | 'unlockKey' | 'lockKey' | 'removePassphrase'>;

export interface PassphraseOptions {
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

/** The passphrases as typed, the request they make, and its sending. */
export function usePassphrase({ profileId, keyStatus, onKeyStatus }: PassphraseOptions) {
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

  const locked = keyStatus.lock === 'locked';
  const unlocked = keyStatus.lock === 'unlocked';
  const typed: KeyRequest = locked
    ? { type: 'unlockKey', passphrase }
    : unlocked
      ? { type: 'setPassphrase', passphrase, current }
      : { type: 'setPassphrase', passphrase };

  return {
    passphrase,
    current,
    errors,
    note,
    busy,
    locked,
    unlocked,
    editPassphrase(value: string) {
      setPassphrase(value);
      setErrors({});
    },
    editCurrent(value: string) {
      setCurrent(value);
      setErrors({});
    },
    // Enter here acts on the passphrase, not on the page's Save.
    onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      void send(typed);
    },
    sendTyped: () => void send(typed),
    lockNow: () => void send({ type: 'lockKey' }),
    remove: () => void send({ type: 'removePassphrase', current }),
  };
}
