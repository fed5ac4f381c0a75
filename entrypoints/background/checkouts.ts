import { itemLimit, taxErrors } from '../../lib/draft.ts';
import { fieldSpec, REDIRECT_FIELDS } from '../../lib/fields.ts';
import type { SessionRecord } from '../../lib/history.ts';
import { answerCurrencyHolds } from '../../lib/payfect/held-to-request.ts';
import { t } from '../../lib/i18n.ts';
import { liveQuestion, liveQuestionText } from '../../lib/live-question.ts';
import type { LastCreate, ResponseFor, UiError } from '../../lib/messages.ts';
import { MAX_ITEMS, type Order } from '../../lib/order.ts';
import { offeredNetworks, type Checkout } from '../../lib/payfect/index.ts';
import { err, type Result } from '../../lib/result.ts';
import { readLastCreate } from '../../storage/last-create.ts';
import { checkRedirectUrl } from '../../lib/urls.ts';
import { rememberFormChoice } from '../../storage/form-choice.ts';
import { rememberClient } from '../../storage/recent-clients.ts';
import { appendSession, pruneHistory } from './history-store.ts';
import { syncIndicators } from './indicators.ts';
import { learnKeyMode } from './key-store.ts';
import { markPending, markSettled, unknownOutcome } from './last-create.ts';
import { orderToRequest } from './order-to-request.ts';
import { connect, type BackgroundDeps, type Connection } from './payfect-api.ts';
import { sessionFromCheckout } from './session-record.ts';
import {
  provesNothingCreated,
  releaseInvoiceNumber,
  reserveInvoiceNumber,
} from './invoice-numbers.ts';
import { learnNetworks } from './settings-store.ts';
import { uiErrorFromFailedCreate } from './ui-error.ts';

type CreateResponse = ResponseFor<'createCheckout'>;

/* Answers remembered per requestId, beyond lastCreate, which holds only the latest. */
const REMEMBERED_ANSWERS = 50;

function failure(error: UiError): CreateResponse {
  return { ok: false, error };
}

/** A create that was sent, or began to be, and failed: recorded for its id, and answered. */
async function settledFailure(requestId: string, error: UiError): Promise<CreateResponse> {
  await markSettled({ state: 'failed', requestId, error });
  return failure(error);
}

/** The stored answer to an earlier create with this id (see createCheckoutService). */
function storedAnswer(stored: Exclude<LastCreate, { state: 'pending' }>): CreateResponse {
  return stored.state === 'done' ? { ok: true, session: stored.session } : failure(stored.error);
}

/** The order's URLs again: the message comes from a page, and the key goes with them. */
function checkOrderUrls(order: Order, baseUrl: string): UiError | undefined {
  const fields: Record<string, string> = {};
  for (const field of REDIRECT_FIELDS) {
    const checked = checkRedirectUrl(order[field], baseUrl);
    if (!checked.ok) fields[field] = checked.error;
  }
  if (Object.keys(fields).length === 0) return undefined;
  return { kind: 'validation', message: t('background.fixAddresses'), fields };
}

/**
 * The order's tax again, as the form checks it (lib/draft.ts): a known mode, a rate that
 * reads, Reverse charge with the client's tax ID, and a place left for the tax line.
 */
function checkOrderTax(order: Order): UiError | undefined {
  const values = {
    taxMode: order.taxMode ?? '',
    taxRate: order.taxRate ?? '',
    clientTaxId: order.client?.taxId ?? '',
  };
  const fields: Record<string, string> = {};
  for (const key of ['taxMode', 'taxRate'] as const) {
    const message = fieldSpec(key).check(values[key], { baseUrl: '' });
    if (message !== undefined) fields[key] = message;
  }
  Object.assign(fields, { ...taxErrors(values), ...fields });
  const limit = itemLimit(order);
  if (order.items.length > limit) {
    fields.items = t('validation.maxItemsWithTax', { max: limit, limit: MAX_ITEMS });
  }
  if (Object.keys(fields).length === 0) return undefined;
  return { kind: 'validation', message: t('background.fixTax'), fields };
}

/**
 * Whether this create would make the profile's first live link unasked: the same rule the
 * popup asks by (lib/live-question.ts), so a page that skipped the question, a stale second
 * popup or a crafted message is refused before anything is sent.
 */
function unconfirmedLive(
  connection: Connection,
  liveConfirmed: boolean,
): { asked: boolean; refusal?: UiError } {
  const question = liveQuestion(connection.liveness, connection.baseUrl);
  if (question === undefined) return { asked: false };
  if (liveConfirmed) return { asked: true };
  return {
    asked: true,
    refusal: { kind: 'live_unconfirmed', message: liveQuestionText(question) },
  };
}

/**
 * What an asked create's answer says of the key (live: the question was had), written before
 * the answer, not in the tidy-up: the next create, maybe a moment later in this or another
 * popup, must find it and not ask. A failed write only means being asked again; the link is
 * made and is answered.
 */
async function learnAnsweredMode(checkout: Checkout, connection: Connection): Promise<void> {
  if (checkout.isLivemode === undefined) return;
  try {
    await learnKeyMode(connection.apiKey, checkout.isLivemode, connection.profileId, true);
  } catch (error) {
    console.error('Key mode could not be recorded', error);
  }
}

/**
 * Stored before the popup is answered: once it is, "no created link is ever lost" holds.
 */
async function recordCreated(
  checkout: Checkout,
  order: Order,
  connection: Connection,
  now: number,
  invoiceNumber: string | undefined,
): Promise<SessionRecord | 'duplicate'> {
  const { settings, baseUrl, profileId, profileName } = connection;
  const session = sessionFromCheckout(checkout, {
    order,
    settings,
    baseUrl,
    now,
    profileId,
    profileName,
    invoiceNumber,
  });
  try {
    const [recorded] = await Promise.all([
      appendSession(session),
      // The next form starts in this link's currency and network (lib/form-choice.ts).
      rememberFormChoice(profileId, order, settings),
      // Its client is suggested in the next forms (lib/recent-clients.ts).
      rememberClient(order.client),
    ]);
    if (recorded === 'duplicate') return 'duplicate';
  } catch (error) {
    // The session exists at Payfect: reporting a failure would invite creating it twice.
    console.error('Created checkout could not be recorded', error);
  }
  return session;
}

/**
 * What a new session changes around it: the networks and key mode Payfect revealed, the
 * history cap, the badge and the polling alarm. Run after the popup has its link: these are
 * about ten storage and badge round trips (`npm run bench` showed them doubling the create
 * time against a raw fetch), and none of them decides what the user gets.
 */
async function tidyAfterCreate(
  checkout: Checkout,
  connection: Connection,
  now: number,
): Promise<void> {
  await learnNetworks(offeredNetworks(checkout), connection.profileId);
  if (checkout.isLivemode !== undefined) {
    await learnKeyMode(connection.apiKey, checkout.isLivemode, connection.profileId, true);
  }
  await pruneHistory(connection.settings.historyCap);
  await syncIndicators(now);
}

export interface CreateOptions {
  /** Whose key and settings: the active profile's when absent. */
  readonly profileId?: string | undefined;
  /** A new link for an invoice already issued: its number, and no number is issued for it. */
  readonly invoiceNumber?: string | undefined;
  /** The user answered "This creates a real payment link" in this action (lib/requests.ts). */
  readonly liveConfirmed?: boolean | undefined;
}

export interface CheckoutService {
  create(requestId: string, order: Order, options?: CreateOptions): Promise<CreateResponse>;
}

/**
 * Creates checkouts, at most once per requestId. Payfect has no idempotency key, so a
 * request that may have reached it is never sent again under the same id: a second call
 * joins the first while it runs (double click, Enter held down), and afterwards gets the
 * same answer — from memory, or from the stored lastCreate after a worker restart. A
 * lastCreate still `pending` with nothing in memory means the worker was stopped
 * mid-request: the outcome is unknown, and the request is not sent again.
 */
export function createCheckoutService(deps: BackgroundDeps = {}): CheckoutService {
  const now = deps.now ?? Date.now;
  /* In flight and settled answers by requestId; a double click joins the first promise. */
  const answers = new Map<string, Promise<CreateResponse>>();

  /** The answer already given to this id before a worker restart, if any. */
  async function earlierAnswer(requestId: string): Promise<CreateResponse | undefined> {
    const stored = await readLastCreate();
    if (stored?.requestId !== requestId) return undefined;
    if (stored.state !== 'pending') return storedAnswer(stored);
    const error = unknownOutcome();
    await markSettled({ state: 'failed', requestId, error });
    return failure(error);
  }

  /** A client for this order, or why it cannot be sent (no key, a bad URL). */
  async function connectFor(
    order: Order,
    profileId: string | undefined,
  ): Promise<Result<Connection, UiError>> {
    const connection = await connect(deps, profileId);
    if (!connection.ok) return connection;
    const invalid = checkOrderUrls(order, connection.value.baseUrl) ?? checkOrderTax(order);
    return invalid === undefined ? connection : err(invalid);
  }

  async function send(
    requestId: string,
    order: Order,
    connection: Connection,
    invoiceNumber: string | undefined,
    asked: boolean,
  ): Promise<CreateResponse> {
    // Stored before the request, so a worker stopped mid-request never sends it twice; the
    // invoice number is taken now (so it can stand in for an empty reference) and given back
    // only if the create proves nothing was made. One stopped mid-request keeps it. A new
    // link for an issued invoice takes none: it keeps its invoice's, which is never given back.
    const [, issued] = await Promise.all([
      markPending(requestId, now()),
      invoiceNumber === undefined ? reserveInvoiceNumber(connection.profileId) : undefined,
    ]);
    if (issued === 'used_up') {
      const error: UiError = {
        kind: 'invalid_request',
        message: t('background.invoiceNumbersUsedUp', {
          prefix: connection.settings.business.invoicePrefix,
        }),
      };
      return settledFailure(requestId, error);
    }
    const number = invoiceNumber ?? issued?.number;
    const sent =
      order.reference === '' ? { ...order, reference: number ?? crypto.randomUUID() } : order;
    // Nothing here waits on the popup: if it closes, the worker still finishes and records.
    // (Chrome keeps the worker alive for a fetch answered within 30 s; the client's own
    // 15-second timeout ends the request before that.)
    const result = await connection.client.createCheckout(orderToRequest(sent));
    if (!result.ok) {
      if (issued !== undefined && provesNothingCreated(result.error)) {
        await releaseInvoiceNumber(connection.profileId, issued);
      }
      return settledFailure(requestId, uiErrorFromFailedCreate(result.error));
    }
    if (!answerCurrencyHolds(sent.currency, result.value.currency)) {
      // Not stored, not shown: its currency would be printed on the invoice. The number stays
      // taken: something may exist at Payfect under it.
      const error: UiError = {
        kind: 'malformed_response',
        message: t('background.answerCurrency', { currency: sent.currency.toUpperCase() }),
      };
      return settledFailure(requestId, error);
    }
    const at = now();
    const session = await recordCreated(result.value, sent, connection, at, number);
    if (session === 'duplicate') {
      // Two creates answered with one id cannot be told apart: the second is refused, and
      // its link (maybe the first one's, maybe paid already) is not handed out.
      const error: UiError = {
        kind: 'malformed_response',
        message: t('background.duplicateId', { id: result.value.id }),
      };
      return settledFailure(requestId, error);
    }
    if (asked) await learnAnsweredMode(result.value, connection);
    await markSettled({ state: 'done', requestId, session });
    void tidyAfterCreate(result.value, connection, at).catch((error: unknown) => {
      console.error('Created checkout could not be fully recorded', error);
    });
    return { ok: true, session };
  }

  async function run(
    requestId: string,
    order: Order,
    options: CreateOptions,
  ): Promise<CreateResponse> {
    try {
      // Side by side: both only read (but for a worker restarted mid-request, which settles
      // that request as failed), and the link waits for each storage round trip.
      const [earlier, connection] = await Promise.all([
        earlierAnswer(requestId),
        connectFor(order, options.profileId),
      ]);
      if (earlier !== undefined) return earlier;
      // Nothing was sent on either refusal: the same id may try again once the key or URL is
      // fixed, or the question answered.
      if (!connection.ok) {
        answers.delete(requestId);
        return failure(connection.error);
      }
      const live = unconfirmedLive(connection.value, options.liveConfirmed === true);
      if (live.refusal !== undefined) {
        answers.delete(requestId);
        return failure(live.refusal);
      }
      return await send(requestId, order, connection.value, options.invoiceNumber, live.asked);
    } catch (error) {
      // A storage failure; if it got as far as `pending`, lastCreate still guards the id.
      answers.delete(requestId);
      throw error;
    }
  }

  function remember(requestId: string, answer: Promise<CreateResponse>) {
    answers.set(requestId, answer);
    if (answers.size > REMEMBERED_ANSWERS) {
      const oldest = answers.keys().next();
      if (oldest.done !== true) answers.delete(oldest.value);
    }
  }

  return {
    create(requestId, order, options = {}) {
      // Looked up and set before any await, so a second click always finds the first.
      const known = answers.get(requestId);
      if (known !== undefined) return known;
      const answer = run(requestId, order, options);
      remember(requestId, answer);
      return answer;
    },
  };
}
