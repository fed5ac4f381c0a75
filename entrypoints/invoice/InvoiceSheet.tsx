import { useMemo } from 'react';
import { qrMatrix } from '../../components/qr-image.ts';
import { t } from '../../lib/i18n.ts';
import { RATE_SIGNIFICANT_DIGITS, type InvoiceDocument } from '../../lib/invoice-document.ts';
import { isWebUrl } from '../../utils/navigation.ts';
import { pageRules } from './page-rules.ts';

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

type Business = InvoiceDocument['business'];
type Client = InvoiceDocument['client'];

/** Who sends it: logo, name, address, tax id and email. */
function SheetFrom({ business, logo }: { business: Business; logo: string | null }) {
  return (
    <div className="sheet-from">
      {logo && <img className="sheet-logo" src={logo} alt={business.name} />}
      {business.name && <p className="sheet-business">{business.name}</p>}
      <p className="sheet-lines">
        <Lines lines={business.addressLines} />
        {business.taxId && (
          <span className="line">
            {t('invoice.taxId', { label: business.taxIdLabel, taxId: business.taxId })}
          </span>
        )}
        {business.email && <span className="line">{business.email}</span>}
      </p>
    </div>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/** Number, what it replaces, dates, reference (when it is not the number), and details. */
function SheetFacts({ document, receipt }: { document: InvoiceDocument; receipt: boolean }) {
  return (
    <dl className="sheet-facts">
      <Fact label={t('invoice.number')} value={document.number} />
      {document.corrected && <Fact label={t('invoice.correctedOn')} value={document.corrected} />}
      {document.replaces && <Fact label={t('invoice.replaces')} value={document.replaces} />}
      <Fact label={t('invoice.issued')} value={document.issued} />
      {document.supplied && <Fact label={t('invoice.supplyDate')} value={document.supplied} />}
      {receipt && document.paid ? (
        <Fact label={t('invoice.paidOn')} value={document.paid} />
      ) : (
        <Fact label={t('invoice.due')} value={document.due} />
      )}
      {!receipt && document.terms && (
        <Fact label={t('invoice.paymentTerms')} value={document.terms} />
      )}
      {document.reference !== document.number && (
        <Fact label={t('invoice.reference')} value={document.reference} />
      )}
      {document.details.map(({ label, value }) => (
        <Fact key={label} label={label} value={value} />
      ))}
    </dl>
  );
}

/** Present when there is anyone to name: the client's name, address and email. */
function SheetBillTo({ client }: { client: Client }) {
  if (!client.name && !client.email && client.addressLines.length === 0 && !client.taxId) {
    return null;
  }
  return (
    <section className="sheet-bill-to" aria-labelledby="bill-to">
      <h2 id="bill-to">{t('invoice.billTo')}</h2>
      <p className="sheet-lines">
        {client.name && <span className="line sheet-client">{client.name}</span>}
        <Lines lines={client.addressLines} />
        {client.email && <span className="line">{client.email}</span>}
        {client.taxId && (
          <span className="line">{t('invoice.clientTaxId', { taxId: client.taxId })}</span>
        )}
      </p>
    </section>
  );
}

/** "VAT 20%" and the tax; under reverse charge, 0 % and the statement that says why. */
function TaxRows({
  tax,
  currency,
}: {
  tax: NonNullable<InvoiceDocument['tax']>;
  currency: string;
}) {
  return (
    <>
      <tr className="sheet-tax">
        <th scope="row" colSpan={3}>
          {tax.line}
        </th>
        <td className="number">
          {tax.amount} {currency}
        </td>
      </tr>
      {tax.statement && (
        <tr className="sheet-reverse-charge">
          <td colSpan={4}>{tax.statement}</td>
        </tr>
      )}
    </>
  );
}

/** The items, and the total (after a subtotal in the items' currency when it was converted). */
function SheetItems({ document, receipt }: { document: InvoiceDocument; receipt: boolean }) {
  const converted = document.itemsCurrency !== document.totalCurrency;
  return (
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
        {(converted || document.tax) && (
          <tr>
            <th scope="row" colSpan={3}>
              {t('invoice.subtotal')}
            </th>
            <td className="number">
              {document.subtotal} {document.itemsCurrency}
            </td>
          </tr>
        )}
        {document.tax && <TaxRows tax={document.tax} currency={document.itemsCurrency} />}
        {document.tax && converted && (
          <tr>
            <th scope="row" colSpan={3}>
              {t('popup.form.total')}
            </th>
            <td className="number">
              {document.tax.gross} {document.itemsCurrency}
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
  );
}

/** How a fiat order became the amount paid: the rate Payfect's two totals imply, or that it is set at checkout. */
function SheetConversion({ document, receipt }: { document: InvoiceDocument; receipt: boolean }) {
  const { conversion } = document;
  if (conversion !== undefined) {
    return (
      <p className="sheet-conversion">
        {t('invoice.rate', {
          from: document.itemsCurrency,
          to: document.totalCurrency,
          rate: conversion.rate,
          digits: RATE_SIGNIFICANT_DIGITS,
          quotedAt: conversion.quotedAt,
        })}
      </p>
    );
  }
  if (!document.setAtCheckout || receipt) return null;
  return <p className="sheet-conversion">{t('invoice.setAtCheckout', { coin: 'USDT' })}</p>;
}

/** A test link's document, on screen; each printed page says it too (page-rules.ts). */
function TestMark() {
  return (
    <p className="sheet-test" role="note">
      <strong>{t('invoice.testMark')}</strong> <span>{t('invoice.testMarkHint')}</span>
    </p>
  );
}

/**
 * What Firefox prints on every page in place of the page-margin boxes it lacks (page-rules.ts):
 * it repeats a fixed-position element on each printed page. Shown nowhere else (style.css);
 * hidden from screen readers, which read the same words in the sheet.
 */
function RunningMarks({ number, test }: { number: string; test: boolean }) {
  return (
    <div className="sheet-running" aria-hidden="true">
      {test && <p className="sheet-running-head">{t('invoice.testMark')}</p>}
      <p className="sheet-running-foot">{number}</p>
    </div>
  );
}

/** An invoice's "How to pay": the warning, the link's validity, its QR code and the link. */
function SheetPay({ document }: { document: InvoiceDocument }) {
  return (
    <section className="sheet-pay" aria-labelledby="how-to-pay">
      <div className="sheet-pay-text">
        <h2 id="how-to-pay">{t('invoice.howToPay')}</h2>
        <p className="sheet-warning">{document.warning}</p>
        <p>{t('invoice.payAt')}</p>
        <p className="sheet-muted">{document.linkValidity}</p>
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
  return (
    <main className="sheet" data-ready="true">
      <style>{pageRules(document.number, document.test)}</style>
      {document.test && <TestMark />}
      <RunningMarks number={document.number} test={document.test} />
      <header className="sheet-head">
        <SheetFrom business={document.business} logo={logo} />
        <div className="sheet-title">
          <h1>{receipt ? t('invoice.receipt') : t('invoice.invoice')}</h1>
          {receipt && <p className="sheet-paid">{t('invoice.paid')}</p>}
          {document.voided && <p className="sheet-void">{t('invoice.void')}</p>}
          <SheetFacts document={document} receipt={receipt} />
        </div>
      </header>
      {document.voided && <p className="sheet-voided">{document.voided}</p>}

      <SheetBillTo client={document.client} />
      <SheetItems document={document} receipt={receipt} />
      <SheetConversion document={document} receipt={receipt} />
      {/* A voided invoice asks for no payment. */}
      {!receipt && !document.voided && <SheetPay document={document} />}

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
