import type { FieldErrors } from '../../lib/draft.ts';
import type { UiError } from '../../lib/messages.ts';
import { NO_ANSWER_MESSAGE } from '../../utils/ask.ts';

/** A failed create as the form shows it: an alert, messages beside fields, a way out. */
export interface FormError {
  readonly message: string;
  readonly fields: FieldErrors;
  /** A missing or rejected key is fixed in Settings: the alert offers to go there. */
  readonly openSettings: boolean;
}

export function formErrorFrom(error: UiError): FormError {
  return {
    message: error.message,
    fields: error.fields ?? {},
    openSettings: error.kind === 'auth' || error.kind === 'no_key',
  };
}

export const BACKGROUND_SILENT: FormError = {
  message: NO_ANSWER_MESSAGE,
  fields: {},
  openSettings: false,
};
