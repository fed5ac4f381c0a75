import { fieldForApiPath } from '../../lib/draft.ts';
import type { UiError } from '../../lib/messages.ts';
import {
  describePayfectError,
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
  return { kind: 'validation', message: `${message} See the marked fields.`, fields };
}

/** A Payfect failure as the UI shows it. The client has already scrubbed the key from it. */
export function uiErrorFromPayfect(error: PayfectError): UiError {
  if (error.kind === 'validation') return validationUiError(error);
  return { kind: error.kind, message: describePayfectError(error) };
}
