import { useState } from 'react';
import type { SessionRecord } from '../../../lib/history.ts';
import type { RequestOf, UiError } from '../../../lib/messages.ts';
import { ask, noAnswerMessage } from '../../../utils/ask.ts';

/** What a row's dialog sends: a change to one session, answered with the session as stored. */
type SessionRequest =
  RequestOf<'updateSessionNotes'> | RequestOf<'voidInvoice'> | RequestOf<'correctInvoice'>;

/**
 * How a row's dialog (Note, Correct details, Void invoice) sends its change: one request at
 * a time; once stored, `onDone` with the session as the background stored it; a refusal or
 * no answer at all is said in the form (`failure`), which stays filled to try again.
 */
export function useSessionSend(onDone: (after: SessionRecord) => void) {
  const [failure, setFailure] = useState('');
  const [saving, setSaving] = useState(false);

  /** `onRefused` also gets the refusal, for the fields it names. */
  async function send(request: SessionRequest, onRefused?: (error: UiError) => void) {
    if (saving) return;
    setSaving(true);
    setFailure('');
    try {
      const answer = await ask(request);
      if (answer.ok) onDone(answer.session);
      else {
        onRefused?.(answer.error);
        setFailure(answer.error.message);
      }
    } catch (error) {
      console.error(error);
      setFailure(noAnswerMessage());
    } finally {
      setSaving(false);
    }
  }

  return { failure, saving, send };
}
