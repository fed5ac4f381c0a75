/**
 * Every way a Payfect call can fail, as a value the UI maps to a sentence. No variant ever
 * holds the API key: the client redacts every string it got from the server or the runtime.
 */

/** One rejected field, its path flattened like `invoice_items.0.price_data.unit_amount`. */
export interface FieldError {
  readonly path: string;
  readonly messages: readonly string[];
}

interface Known {
  /** The HTTP status, when there was a response. */
  readonly status?: number;
  /** The server's own `detail` sentence, when it sent one. */
  readonly detail?: string;
}

export type PayfectError = Known &
  (
    | { readonly kind: 'auth' } // 401, or a key that cannot be sent at all
    | { readonly kind: 'forbidden' } // 403
    | {
        // 400, or (without status) a request refused before sending
        readonly kind: 'validation';
        readonly fields: readonly FieldError[];
        /** Messages not tied to a field: DRF `non_field_errors` and `detail`. */
        readonly messages: readonly string[];
      }
    | { readonly kind: 'not_found' } // 404, and 405 (the endpoint does not exist there)
    | { readonly kind: 'rate_limited'; readonly retryAfterMs?: number } // 429
    | { readonly kind: 'server'; readonly status: number } // 5xx and any other status
    | { readonly kind: 'network'; readonly reason?: string }
    | { readonly kind: 'timeout'; readonly timeoutMs: number }
    | { readonly kind: 'malformed_response'; readonly reason: string }
  );

export type PayfectErrorKind = PayfectError['kind'];

/* Words a person knows for the request fields, for the first validation message. */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  client_reference_id: 'reference',
  currency: 'currency',
  invoice_items: 'items',
  name: 'item name',
  description: 'description',
  images: 'images',
  unit_amount: 'unit price',
  quantity: 'quantity',
  success_url: 'success URL',
  cancel_url: 'cancel URL',
  callback_url: 'callback URL',
  payment_method_data: 'payment method',
  network: 'network',
};

/** `invoice_items.0.price_data.unit_amount` → `item 1 unit price`. */
function fieldLabel(path: string): string {
  const parts = path.split('.');
  const item = parts[0] === 'invoice_items' && /^\d+$/.test(parts[1] ?? '') ? Number(parts[1]) : -1;
  const leaf = [...parts].reverse().find((part) => !/^\d+$/.test(part)) ?? path;
  const label = FIELD_LABELS[leaf] ?? leaf.replaceAll('_', ' ');
  return item >= 0 && leaf !== 'invoice_items' ? `item ${item + 1} ${label}` : label;
}

function withStop(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function firstProblems(error: Extract<PayfectError, { kind: 'validation' }>): string | undefined {
  const problems = [
    ...error.messages,
    ...error.fields.map((field) => `${fieldLabel(field.path)}: ${field.messages.join(' ')}`),
  ];
  if (problems.length === 0) return undefined;
  const shown = problems.slice(0, 2).map((problem) => withStop(problem.trim()));
  return shown.join(' ') + (problems.length > 2 ? ` (${problems.length - 2} more)` : '');
}

function seconds(ms: number): string {
  const total = Math.max(1, Math.ceil(ms / 1000));
  if (total < 90) return `${total} second${total === 1 ? '' : 's'}`;
  const minutes = Math.ceil(total / 60);
  return `${minutes} minutes`;
}

/** One or two sentences a person understands, for any Payfect error. */
export function describePayfectError(error: PayfectError): string {
  switch (error.kind) {
    case 'auth':
      return error.status === undefined
        ? 'The API key is missing or cannot be used — check it in Settings.'
        : 'Payfect rejected the API key — check it in Settings.';
    case 'forbidden':
      return 'Payfect accepted the API key but does not allow this action — check the account in the Payfect dashboard.';
    case 'validation': {
      const problems = firstProblems(error);
      if (error.status === undefined) {
        return `The checkout is not valid and was not sent. ${problems ?? ''}`.trim();
      }
      return problems === undefined
        ? 'Payfect did not accept the checkout details.'
        : `Payfect did not accept the checkout: ${problems}`;
    }
    case 'not_found':
      return 'Payfect could not find this checkout, or the API base URL in Settings is wrong.';
    case 'rate_limited':
      return error.retryAfterMs === undefined
        ? 'Payfect is receiving too many requests — wait a minute and try again.'
        : `Payfect is receiving too many requests — wait ${seconds(error.retryAfterMs)} and try again.`;
    case 'server':
      return error.status >= 500
        ? `Payfect had a problem (HTTP ${error.status}) — try again in a moment.`
        : `Payfect gave an unexpected answer (HTTP ${error.status}) — check the API base URL in Settings.`;
    case 'network':
      return 'Could not reach Payfect — check your connection or the API base URL.';
    case 'timeout':
      return `Payfect did not answer within ${seconds(error.timeoutMs)} — check your connection and try again.`;
    case 'malformed_response':
      return `Payfect sent an answer this extension does not understand (${error.reason}).`;
  }
}

/**
 * Whether a failed create may still have created a session: the request may have reached
 * Payfect before the failure. Since no idempotency key is documented, the caller must not
 * resend blindly in these cases (it can look the session up by its client_reference_id).
 */
export function mayHaveReachedPayfect(error: PayfectError): boolean {
  return (
    error.kind === 'timeout' ||
    error.kind === 'network' ||
    error.kind === 'malformed_response' ||
    (error.kind === 'server' && error.status >= 500)
  );
}
