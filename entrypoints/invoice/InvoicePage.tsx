import { useEffect, useState } from 'react';
import { z } from 'zod/mini';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { t } from '../../lib/i18n.ts';
import { invoiceDocument, type InvoiceDocument } from '../../lib/invoice-document.ts';
import type { DocumentKind } from '../../lib/invoice.ts';
import { ask, noAnswerMessage } from '../../utils/ask.ts';
import { openSettings } from '../../utils/navigation.ts';
import { InvoiceSheet } from './InvoiceSheet.tsx';

/*
 * The printable invoice (or receipt) of one History session: the page "Invoice" and
 * "Receipt" open in a tab. Chrome's and Firefox's own "Save as PDF" make the file: every
 * script the browser can show prints (Chinese names included, with no font in the package),
 * the text stays text and the link stays a link, and the freelancer sees the invoice before
 * sending it.
 */

const QuerySchema = z.object({
  session: z.string().check(z.minLength(1), z.maxLength(200)),
  kind: z.enum(['invoice', 'receipt']),
});

type Loaded =
  | { readonly state: 'loading' }
  | { readonly state: 'failed'; readonly message: string }
  | { readonly state: 'ready'; readonly document: InvoiceDocument; readonly logo: string | null };

export interface Wanted {
  readonly session: string;
  readonly kind: DocumentKind;
}

/** What the page's address asks for, or undefined when it is incomplete. */
export function wantedBy(search: string): Wanted | undefined {
  const params = new URLSearchParams(search);
  const parsed = z.safeParse(QuerySchema, {
    session: params.get('session') ?? '',
    kind: params.get('kind') ?? 'invoice',
  });
  return parsed.success ? parsed.data : undefined;
}

export function InvoicePage({ wanted }: { wanted: Wanted | undefined }) {
  const [loaded, setLoaded] = useState<Loaded>(() =>
    wanted === undefined
      ? { state: 'failed', message: t('invoice.badAddress') }
      : { state: 'loading' },
  );

  useEffect(() => {
    if (wanted === undefined) return;
    ask({ type: 'getInvoice', sessionId: wanted.session }).then(
      (answer) => {
        if (!answer.ok) {
          setLoaded({ state: 'failed', message: answer.error.message });
          return;
        }
        const document = invoiceDocument(answer.session, answer.business, wanted.kind);
        setLoaded({ state: 'ready', document, logo: answer.logo });
      },
      () => setLoaded({ state: 'failed', message: noAnswerMessage() }),
    );
  }, [wanted]);

  useEffect(() => {
    document.title = loaded.state === 'ready' ? loaded.document.title : t('invoice.pageTitle');
    // For `npm run bench`: the document is on screen, QR code included.
    if (loaded.state === 'ready') performance.mark('invoice-ready');
  }, [loaded]);

  if (loaded.state === 'loading') {
    return <p className="invoice-loading">{t('common.loading')}</p>;
  }
  if (loaded.state === 'failed') {
    return (
      <main className="invoice-problem">
        <StatusMessage tone="error">{loaded.message}</StatusMessage>
      </main>
    );
  }
  const { document: sheet, logo } = loaded;
  return (
    <>
      <div className="invoice-toolbar" role="region" aria-label={t('invoice.toolbar')}>
        {sheet.notPaid ? (
          <StatusMessage tone="error">{t('invoice.notPaid')}</StatusMessage>
        ) : (
          <>
            <button
              type="button"
              className="button button--primary"
              onClick={() => window.print()}
              // Focused, so Enter prints: one step from the popup's link to the PDF.
              autoFocus
            >
              {t('invoice.saveAsPdf')}
            </button>
            <p className="invoice-hint">{t('invoice.saveAsPdfHint')}</p>
          </>
        )}
        {sheet.missingBusinessName && (
          <StatusMessage>
            <p>{t('invoice.noBusinessName')}</p>
            <button type="button" className="button button--small" onClick={openSettings}>
              {t('common.openSettings')}
            </button>
          </StatusMessage>
        )}
      </div>
      {!sheet.notPaid && <InvoiceSheet document={sheet} logo={logo} />}
    </>
  );
}
