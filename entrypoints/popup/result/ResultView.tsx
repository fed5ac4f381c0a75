import { useState } from 'react';
import { QrCode } from '../../../components/QrCode.tsx';
import { CopyButton } from '../../../components/CopyButton.tsx';
import { StatusMessage } from '../../../components/StatusMessage.tsx';
import { formatAmount } from '../../../lib/format.ts';
import { itemsSummary, type SessionRecord } from '../../../lib/history.ts';
import { t } from '../../../lib/i18n.ts';
import { invoicePagePath } from '../../../lib/invoice.ts';
import { fillMessageTemplate, formatExpiry, isConverted } from '../../../lib/message-template.ts';
import { PAYER_CRYPTO } from '../../../lib/order.ts';
import { isWebUrl, openInNewTab } from '../../../utils/navigation.ts';
import type { AutoCopy } from '../view.ts';

interface ResultViewProps {
  session: SessionRecord;
  messageTemplate: string;
  autoCopy: AutoCopy;
}

interface Status {
  readonly text: string;
  readonly tone: 'info' | 'success';
}

function statusAfterAutoCopy(autoCopy: AutoCopy): Status {
  switch (autoCopy) {
    case 'copied':
      return { text: t('popup.linkCopied'), tone: 'success' };
    case 'failed':
      return { text: t('popup.result.pressCopy'), tone: 'info' };
    case 'none':
      return { text: '', tone: 'info' };
  }
}

/**
 * The created link: copied, as a message, opened, as a QR code; and what it asks for. The
 * header's "New link" tab leaves it for a new form (the one control of that name).
 */
export function ResultView({ session, messageTemplate, autoCopy }: ResultViewProps) {
  const [status, setStatus] = useState<Status>(() => statusAfterAutoCopy(autoCopy));
  const currency = session.currency.toUpperCase();
  const linkIsWeb = isWebUrl(session.url);

  function report(copied: boolean, success: string) {
    setStatus(
      copied
        ? { text: success, tone: 'success' }
        : { text: t('popup.result.copyRefused'), tone: 'info' },
    );
  }

  return (
    <section className="result" aria-labelledby="result-title">
      <div className="result-head">
        <h2 id="result-title">{t('popup.result.title')}</h2>
        {session.isLivemode ? (
          <span className="badge badge--live">{t('popup.result.live')}</span>
        ) : (
          <span className="badge badge--test">{t('popup.result.testMode')}</span>
        )}
      </div>
      <p className="result-amount">
        {formatAmount(session.amountTotal)} {currency}
      </p>
      {isConverted(session) && (
        <p className="result-converted muted">
          {t('popup.result.converted', { coin: PAYER_CRYPTO.toUpperCase(), currency })}
        </p>
      )}
      <p className="result-items muted">{itemsSummary(session.items)}</p>

      {linkIsWeb ? (
        <a className="result-url" href={session.url} target="_blank" rel="noopener noreferrer">
          {session.url}
        </a>
      ) : (
        <code className="result-url">{session.url}</code>
      )}

      <StatusMessage tone={status.tone}>{status.text}</StatusMessage>

      <div className="result-actions">
        <CopyButton
          className="button button--primary"
          text={() => session.url}
          onCopied={(copied) => report(copied, t('popup.linkCopied'))}
          autoFocus
        >
          {t('popup.copyLink')}
        </CopyButton>
        <CopyButton
          className="button"
          text={() => fillMessageTemplate(messageTemplate, session)}
          onCopied={(copied) => report(copied, t('popup.messageCopied'))}
        >
          {t('popup.copyMessage')}
        </CopyButton>
        <button
          type="button"
          className="button"
          onClick={() => openInNewTab(session.url)}
          disabled={!linkIsWeb}
        >
          {t('popup.openLink')}
        </button>
      </div>

      <div className="result-body">
        <QrCode value={session.url} />
        <dl className="result-details">
          <div>
            <dt>{t('popup.form.network')}</dt>
            <dd>{session.networkName}</dd>
          </div>
          <div>
            <dt>{t('popup.result.invoiceNumber')}</dt>
            <dd className="result-invoice">
              {session.invoiceNumber !== undefined && (
                <span className="reference">{session.invoiceNumber}</span>
              )}
              <a
                href={invoicePagePath(session.id, 'invoice')}
                target="_blank"
                rel="noopener"
                title={t('popup.invoiceTitle')}
              >
                {t('popup.invoice')}
              </a>
            </dd>
          </div>
          {session.reference !== session.invoiceNumber && (
            <div>
              <dt>{t('popup.form.reference')}</dt>
              <dd className="reference">{session.reference}</dd>
            </div>
          )}
          <div>
            <dt>{t('popup.result.expires')}</dt>
            <dd>
              <time dateTime={new Date(session.expiresAt).toISOString()}>
                {formatExpiry(session.expiresAt)}
              </time>
            </dd>
          </div>
        </dl>
      </div>
    </section>
  );
}
