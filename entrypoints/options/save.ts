import { settingsDefaults } from '../../lib/draft.ts';
import type { FieldErrors } from '../../lib/draft.ts';
import { templateForStorage } from '../../lib/message-template.ts';
import { reminderForStorage } from '../../lib/reminder-template.ts';
import type { KeyStatus, UiError } from '../../lib/messages.ts';
import { checkTerms, termsDays } from '../../lib/payment-terms.ts';
import type { Settings } from '../../lib/settings.ts';
import { ask } from '../../utils/ask.ts';
import {
  businessOf,
  historyCapError,
  invoiceNumberError,
  parseInvoiceNumber,
  isFormField,
  parseHistoryCap,
  parseReminderMinutes,
  reminderError,
  type SettingsValues,
} from './values.ts';

export interface SaveOutcome {
  /** The settings as stored (the base URL normalised), when they were saved. */
  readonly settings: Settings | undefined;
  /** The new key's status, when a key was typed and saved. */
  readonly key: KeyStatus | undefined;
  /** The key it replaced had been written in clear: a copy may remain on disk. */
  readonly leftPlainCopy: boolean;
  readonly errors: FieldErrors;
  /** Sentences for failures the page has no field for. */
  readonly alerts: readonly string[];
  /** The invoice logo as shown was saved (or there was nothing to save). */
  readonly logoSaved: boolean;
}

function collect(error: UiError, errors: FieldErrors, alerts: string[], field?: string): void {
  const fields = Object.entries(error.fields ?? {});
  if (fields.length === 0 && field) {
    errors[field] = error.message;
    return;
  }
  alerts.push(error.message);
  for (const [key, message] of fields) {
    if (isFormField(key)) errors[key] = message;
    else alerts.push(message);
  }
}

/**
 * Saves everything on the page: the settings, then the key if one was typed. Both are
 * tried, so a wrong base URL, history limit or reminder does not throw away a pasted key. Throws
 * (BackgroundError) only when the background does not answer.
 */
export async function saveAll(
  values: SettingsValues,
  apiKey: string,
  stored: Settings,
  profileId?: string,
  /** Chosen with the key: it is sealed before its first write (key-store.ts saveApiKey). */
  lockPassphrase = '',
  /** The invoice logo: sent only when it changed. */
  logo: { saved: string | null; current: string | null } = { saved: null, current: null },
): Promise<SaveOutcome> {
  const errors: FieldErrors = {};
  const alerts: string[] = [];
  let settings: Settings | undefined;
  const historyCap = parseHistoryCap(values.historyCap);
  const reminderMinutes = parseReminderMinutes(values.reminderMinutes);
  const nextNumber = parseInvoiceNumber(values['business.nextInvoiceNumber']);
  if (historyCap === null) errors.historyCap = historyCapError();
  if (reminderMinutes === null) errors.reminderMinutes = reminderError();
  if (nextNumber === null) errors['business.nextInvoiceNumber'] = invoiceNumberError();
  const termsError = checkTerms(values.paymentTerms ?? '');
  if (termsError !== undefined) errors.paymentTerms = termsError;
  if (historyCap !== null && reminderMinutes !== null && nextNumber !== null && !termsError) {
    const answer = await ask({
      type: 'saveSettings',
      settings: {
        ...stored,
        baseUrl: values.baseUrl,
        ...settingsDefaults(values),
        paymentTerms: String(termsDays(values.paymentTerms ?? '')),
        // Set explicitly (undefined too), so a page that has none overrides the stored one.
        confirmedKeyOrigin: values.confirmedKeyOrigin,
        messageTemplate: templateForStorage(values.messageTemplate),
        reminderTemplate: reminderForStorage(values.reminderTemplate),
        historyCap,
        reminderMinutes,
        lockAfterMinutes: Number(values.lockAfterMinutes),
        business: businessOf(values, nextNumber),
      },
      profileId,
    });
    if (answer.ok) settings = answer.settings;
    else collect(answer.error, errors, alerts);
  }
  let key: KeyStatus | undefined;
  let leftPlainCopy = false;
  const typedKey = apiKey.trim();
  if (typedKey !== '') {
    const keyAnswer = await ask({
      type: 'saveKey',
      apiKey: typedKey,
      profileId,
      ...(lockPassphrase === '' ? {} : { passphrase: lockPassphrase }),
    });
    if (keyAnswer.ok) {
      key = keyAnswer.key;
      leftPlainCopy = keyAnswer.leftPlainCopy === true;
    } else if (keyAnswer.error.fields?.passphrase !== undefined) {
      errors.lockPassphrase = keyAnswer.error.fields.passphrase;
    } else collect(keyAnswer.error, errors, alerts, 'apiKey');
  }
  let logoSaved = logo.current === logo.saved;
  if (!logoSaved) {
    const logoAnswer = await ask({ type: 'saveLogo', logo: logo.current, profileId });
    if (logoAnswer.ok) logoSaved = true;
    else alerts.push(logoAnswer.error.message);
  }
  return {
    settings,
    key,
    leftPlainCopy,
    errors,
    alerts,
    logoSaved,
  };
}
