import { useMemo } from 'react';
import { qrMatrix } from '../../components/qr-image.ts';
import { t } from '../../lib/i18n.ts';
import type { InvoiceDocument } from '../../lib/invoice-document.ts';
import { isWebUrl } from '../../utils/navigation.ts';

/** A block of lines (an address), each its own line in the PDF's text too. */
function Lines({ lines }: { lines: readonly string[] }) {
  return (
    <>
      {lines.map((line, index) => (
        // Lines have no id; their order is their identity.
        <span key={index} className="line">
          {line}
        </span>
      ))}
    </>
  );
}

/** The checkout link as a QR code a phone can scan from paper or screen. */
function LinkQr({ url }: { url: string }) {
  const matrix = useMemo(() => qrMatrix(url), [url]);
  return (
    <svg
      role="img"
      aria-label={t('popup.qr.image')}
      className="invoice-qr"
      viewBox={`0 0 ${matrix.dimension} ${matrix.dimension}`}
      shapeRendering="crispEdges"
    >
      <rect width={matrix.dimension} height={matrix.dimension} fill="#fff" />
      <path d={matrix.path} fill="#000" />
    </svg>
  );
}

/** The document as printed: A4, real text, the link clickable and as a QR code. */
export function InvoiceSheet({
  document,
  logo,
}: {
  document: InvoiceDocument;
  logo: string | null;
}) {
  const receipt = document.kind === 'receipt';
  const { business, client } = document;
  const converted = document.itemsCurrency !== document.totalCurrency;
  return (
    <main className="sheet" data-ready="true">
      <header className="sheet-head">
        <div className="sheet-from">
          {logo && <img className="sheet-logo" src={logo} alt={business.name} />}
          {business.name && <p className="sheet-business">{business.name}</p>}
          <p className="sheet-lines">
            <Lines lines={business.addressLines} />
            {business.taxId && (
              <span className="line">{t('invoice.taxId', { taxId: business.taxId })}</span>
            )}
            {business.email && <span className="line">{business.email}</span>}
          </p>
        </div>
        <div className="sheet-title">
          <h1>{receipt ? t('invoice.receipt') : t('invoice.invoice')}</h1>
          {receipt && <p className="sheet-paid">{t('invoice.paid')}</p>}
          <dl className="sheet-facts">
            <div>
              <dt>{t('invoice.number')}</dt>
              <dd>{document.number}</dd>
            </div>
            {document.replaces && (
              <div>
                <dt>{t('invoice.replaces')}</dt>
                <dd>{document.replaces}</dd>
              </div>
            )}
            <div>
              <dt>{t('invoice.issued')}</dt>
              <dd>{document.issued}</dd>
            </div>
            {receipt && document.paid ? (
              <div>
                <dt>{t('invoice.paidOn')}</dt>
                <dd>{document.paid}</dd>
              </div>
            ) : (
              <div>
                <dt>{t('invoice.due')}</dt>
                <dd>{document.due}</dd>
              </div>
            )}
            {document.reference !== document.number && (
              <div>
                <dt>{t('invoice.reference')}</dt>
                <dd>{document.reference}</dd>
              </div>
            )}
            {document.details.map(({ label, value }) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </div>
      </header>

      {(client.name || client.email || client.addressLines.length > 0) && (
        <section className="sheet-bill-to" aria-labelledby="bill-to">
          <h2 id="bill-to">{t('invoice.billTo')}</h2>
          <p className="sheet-lines">
            {client.name && <span className="line sheet-client">{client.name}</span>}
            <Lines lines={client.addressLines} />
            {client.email && <span className="line">{client.email}</span>}
          </p>
        </section>
      )}

      <table className="sheet-items">
        <thead>
          <tr>
            <th scope="col">{t('invoice.item')}</th>
            <th scope="col" className="number">
              {t('invoice.quantity')}
            </th>
            <th scope="col" className="number">
              {t('invoice.unitPrice', { currency: document.itemsCurrency })}
            </th>
            <th scope="col" className="number">
              {t('invoice.amount', { currency: document.itemsCurrency })}
            </th>
          </tr>
        </thead>
        <tbody>
          {document.rows.map((row, index) => (
            <tr key={index}>
              <td>
                <span className="sheet-item">{row.name}</span>
                {row.description && <span className="sheet-description">{row.description}</span>}
              </td>
              <td className="number">{row.quantity}</td>
              <td className="number">{row.unitPrice}</td>
              <td className="number">{row.amount}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          {converted && (
            <tr>
              <th scope="row" colSpan={3}>
                {t('invoice.subtotal')}
              </th>
              <td className="number">
                {document.subtotal} {document.itemsCurrency}
              </td>
            </tr>
          )}
          <tr className="sheet-total">
            <th scope="row" colSpan={3}>
              {receipt ? t('invoice.totalPaid') : t('invoice.totalDue')}
            </th>
            <td className="number">
              {document.total} {document.totalCurrency}
            </td>
          </tr>
        </tfoot>
      </table>

      {!receipt && (
        <section className="sheet-pay" aria-labelledby="how-to-pay">
          <div className="sheet-pay-text">
            <h2 id="how-to-pay">{t('invoice.howToPay')}</h2>
            <p className="sheet-warning">{document.warning}</p>
            <p>{t('invoice.payAt')}</p>
            <p className="sheet-muted">{t('invoice.validUntil', { due: document.due })}</p>
          </div>
          <LinkQr url={document.url} />
          {/* On one line across the box: copied from the PDF, it comes out whole. */}
          {isWebUrl(document.url) ? (
            <a className="sheet-url" href={document.url}>
              {document.url}
            </a>
          ) : (
            <code className="sheet-url">{document.url}</code>
          )}
        </section>
      )}

      {receipt && (
        <p className="sheet-paid-with">
          {t('invoice.paidWith', { coin: 'USDT', network: document.network })}
        </p>
      )}

      {document.footerLines.length > 0 && (
        <footer className="sheet-footer">
          <p className="sheet-lines">
            <Lines lines={document.footerLines} />
          </p>
        </footer>
      )}
    </main>
  );
}
