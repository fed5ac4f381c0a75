import { useLayoutEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { fieldId } from '../../../components/Field.tsx';
import { validateDraft, type Draft, type FieldErrors } from '../../../lib/draft.ts';
import type { SessionRecord } from '../../../lib/history.ts';
import { t } from '../../../lib/i18n.ts';
import type { Client } from '../../../lib/invoice.ts';
import type { Picked } from '../../../lib/saved-items.ts';
import type { Settings } from '../../../lib/settings.ts';
import { endPrerendered, sameDraft, typedDraft } from '../start/first-screen.ts';
import { useFirstScreen, type FirstScreenMemory } from '../start/keeper.ts';
import { liveQuestionText, type LiveQuestion } from '../../../lib/live-question.ts';
import {
  errorsAfterRemoval,
  firstInvalidField,
  hasMoreOptionsError,
  itemKey,
  ITEMS_KEY,
  withItemAdded,
  withItemField,
  withItemRemoved,
  withoutError,
  type ItemField,
  type TopField,
} from './draft-edit.ts';
import type { FormError } from './form-error.ts';
import { submitOrder } from './submit.ts';
import { useDraft } from './useDraft.ts';

export interface CreateFormOptions {
  profileId?: string | undefined;
  settings: Settings;
  initialDraft: Draft;
  initialError: FormError | null;
  initialNotice?: string | undefined;
  onCreated: (requestId: string, session: SessionRecord) => Promise<void>;
  onPending: (requestId: string, startedAt: number, draft: Draft) => void;
  liveQuestion?: LiveQuestion | undefined;
  hydrated?: boolean | undefined;
}

type Setter<T> = (value: T | ((before: T) => T)) => void;

/** What the form's handlers work on: the draft, its messages, and what is under way. */
interface FormState {
  update: ReturnType<typeof useDraft>['update'];
  current: () => Draft;
  setErrors: Setter<FieldErrors>;
  setAlert: (alert: FormError | null) => void;
  setNotice: (notice: string | undefined) => void;
  setCurrencyNote: (note: string | undefined) => void;
  setMoreOpen: (open: boolean) => void;
  setBusy: (busy: boolean) => void;
  /** The live question's sentence while it is on screen. */
  setAsking: (asking: string | undefined) => void;
  liveConfirmed: RefObject<boolean>;
  inFlight: RefObject<boolean>;
  submitButton: RefObject<HTMLButtonElement | null>;
  formElement: RefObject<HTMLFormElement | null>;
  /** What keeps the next popup's first screen: told when a create starts and is refused. */
  firstScreen: FirstScreenMemory;
}

/**
 * Hydrated: what was typed before React took over is adopted (React leaves the fields'
 * values, but its state would not have them), and a Create link pressed or a button
 * clicked meanwhile (popup-boot holds it) is pressed again, now that there is a handler.
 */
function useAdoptFirstScreen(form: FormState, hydrated: boolean) {
  useLayoutEffect(() => {
    if (!hydrated) return;
    const typed = typedDraft(form.current());
    if (!sameDraft(typed, form.current())) form.update(() => typed);
    const root = form.formElement.current?.closest<HTMLElement>('#root');
    const held = root ? endPrerendered(root) : null;
    performance.mark('popup-hydrated');
    if (held === 'submit') form.formElement.current?.requestSubmit();
    else held?.click();
    // Once, as the form mounts.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}

function focusField(key: string) {
  const element = document.getElementById(fieldId(key));
  if (!element) return;
  element.focus({ preventScroll: true });
  // The whole field, its message included, clear of the sticky header and footer.
  (element.closest('.field') ?? element).scrollIntoView({ block: 'center' });
}

/** Shows the errors and moves focus to the first marked field, or to the button. */
function showErrors(form: FormState, nextErrors: FieldErrors, nextAlert: FormError | null) {
  flushSync(() => {
    form.setErrors(nextErrors);
    form.setAlert(nextAlert);
    form.setBusy(false);
    if (hasMoreOptionsError(nextErrors)) form.setMoreOpen(true);
  });
  const first = firstInvalidField(form.current(), nextErrors);
  if (first) focusField(first);
  else form.submitButton.current?.focus();
}

/** The edits a user makes to the fields, each clearing the error it answers. */
function useFormEdits(form: FormState, settings: Settings) {
  const { update, setErrors, current } = form;
  return {
    setTop(field: TopField, value: string) {
      update((before) => ({ ...before, [field]: value }));
      setErrors((before) => withoutError(before, field));
      if (field === 'currency') form.setCurrencyNote(undefined);
    },
    /** A client chosen from the suggestions fills the email and address left empty. */
    fillClient(client: Client) {
      update((before) => ({
        ...before,
        clientEmail: before.clientEmail?.trim() ? before.clientEmail : client.email,
        clientAddress: before.clientAddress?.trim() ? before.clientAddress : client.address,
      }));
    },
    setItem(index: number, field: ItemField, value: string) {
      update((before) => withItemField(before, index, field, value));
      setErrors((before) => withoutError(before, itemKey(index, field)));
    },
    /**
     * A price or quantity is checked as its field is left, not only at Create link:
     * "15.000,50" or "$80" on a USDT form says what is wrong while the user is still there.
     * An empty field is not flagged yet (Tab may pass through it on the way).
     */
    checkLeftField(index: number, field: ItemField) {
      const draftNow = current();
      if ((draftNow.items[index]?.[field] ?? '').trim() === '') return;
      const checked = validateDraft(draftNow, { baseUrl: settings.baseUrl });
      const key = itemKey(index, field);
      const message = checked.ok ? undefined : checked.error[key];
      setErrors((before) => (message ? { ...before, [key]: message } : withoutError(before, key)));
    },
    addItem() {
      const index = current().items.length;
      flushSync(() => {
        update(withItemAdded);
        setErrors((before) => withoutError(before, ITEMS_KEY));
      });
      focusField(itemKey(index, 'name'));
    },
    removeItem(index: number) {
      flushSync(() => {
        update((before) => withItemRemoved(before, index));
        setErrors((before) => errorsAfterRemoval(before, index));
      });
      focusField(itemKey(Math.min(index, current().items.length - 1), 'name'));
    },
    /** Fills the items from a saved template, then hands Enter to "Create link". */
    pickTemplate(picked: Picked, name: string) {
      flushSync(() => {
        update(() => picked.draft);
        // The replaced empty item's errors ("Enter a price.") no longer apply.
        if (picked.replaced) setErrors((before) => errorsAfterRemoval(before, 0));
        if (picked.currencyChangedFrom !== undefined) {
          setErrors((before) => withoutError(before, 'currency'));
          form.setCurrencyNote(
            t('savedItems.currencyChanged', {
              currency: picked.draft.currency.toUpperCase(),
              name,
            }),
          );
        }
        form.setNotice(undefined);
      });
      form.submitButton.current?.focus();
    },
    showErrors: (nextErrors: FieldErrors) => showErrors(form, nextErrors, null),
  };
}

/** Create link: checked, asked about once if live, then sent; its outcome goes up or back. */
async function submit(form: FormState, options: CreateFormOptions, event: FormEvent) {
  event.preventDefault();
  if (form.inFlight.current) return;
  const submitted = form.current();
  const checked = validateDraft(submitted, { baseUrl: options.settings.baseUrl });
  if (!checked.ok) {
    showErrors(form, checked.error, null);
    return;
  }
  const liveConfirmed = form.liveConfirmed.current;
  if (options.liveQuestion !== undefined && !liveConfirmed) {
    form.setAsking(liveQuestionText(options.liveQuestion));
    return;
  }
  // An answer goes with one create: a retry after a failure is asked again.
  form.liveConfirmed.current = false;
  form.setAsking(undefined);
  form.inFlight.current = true;
  form.firstScreen.rememberCreating(true);
  form.setBusy(true);
  form.setNotice(undefined);
  form.setAlert(null);
  form.setErrors({});
  const outcome = await submitOrder(checked.value, {
    profileId: options.profileId,
    liveConfirmed,
  });
  switch (outcome.kind) {
    case 'created':
      await options.onCreated(outcome.requestId, outcome.session);
      return;
    case 'pending':
      options.onPending(outcome.requestId, outcome.startedAt, submitted);
      return;
    case 'failed':
      form.inFlight.current = false;
      form.firstScreen.rememberCreating(false);
      showErrors(form, outcome.error.fields, outcome.error);
      return;
    case 'ask':
      // The worker knew better than this popup (another one made or learned something since):
      // the same question, and its answer sends the form again.
      form.inFlight.current = false;
      form.firstScreen.rememberCreating(false);
      form.setBusy(false);
      form.setAsking(outcome.question);
      return;
  }
}

/** The create form's state and what its parts call: CreateForm.tsx only lays them out. */
export function useCreateForm(options: CreateFormOptions) {
  const { initialDraft, initialError, initialNotice } = options;
  const { draft, update, current } = useDraft(initialDraft);
  const [errors, setErrors] = useState<FieldErrors>(() => initialError?.fields ?? {});
  const [alert, setAlert] = useState<FormError | null>(initialError);
  const [notice, setNotice] = useState(initialNotice);
  // Beside the Currency field once a picked template changed it: never a silent switch.
  const [currencyNote, setCurrencyNote] = useState<string | undefined>(undefined);
  const [moreOpen, setMoreOpen] = useState(() => hasMoreOptionsError(initialError?.fields ?? {}));
  const [busy, setBusy] = useState(false);
  // The first-live-link question's sentence while it is on screen; the answer is for one create.
  const [asking, setAsking] = useState<string | undefined>(undefined);
  const liveConfirmed = useRef(false);
  // State alone would let a second click or Enter through before React re-renders.
  const inFlight = useRef(false);
  const submitButton = useRef<HTMLButtonElement>(null);
  const formElement = useRef<HTMLFormElement>(null);
  const form: FormState = {
    update,
    current,
    setErrors,
    setAlert,
    setNotice,
    setCurrencyNote,
    setMoreOpen,
    setBusy,
    setAsking,
    liveConfirmed,
    inFlight,
    submitButton,
    formElement,
    firstScreen: useFirstScreen(),
  };
  useAdoptFirstScreen(form, options.hydrated ?? false);
  return {
    values: { draft, errors, alert, notice, currencyNote, moreOpen, busy, asking },
    submitButton,
    formElement,
    current,
    setMoreOpen,
    ...useFormEdits(form, options.settings),
    submit: (event: FormEvent<HTMLFormElement>) => void submit(form, options, event),
    confirmLive(element: HTMLFormElement | null) {
      liveConfirmed.current = true;
      element?.requestSubmit();
    },
    cancelLive() {
      setAsking(undefined);
      submitButton.current?.focus();
    },
  };
}
