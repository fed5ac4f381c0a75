import { emptyDraft, type Draft } from '../../lib/draft.ts';
import type { SessionRecord } from '../../lib/history.ts';
import type { State } from '../../lib/messages.ts';
import { withFormChoice } from '../../lib/form-choice.ts';
import { issueInvoiceNumber, nextInvoiceNumber } from '../../lib/invoice.ts';
import type { Settings } from '../../lib/settings.ts';
import { formErrorFrom, type FormError } from './form/form-error.ts';

/** Whether the link reached the clipboard on its own when the result appeared. */
export type AutoCopy = 'copied' | 'failed' | 'none';

export type View =
  | { readonly kind: 'loading' }
  | { readonly kind: 'unreachable' }
  | { readonly kind: 'noKey' }
  | { readonly kind: 'locked' }
  | {
      readonly kind: 'form';
      readonly draft: Draft;
      readonly error: FormError | null;
      /** A status line above the form (what selected text changed in it). */
      readonly notice?: string;
    }
  | {
      readonly kind: 'pending';
      readonly requestId: string;
      readonly startedAt: number;
      /** The form to go back to if the create fails. */
      readonly draft: Draft;
    }
  | {
      readonly kind: 'result';
      readonly requestId: string;
      readonly session: SessionRecord;
      readonly autoCopy: AutoCopy;
    };

/** The settings once `session` took its invoice number, as the background has them now. */
export function afterInvoice(settings: Settings, session: SessionRecord): Settings {
  if (session.invoiceNumber !== nextInvoiceNumber(settings.business)) return settings;
  return { ...settings, business: issueInvoiceNumber(settings.business, {}).business };
}

/** An empty form; its empty Reference becomes the link's invoice number. */
export function freshDraft(settings: Settings): Draft {
  return emptyDraft(settings, '');
}

/** The settings a new form starts from: the profile's, in its last link's currency and network. */
export function formSettings(state: State): Settings {
  return withFormChoice(state.settings, state.formChoice);
}

/**
 * What the popup opens on. A create in flight or finished comes first — even without a key
 * (it may have been removed since) a link once created is never hidden.
 */
export function initialView(state: State, storedDraft: Draft | null): View {
  const draft = storedDraft ?? freshDraft(formSettings(state));
  const last = state.lastCreate;
  if (last?.state === 'pending') {
    return { kind: 'pending', requestId: last.requestId, startedAt: last.startedAt, draft };
  }
  // A link not shown yet (the popup closed while it was made); once seen, a new form.
  if (last?.state === 'done' && last.seen !== true) {
    return { kind: 'result', requestId: last.requestId, session: last.session, autoCopy: 'none' };
  }
  if (!state.key.set) return { kind: 'noKey' };
  if (state.key.lock === 'locked') return { kind: 'locked' };
  if (last?.state === 'failed') {
    return { kind: 'form', draft, error: formErrorFrom(last.error) };
  }
  return { kind: 'form', draft, error: null };
}
