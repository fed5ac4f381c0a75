import type { Ref } from 'react';
import { StatusMessage } from '../../../components/StatusMessage.tsx';
import { formatAmount } from '../../../lib/format.ts';
import { t } from '../../../lib/i18n.ts';
import { openSettings } from '../../../utils/navigation.ts';
import type { InvoiceTotals } from '../../../lib/tax.ts';
import type { FormError } from './form-error.ts';

interface LiveQuestionProps {
  /** Why it is asked (lib/live-question.ts liveQuestionText). */
  text: string;
  onConfirm: (form: HTMLFormElement | null) => void;
  onCancel: () => void;
}

/** "This creates a real payment link": not an alert; focus moves to its button, which it describes. */
function LiveQuestionBox({ text, onConfirm, onCancel }: LiveQuestionProps) {
  return (
    <div className="message message--warning live-question">
      <p id="live-question">
        <strong>{t('popup.live.title')}</strong> {text}
      </p>
      <div className="live-question-actions">
        <button
          type="button"
          className="button button--primary button--small"
          aria-describedby="live-question"
          // Enter on the form's button got here; Enter again creates it.
          autoFocus
          onClick={(event) => onConfirm(event.currentTarget.form)}
        >
          {t('popup.live.confirm')}
        </button>
        <button type="button" className="button button--small" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}

function FormAlert({ alert, stray }: { alert: FormError; stray: readonly string[] }) {
  return (
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
  );
}

/** "Net 119.99 · VAT 20% 24.00 ·", before the total (then the gross). */
function TaxedParts({ tax }: { tax: InvoiceTotals }) {
  return (
    <>
      {t('popup.form.net')} <strong>{formatAmount(tax.net)}</strong>
      {' · '}
      {t('popup.form.taxLine', { label: tax.label, rate: tax.rate })}{' '}
      <strong>{formatAmount(tax.tax)}</strong>
      {' · '}
    </>
  );
}

export interface FormFooterProps {
  /** The first-live-link question's sentence, while it is asked. */
  asking: string | undefined;
  onLiveConfirm: (form: HTMLFormElement | null) => void;
  onLiveCancel: () => void;
  alert: FormError | null;
  /** The alert's errors that no field shows. */
  stray: readonly string[];
  /** "Last link" instead of the total, while nothing is priced. */
  lastLink: { total: string; onShow: () => void } | undefined;
  total: string | undefined;
  /** Net, tax and gross, when tax applies: the total is then the gross. */
  tax?: InvoiceTotals | undefined;
  currencyLabel: string;
  /** The profile's default currency, when the form's is another: said once above the total. */
  usualCurrency: string | undefined;
  busy: boolean;
  submitButton: Ref<HTMLButtonElement>;
}

/** Under the fields: the live question, the alert, the total (or Last link) and Create link. */
export function FormFooter({ submitButton, ...props }: FormFooterProps) {
  const { asking, alert, lastLink, busy } = props;
  return (
    <div className="form-footer">
      {asking !== undefined && (
        <LiveQuestionBox
          text={asking}
          onConfirm={props.onLiveConfirm}
          onCancel={props.onLiveCancel}
        />
      )}
      {alert && <FormAlert alert={alert} stray={props.stray} />}
      {props.usualCurrency !== undefined && (
        <p className="currency-notice" id="currency-notice">
          {t('popup.form.notUsualCurrency', {
            currency: props.currencyLabel,
            usual: props.usualCurrency,
          })}
        </p>
      )}
      <div className="footer-row">
        {lastLink ? (
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
            {props.tax && <TaxedParts tax={props.tax} />}
            {t('popup.form.total')}{' '}
            <strong>
              {formatAmount(props.tax?.gross ?? props.total ?? '0.00')} {props.currencyLabel}
            </strong>
          </p>
        )}
        <button
          ref={submitButton}
          type="submit"
          className="button button--primary"
          disabled={busy}
          aria-describedby={props.usualCurrency === undefined ? undefined : 'currency-notice'}
        >
          {busy ? t('popup.form.creating') : t('popup.form.createLink')}
        </button>
      </div>
    </div>
  );
}
