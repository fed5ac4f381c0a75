import { t } from '../i18n.ts';

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
function knownFieldLabel(leaf: string): string | undefined {
  switch (leaf) {
    case 'client_reference_id':
      return t('errors.field.reference');
    case 'currency':
      return t('errors.field.currency');
    case 'invoice_items':
      return t('errors.field.items');
    case 'name':
      return t('errors.field.itemName');
    case 'description':
      return t('errors.field.description');
    case 'images':
      return t('errors.field.images');
    case 'unit_amount':
      return t('errors.field.unitPrice');
    case 'quantity':
      return t('errors.field.quantity');
    case 'success_url':
      return t('errors.field.successUrl');
    case 'cancel_url':
      return t('errors.field.cancelUrl');
    case 'callback_url':
      return t('errors.field.callbackUrl');
    case 'payment_method_data':
      return t('errors.field.paymentMethod');
    case 'network':
      return t('errors.field.network');
    default:
      return undefined;
  }
}

/** `invoice_items.0.price_data.unit_amount` → `item 1 unit price`. */
function fieldLabel(path: string): string {
  const parts = path.split('.');
  const item = parts[0] === 'invoice_items' && /^\d+$/.test(parts[1] ?? '') ? Number(parts[1]) : -1;
  const leaf = [...parts].reverse().find((part) => !/^\d+$/.test(part)) ?? path;
  const label = knownFieldLabel(leaf) ?? leaf.replaceAll('_', ' ');
  return item >= 0 && leaf !== 'invoice_items'
    ? t('errors.itemField', { number: item + 1, label })
    : label;
}

function withStop(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function firstProblems(error: Extract<PayfectError, { kind: 'validation' }>): string | undefined {
  const problems = [
    ...error.messages,
    ...error.fields.map((field) =>
      t('errors.problem', { field: fieldLabel(field.path), messages: field.messages.join(' ') }),
    ),
  ];
  if (problems.length === 0) return undefined;
  const shown = problems
    .slice(0, 2)
    .map((problem) => withStop(problem.trim()))
    .join(' ');
  return problems.length > 2
    ? t('errors.andMore', { problems: shown, count: problems.length - 2 })
    : shown;
}

function seconds(ms: number): string {
  const total = Math.max(1, Math.ceil(ms / 1000));
  if (total < 90) return t('errors.seconds', total);
  return t('errors.minutes', { count: Math.ceil(total / 60) });
}

/**
 * One or two sentences a person understands, for any Payfect error, in the browser's language
 * (the one place in lib/payfect that reads it, through lib/i18n.ts). The server's own words
 * (field messages, `detail`) and `malformed_response` reasons are passed on as they are:
 * the reasons are for developers and stay English.
 */
export function describePayfectError(error: PayfectError): string {
  switch (error.kind) {
    case 'auth':
      return error.status === undefined ? t('errors.authMissing') : t('errors.authRejected');
    case 'forbidden':
      return t('errors.forbidden');
    case 'validation': {
      const problems = firstProblems(error);
      if (error.status === undefined) {
        return problems === undefined
          ? t('errors.notSent')
          : t('errors.notSentBecause', { problems });
      }
      return problems === undefined
        ? t('errors.rejected')
        : t('errors.rejectedBecause', { problems });
    }
    case 'not_found':
      return t('errors.notFound');
    case 'rate_limited':
      return error.retryAfterMs === undefined
        ? t('errors.rateLimited')
        : t('errors.rateLimitedFor', { wait: seconds(error.retryAfterMs) });
    case 'server':
      return error.status >= 500
        ? t('errors.serverProblem', { status: error.status })
        : t('errors.unexpectedAnswer', { status: error.status });
    case 'network':
      return t('errors.network');
    case 'timeout':
      return t('errors.timeout', { wait: seconds(error.timeoutMs) });
    case 'malformed_response':
      return t('errors.malformed', { reason: error.reason });
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
