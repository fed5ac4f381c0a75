import type { FieldErrors } from '../../../lib/draft.ts';
import type { UiError } from '../../../lib/messages.ts';
import { noAnswerMessage } from '../../../utils/ask.ts';

/** A failed create as the form shows it: an alert, messages beside fields, a way out. */
export interface FormError {
  readonly message: string;
  readonly fields: FieldErrors;
  /**
   * A missing or rejected key, or a host not confirmed for it, is fixed in Settings: the
   * alert offers to go there.
   */
  readonly openSettings: boolean;
}

export function formErrorFrom(error: UiError): FormError {
  return {
    message: error.message,
    fields: error.fields ?? {},
    openSettings:
      error.kind === 'auth' || error.kind === 'no_key' || error.kind === 'unconfirmed_host',
  };
}

/** The background did not answer a create (and its record does not tell the outcome). */
export function backgroundSilent(): FormError {
  return { message: noAnswerMessage(), fields: {}, openSettings: false };
}
