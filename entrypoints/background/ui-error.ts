import { fieldForApiPath } from '../../lib/draft.ts';
import { t } from '../../lib/i18n.ts';
import type { UiError } from '../../lib/messages.ts';
import {
  describePayfectError,
  mayHaveReachedPayfect,
  type FieldError,
  type PayfectError,
} from '../../lib/payfect/index.ts';

type ValidationError = Extract<PayfectError, { kind: 'validation' }>;

/**
 * Payfect's field errors the form can show beside a field go into `fields`; the others stay
 * in the sentence, since there is no field to put them next to.
 */
function validationUiError(error: ValidationError): UiError {
  const fields: Record<string, string> = {};
  const unmapped: FieldError[] = [];
  for (const field of error.fields) {
    const key = fieldForApiPath(field.path);
    if (key === undefined) unmapped.push(field);
    else fields[key] = [fields[key], ...field.messages].filter(Boolean).join(' ');
  }
  const message = describePayfectError({ ...error, fields: unmapped });
  if (Object.keys(fields).length === 0) return { kind: 'validation', message };
  return { kind: 'validation', message: t('background.seeMarkedFields', { message }), fields };
}

/** A Payfect failure as the UI shows it. The client has already scrubbed the key from it. */
export function uiErrorFromPayfect(error: PayfectError): UiError {
  if (error.kind === 'validation') return validationUiError(error);
  return { kind: error.kind, message: describePayfectError(error) };
}

/**
 * A failed create as the form shows it, warning when a retry could make a second link: after
 * a timeout, a dropped connection, a 5xx or an unreadable answer, Payfect may have created the
 * session, and "try again" alone would invite a second checkout for the same work.
 */
export function uiErrorFromFailedCreate(error: PayfectError): UiError {
  const shown = uiErrorFromPayfect(error);
  if (!mayHaveReachedPayfect(error)) return shown;
  return { ...shown, message: t('background.maybeCreated', { message: shown.message }) };
}
