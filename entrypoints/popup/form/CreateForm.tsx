import { useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { fieldId, SelectField, TextAreaField, TextField } from '../../../components/Field.tsx';
import { StatusMessage } from '../../../components/StatusMessage.tsx';
import {
  draftTotal,
  hasPricedItems,
  validateDraft,
  type Draft,
  type FieldErrors,
} from '../../../lib/draft.ts';
import { formatAmount } from '../../../lib/format.ts';
import type { SessionRecord } from '../../../lib/history.ts';
import { t } from '../../../lib/i18n.ts';
import { nextInvoiceNumber, type Client } from '../../../lib/invoice.ts';
import { MAX_ITEMS } from '../../../lib/order.ts';
import type { Picked } from '../../../lib/saved-items.ts';
import { CURRENCIES, DEFAULT_NETWORKS, type Settings } from '../../../lib/settings.ts';
import { openSettings } from '../../../utils/navigation.ts';
import {
  canAddItem,
  errorsAfterRemoval,
  firstInvalidField,
  hasMoreOptionsError,
  itemKey,
  ITEMS_KEY,
  strayErrors,
  withItemAdded,
  withItemField,
  withItemRemoved,
  withoutError,
  type ItemField,
  type TopField,
} from './draft-edit.ts';
import type { FormError } from './form-error.ts';
import { ClientName } from './ClientName.tsx';
import { endPrerendered, sameDraft, typedDraft } from '../start/first-screen.ts';
import { useFirstScreen } from '../start/keeper.ts';
import { LineItemFields } from './LineItemFields.tsx';
import { SavedItems } from './SavedItems.tsx';
import { submitOrder } from './submit.ts';
import { useDraft } from './useDraft.ts';
import type { LiveQuestion } from '../view.ts';

interface CreateFormProps {
  /** The profile whose settings these are: the link is made with its key. */
  profileId?: string | undefined;
  settings: Settings;
  initialDraft: Draft;
  initialError: FormError | null;
  /** A status line above the items, until the form is submitted. */
  initialNotice?: string;
  onCreated: (requestId: string, session: SessionRecord) => Promise<void>;
  onPending: (requestId: string, startedAt: number, draft: Draft) => void;
  /** The last link made (its total), shown again by "Last link" while the form is empty. */
  lastLink?: { total: string; onShow: () => void } | undefined;
  /**
   * Asked once before the profile's first live link (view.ts liveQuestion): 'live' for a key
   * known to be live, 'maybe' for one not used yet.
   */
  liveQuestion?: LiveQuestion | undefined;
  /** Hydrated from the first screen popup-boot drew: it may hold typing, and a held submit. */
  hydrated?: boolean;
}

export function CreateForm({
  profileId,
  settings,
  initialDraft,
  initialError,
  initialNotice,
  onCreated,
  onPending,
  lastLink,
  liveQuestion,
  hydrated = false,
}: CreateFormProps) {
  const { draft, update, current } = useDraft(initialDraft);
  const firstScreen = useFirstScreen();
  const [errors, setErrors] = useState<FieldErrors>(() => initialError?.fields ?? {});
  const [alert, setAlert] = useState<FormError | null>(initialError);
  const [notice, setNotice] = useState(initialNotice);
  // Beside the Currency field once a picked template changed it: never a silent switch.
  const [currencyNote, setCurrencyNote] = useState<string | undefined>(undefined);
  const [moreOpen, setMoreOpen] = useState(() => hasMoreOptionsError(initialError?.fields ?? {}));
  const [busy, setBusy] = useState(false);
  // The first-live-link question, on screen; answered once, it is not asked again here.
  const [asking, setAsking] = useState(false);
  const liveConfirmed = useRef(false);
  // State alone would let a second click or Enter through before React re-renders.
  const inFlight = useRef(false);
  const submitButton = useRef<HTMLButtonElement>(null);
  const formElement = useRef<HTMLFormElement>(null);

  // Hydrated: what was typed before React took over is adopted (React leaves the fields'
  // values, but its state would not have them), and a Create link pressed or a button
  // clicked meanwhile (popup-boot holds it) is pressed again, now that there is a handler.
  useLayoutEffect(() => {
    if (!hydrated) return;
    const typed = typedDraft(current());
    if (!sameDraft(typed, current())) update(() => typed);
    const root = formElement.current?.closest<HTMLElement>('#root');
    const held = root ? endPrerendered(root) : null;
    performance.mark('popup-hydrated');
    if (held === 'submit') formElement.current?.requestSubmit();
    else held?.click();
    // Once, as the form mounts.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const networks = settings.networks.length > 0 ? settings.networks : DEFAULT_NETWORKS;
  const total = draftTotal(draft);
  const currencyLabel = draft.currency.toUpperCase();

  function setTop(field: TopField, value: string) {
    update((before) => ({ ...before, [field]: value }));
    setErrors((before) => withoutError(before, field));
    if (field === 'currency') setCurrencyNote(undefined);
  }

  /** A client chosen from the suggestions fills the email and address left empty. */
  function fillClient(client: Client) {
    update((before) => ({
      ...before,
      clientEmail: before.clientEmail?.trim() ? before.clientEmail : client.email,
      clientAddress: before.clientAddress?.trim() ? before.clientAddress : client.address,
    }));
  }

  function setItem(index: number, field: ItemField, value: string) {
    update((before) => withItemField(before, index, field, value));
    setErrors((before) => withoutError(before, itemKey(index, field)));
  }

  /**
   * A price or quantity is checked as its field is left, not only at Create link: "15.000,50"
   * or "$80" on a USDT form says what is wrong while the user is still there. An empty
   * field is not flagged yet (Tab may pass through it on the way).
   */
  function checkLeftField(index: number, field: ItemField) {
    const draftNow = current();
    if ((draftNow.items[index]?.[field] ?? '').trim() === '') return;
    const checked = validateDraft(draftNow, { baseUrl: settings.baseUrl });
    const key = itemKey(index, field);
    const message = checked.ok ? undefined : checked.error[key];
    setErrors((before) => (message ? { ...before, [key]: message } : withoutError(before, key)));
  }

  function focusField(key: string) {
    const element = document.getElementById(fieldId(key));
    if (!element) return;
    element.focus({ preventScroll: true });
    // The whole field, its message included, clear of the sticky header and footer.
    (element.closest('.field') ?? element).scrollIntoView({ block: 'center' });
  }

  function addItem() {
    const index = current().items.length;
    flushSync(() => {
      update(withItemAdded);
      setErrors((before) => withoutError(before, ITEMS_KEY));
    });
    focusField(itemKey(index, 'name'));
  }

  function removeItem(index: number) {
    flushSync(() => {
      update((before) => withItemRemoved(before, index));
      setErrors((before) => errorsAfterRemoval(before, index));
    });
    focusField(itemKey(Math.min(index, current().items.length - 1), 'name'));
  }

  /** Shows the errors and moves focus to the first marked field, or to the button. */
  function showErrors(nextErrors: FieldErrors, nextAlert: FormError | null) {
    flushSync(() => {
      setErrors(nextErrors);
      setAlert(nextAlert);
      setBusy(false);
      if (hasMoreOptionsError(nextErrors)) setMoreOpen(true);
    });
    const first = firstInvalidField(current(), nextErrors);
    if (first) focusField(first);
    else submitButton.current?.focus();
  }

  /** Fills the items from a saved template, then hands Enter to "Create link". */
  function pickTemplate(picked: Picked, name: string) {
    flushSync(() => {
      update(() => picked.draft);
      // The replaced empty item's errors ("Enter a price.") no longer apply.
      if (picked.replaced) setErrors((before) => errorsAfterRemoval(before, 0));
      if (picked.currencyChangedFrom !== undefined) {
        setErrors((before) => withoutError(before, 'currency'));
        setCurrencyNote(
          t('savedItems.currencyChanged', { currency: picked.draft.currency.toUpperCase(), name }),
        );
      }
      setNotice(undefined);
    });
    submitButton.current?.focus();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (inFlight.current) return;
    const submitted = current();
    const checked = validateDraft(submitted, { baseUrl: settings.baseUrl });
    if (!checked.ok) {
      showErrors(checked.error, null);
      return;
    }
    if (liveQuestion !== undefined && !liveConfirmed.current) {
      setAsking(true);
      return;
    }
    setAsking(false);
    inFlight.current = true;
    firstScreen.rememberCreating(true);
    setBusy(true);
    setNotice(undefined);
    setAlert(null);
    setErrors({});
    const outcome = await submitOrder(checked.value, profileId);
    switch (outcome.kind) {
      case 'created':
        await onCreated(outcome.requestId, outcome.session);
        return;
      case 'pending':
        onPending(outcome.requestId, outcome.startedAt, submitted);
        return;
      case 'failed':
        inFlight.current = false;
        firstScreen.rememberCreating(false);
        showErrors(outcome.error.fields, outcome.error);
        return;
    }
  }

  const stray = alert ? strayErrors(draft, alert.fields) : [];

  return (
    <form
      ref={formElement}
      className="create-form"
      noValidate
      onSubmit={(event) => void submit(event)}
    >
      <div className="form-body">
        {notice && <StatusMessage>{notice}</StatusMessage>}
        <SavedItems
          current={current}
          onPicked={pickTemplate}
          onInvalidItems={(itemErrors) => showErrors(itemErrors, null)}
        />
        {draft.items.map((item, index) => (
          <LineItemFields
            // Items have no id of their own; the index is what the field names use too.
            key={index}
            index={index}
            item={item}
            errors={errors}
            onChange={(field, value) => setItem(index, field, value)}
            onLeave={(field) => checkLeftField(index, field)}
            onRemove={draft.items.length > 1 ? () => removeItem(index) : undefined}
            // Hydrated, the field had it from the drawn page (autofocus) and the user may
            // have moved on since.
            autoFocusName={index === 0 && initialError === null && !hydrated}
          />
        ))}
        <div className="add-item">
          <button
            type="button"
            id={fieldId(ITEMS_KEY)}
            className="button button--small"
            onClick={addItem}
            disabled={!canAddItem(draft)}
            aria-describedby={errors[ITEMS_KEY] ? `${fieldId(ITEMS_KEY)}-error` : undefined}
          >
            <span aria-hidden="true">+</span> {t('popup.form.addItem')}
          </button>
          {errors[ITEMS_KEY] ? (
            <p id={`${fieldId(ITEMS_KEY)}-error`} className="field-error">
              {errors[ITEMS_KEY]}
            </p>
          ) : (
            !canAddItem(draft) && (
              <p className="field-hint">{t('popup.form.maxItems', { max: MAX_ITEMS })}</p>
            )
          )}
        </div>

        <div className="row">
          <SelectField
            id={fieldId('currency')}
            label={t('popup.form.currency')}
            value={draft.currency}
            onValueChange={(value) => setTop('currency', value)}
            choices={CURRENCIES}
            error={errors.currency}
            hint={currencyNote}
          />
          <SelectField
            id={fieldId('network')}
            label={t('popup.form.network')}
            value={draft.network}
            onValueChange={(value) => setTop('network', value)}
            choices={networks}
            error={errors.network}
          />
        </div>

        <div className="row">
          <ClientName
            value={draft.clientName ?? ''}
            error={errors.clientName}
            onValueChange={(value) => setTop('clientName', value)}
            onKnownClient={fillClient}
          />
          <TextField
            id={fieldId('reference')}
            label={t('popup.form.reference')}
            value={draft.reference}
            onValueChange={(value) => setTop('reference', value)}
            error={errors.reference}
            // Left empty, the link's invoice number is its reference.
            placeholder={nextInvoiceNumber(settings.business)}
            title={t('popup.form.referenceHint')}
            autoComplete="off"
            spellCheck={false}
          />
        </div>

        <details
          className="more"
          open={moreOpen}
          onToggle={(event) => setMoreOpen(event.currentTarget.open)}
        >
          <summary>{t('popup.form.moreOptions')}</summary>
          <div className="more-fields">
            <TextField
              id={fieldId('clientEmail')}
              label={t('popup.form.clientEmail')}
              value={draft.clientEmail ?? ''}
              onValueChange={(value) => setTop('clientEmail', value)}
              error={errors.clientEmail}
              type="email"
              inputMode="email"
              spellCheck={false}
            />
            <TextAreaField
              id={fieldId('clientAddress')}
              label={t('popup.form.clientAddress')}
              value={draft.clientAddress ?? ''}
              onValueChange={(value) => setTop('clientAddress', value)}
              error={errors.clientAddress}
              rows={2}
            />
            <TextField
              id={fieldId('poNumber')}
              label={t('popup.form.poNumber')}
              value={draft.poNumber ?? ''}
              onValueChange={(value) => setTop('poNumber', value)}
              error={errors.poNumber}
              spellCheck={false}
            />
            <TextField
              id={fieldId('successUrl')}
              label={t('popup.form.successUrl')}
              value={draft.successUrl}
              onValueChange={(value) => setTop('successUrl', value)}
              error={errors.successUrl}
              type="url"
              inputMode="url"
              placeholder="https://"
              spellCheck={false}
            />
            <TextField
              id={fieldId('cancelUrl')}
              label={t('popup.form.cancelUrl')}
              value={draft.cancelUrl}
              onValueChange={(value) => setTop('cancelUrl', value)}
              error={errors.cancelUrl}
              type="url"
              inputMode="url"
              placeholder="https://"
              spellCheck={false}
            />
            <TextField
              id={fieldId('callbackUrl')}
              label={t('popup.form.callbackUrl')}
              value={draft.callbackUrl}
              onValueChange={(value) => setTop('callbackUrl', value)}
              error={errors.callbackUrl}
              type="url"
              inputMode="url"
              placeholder="https://"
              spellCheck={false}
            />
          </div>
        </details>
      </div>

      <div className="form-footer">
        {asking && liveQuestion !== undefined && (
          // Not an alert: focus moves to its button, which the question describes.
          <div className="message message--warning live-question">
            <p id="live-question">
              <strong>{t('popup.live.title')}</strong>{' '}
              {liveQuestion === 'live' ? t('popup.live.known') : t('popup.live.maybe')}
            </p>
            <div className="live-question-actions">
              <button
                type="button"
                className="button button--primary button--small"
                aria-describedby="live-question"
                // Enter on the form's button got here; Enter again creates it.
                autoFocus
                onClick={(event) => {
                  liveConfirmed.current = true;
                  event.currentTarget.form?.requestSubmit();
                }}
              >
                {t('popup.live.confirm')}
              </button>
              <button
                type="button"
                className="button button--small"
                onClick={() => {
                  setAsking(false);
                  submitButton.current?.focus();
                }}
              >
                {t('common.cancel')}
              </button>
            </div>
          </div>
        )}
        {alert && (
          <StatusMessage tone="error">
            <p>{alert.message}</p>
            {stray.length > 0 && (
              <ul>
                {stray.map((message) => (
                  <li key={message}>{message}</li>
                ))}
              </ul>
            )}
            {alert.openSettings && (
              <button type="button" className="button button--small" onClick={openSettings}>
                {t('common.openSettings')}
              </button>
            )}
          </StatusMessage>
        )}
        <div className="footer-row">
          {lastLink && !hasPricedItems(draft) ? (
            // Nothing priced yet: the total says nothing, the link just made may be wanted.
            <button
              type="button"
              className="button button--quiet button--small last-link"
              onClick={lastLink.onShow}
            >
              {t('popup.form.lastLink', { total: lastLink.total })}
            </button>
          ) : (
            <p className="total">
              {t('popup.form.total')}{' '}
              <strong>
                {formatAmount(total ?? '0.00')} {currencyLabel}
              </strong>
            </p>
          )}
          <button
            ref={submitButton}
            type="submit"
            className="button button--primary"
            disabled={busy}
          >
            {busy ? t('popup.form.creating') : t('popup.form.createLink')}
          </button>
        </div>
      </div>
    </form>
  );
}
