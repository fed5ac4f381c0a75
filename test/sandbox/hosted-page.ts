/**
 * The payer's page at `/checkouts/{id}` — what the link the extension copies opens. It shows
 * what is being paid and a Pay button that completes the session. Every piece of text a
 * client sent is HTML-escaped.
 */
import type { CheckoutStatus, StoredCheckout } from './checkout-object.ts';

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

const STATUS_WORDS: Readonly<Record<CheckoutStatus, string>> = {
  open: 'Open',
  complete: 'Paid',
  expired: 'Expired',
};

const STYLE = `
body { font-family: system-ui, sans-serif; margin: 0; background: #f4f5f7; color: #1d2330; }
main { max-width: 32rem; margin: 2rem auto; background: #fff; padding: 1.5rem 2rem;
  border-radius: 12px; box-shadow: 0 1px 4px rgb(0 0 0 / 0.1); }
.banner { background: #fff4d6; border-radius: 6px; padding: 0.4rem 0.75rem; font-size: 0.85rem; }
table { width: 100%; border-collapse: collapse; margin: 1rem 0; }
th, td { text-align: left; padding: 0.35rem 0; border-bottom: 1px solid #e5e7eb; }
td.number, th.number { text-align: right; }
.description { color: #5b6270; font-size: 0.85rem; }
dl { display: grid; grid-template-columns: auto 1fr; gap: 0.3rem 1rem; }
dt { color: #5b6270; }
dd { margin: 0; }
button { font-size: 1.1rem; padding: 0.6rem 2.5rem; border: 0; border-radius: 8px;
  background: #1f6feb; color: #fff; cursor: pointer; }
.state { font-size: 1.2rem; font-weight: 600; }
`;

function layout(title: string, content: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<p class="banner">Payfect sandbox — test mode, no real money moves.</p>
${content}
</main>
</body>
</html>
`;
}

function itemRows(checkout: StoredCheckout): string {
  return checkout.items
    .map((item) => {
      const description =
        item.description === null || item.description === ''
          ? ''
          : `<div class="description">${escapeHtml(item.description)}</div>`;
      return `<tr><td>${escapeHtml(item.name)}${description}</td><td class="number">${item.quantity}</td><td class="number">${escapeHtml(item.amount)}</td></tr>`;
    })
    .join('\n');
}

function actions(checkout: StoredCheckout, status: CheckoutStatus): string {
  if (status === 'complete') {
    return '<p class="state" role="status">Paid — thank you.</p>';
  }
  if (status === 'expired') {
    return '<p class="state" role="status">This checkout has expired.</p>';
  }
  const cancel =
    checkout.cancelUrl === null ? '' : ` <a href="${escapeHtml(checkout.cancelUrl)}">Cancel</a>`;
  return `<form method="post" action="/checkouts/${encodeURIComponent(checkout.id)}/pay">
<button type="submit">Pay</button>${cancel}
</form>`;
}

export function renderCheckoutPage(checkout: StoredCheckout, status: CheckoutStatus): string {
  const currency = checkout.currency.toUpperCase();
  const network =
    checkout.networks.find((candidate) => candidate.value === checkout.network)?.name ??
    checkout.network;
  const reference =
    checkout.clientReferenceId === null
      ? ''
      : `<dt>Reference</dt><dd>${escapeHtml(checkout.clientReferenceId)}</dd>`;
  const content = `<h1>${escapeHtml(checkout.merchant.name)}</h1>
<table>
<caption>Items</caption>
<thead><tr><th>Item</th><th class="number">Qty</th><th class="number">Amount</th></tr></thead>
<tbody>
${itemRows(checkout)}
</tbody>
<tfoot><tr><th colspan="2">Total</th><td class="number" data-testid="total">${escapeHtml(checkout.amountTotal)} ${escapeHtml(currency)}</td></tr></tfoot>
</table>
<dl>
<dt>Pay with</dt><dd>${escapeHtml(checkout.paymentCurrency.toUpperCase())} on ${escapeHtml(network)}</dd>
<dt>Status</dt><dd data-status="${status}">${STATUS_WORDS[status]}</dd>
${reference}
<dt>Expires</dt><dd>${new Date(checkout.expiresAtMs).toISOString()}</dd>
</dl>
${actions(checkout, status)}`;
  return layout(`Pay ${checkout.merchant.name} — Payfect sandbox`, content);
}

export function renderNotFoundPage(): string {
  return layout(
    'Checkout not found — Payfect sandbox',
    '<h1>Checkout not found</h1>\n<p>No checkout session has this address.</p>',
  );
}

export function renderIndexPage(apiBaseUrl: string, sessions: number): string {
  return layout(
    'Payfect sandbox',
    `<h1>Payfect sandbox</h1>
<p>API base URL: <code>${escapeHtml(apiBaseUrl)}</code></p>
<p>Sessions: ${sessions}</p>`,
  );
}
