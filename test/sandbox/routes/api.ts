/**
 * The Payfect API: `POST /api/v1/checkouts/` and `GET /api/v1/checkouts/{id}/`, answered as
 * Payfect's Django REST Framework backend would — auth first, then method, then body.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_REQUEST_BODY_BYTES } from '../config.ts';
import { newCheckout } from '../checkout-object.ts';
import { present, type SandboxContext } from '../context.ts';
import { performFault } from '../fault-effects.ts';
import type { ApiRequestKind } from '../faults.ts';
import {
  decodePathSegment,
  flattenHeaders,
  readBody,
  sendPreflight,
  sendReply,
  type Reply,
} from '../http.ts';
import { validateCheckoutRequest } from '../validate.ts';

type ApiRoute =
  | { readonly name: 'checkouts' }
  | { readonly name: 'checkout'; readonly id: string }
  | { readonly name: 'unknown' };

const CHECKOUTS = /^\/api\/v1\/checkouts\/?$/;
const CHECKOUT = /^\/api\/v1\/checkouts\/([^/]+)\/?$/;

const NOT_FOUND: Reply = { status: 404, body: { detail: 'Not found.' } };

function matchRoute(pathname: string): ApiRoute {
  if (CHECKOUTS.test(pathname)) return { name: 'checkouts' };
  const id = decodePathSegment(CHECKOUT.exec(pathname)?.[1]);
  return id === undefined ? { name: 'unknown' } : { name: 'checkout', id };
}

function requestKind(route: ApiRoute, method: string): ApiRequestKind {
  if (route.name === 'checkouts' && method === 'POST') return 'create';
  if (route.name === 'checkout' && method === 'GET') return 'get';
  return 'other';
}

function sameKey(candidate: string, key: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(candidate), digest(key));
}

/** The key in `Authorization: Api-Key <key>`, or '' when there is none. */
function presentedKey(req: IncomingMessage): string {
  const [scheme = '', ...rest] = (req.headers.authorization ?? '').trim().split(' ');
  return scheme.toLowerCase() === 'api-key' ? rest.join(' ').trim() : '';
}

/** As djangorestframework-api-key reads `Authorization: Api-Key <key>`. */
function authenticate(header: string | undefined, keys: readonly string[]): Reply | undefined {
  const [scheme = '', ...rest] = (header ?? '').trim().split(' ');
  const key = rest.join(' ').trim();
  if (scheme.toLowerCase() !== 'api-key' || key === '') {
    return {
      status: 401,
      headers: { 'www-authenticate': 'Api-Key' },
      body: { detail: 'Authentication credentials were not provided.' },
    };
  }
  if (keys.some((accepted) => sameKey(key, accepted))) return undefined;
  return {
    status: 401,
    headers: { 'www-authenticate': 'Api-Key' },
    body: { detail: 'Invalid API key.' },
  };
}

function methodNotAllowed(method: string, allowed: string): Reply {
  return {
    status: 405,
    headers: { allow: allowed },
    body: { detail: `Method "${method}" not allowed.` },
  };
}

function parseJson(body: Buffer): { ok: true; value: unknown } | { ok: false; message: string } {
  if (body.length === 0) return { ok: true, value: {} };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

function createCheckout(context: SandboxContext, req: IncomingMessage, body: Buffer): Reply {
  const mediaType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  // DRF answers 415 for a body it has no parser for; a client that forgets the JSON header
  // is caught here rather than in production.
  if (body.length > 0 && mediaType !== 'application/json') {
    return {
      status: 415,
      body: { detail: `Unsupported media type "${mediaType ?? ''}" in request.` },
    };
  }
  const json = parseJson(body);
  if (!json.ok) return { status: 400, body: { detail: `JSON parse error - ${json.message}` } };
  const { config } = context;
  const request = validateCheckoutRequest(json.value, {
    currencies: config.currencies.map(({ value }) => value),
    networks: config.networks.map(({ value }) => value),
  });
  if (!request.ok) return { status: 400, body: request.error };
  const checkout = newCheckout(request.value, {
    now: context.clock.now(),
    lifetimeMs: config.lifetimeMs,
    merchant: config.merchant,
    networks: config.networks,
    isLivemode: config.liveKeys.some((key) => sameKey(presentedKey(req), key)),
    quoteUsdt: config.quoteUsdt,
  });
  context.store.put(checkout);
  // The docs say 200 OK (not 201) for a created session.
  return { status: 200, body: present(context, checkout) };
}

function getCheckout(context: SandboxContext, id: string): Reply {
  const checkout = context.store.get(id);
  return checkout === undefined ? NOT_FOUND : { status: 200, body: present(context, checkout) };
}

function recordRequest(
  context: SandboxContext,
  req: IncomingMessage,
  body: Buffer | undefined,
): void {
  const bodyText = body?.toString('utf8') ?? '';
  let json: unknown;
  try {
    json = bodyText === '' ? undefined : JSON.parse(bodyText);
  } catch {
    json = undefined;
  }
  context.requests.push({
    method: req.method ?? 'GET',
    path: req.url ?? '/',
    headers: flattenHeaders(req.headers),
    bodyText,
    json,
    receivedAt: context.clock.now(),
  });
}

export async function handleApi(
  context: SandboxContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const method = req.method ?? 'GET';
  const body = await readBody(req, MAX_REQUEST_BODY_BYTES);
  if (!body.ok && body.error === 'aborted') return;
  recordRequest(context, req, body.ok ? body.value : undefined);
  if (method === 'OPTIONS') {
    // Preflights are recorded (a test may check one happened) but never hit by faults.
    sendPreflight(req, res);
    return;
  }
  const route = matchRoute(url.pathname);
  const fault = context.faults.take(requestKind(route, method));
  if (fault !== undefined && (await performFault(fault, req, res, context.closing))) return;
  if (!body.ok) {
    sendReply(res, {
      status: 413,
      headers: { connection: 'close' },
      body: { detail: 'Request body is too large.' },
    });
    return;
  }
  const reply = answer(context, req, route, body.value);
  sendReply(res, fault?.status === undefined ? reply : withStatus(reply, fault.status));
}

/** A checkout answer saying `status` instead (the `status` fault); any other reply as is. */
function withStatus(reply: Reply, status: string): Reply {
  const { body } = reply;
  if (reply.status !== 200 || typeof body !== 'object' || body === null) return reply;
  return { ...reply, body: { ...body, status } };
}

function answer(
  context: SandboxContext,
  req: IncomingMessage,
  route: ApiRoute,
  body: Buffer,
): Reply {
  const method = req.method ?? 'GET';
  if (route.name === 'unknown') return NOT_FOUND;
  const { keys, liveKeys } = context.config;
  const refused = authenticate(req.headers.authorization, [...keys, ...liveKeys]);
  if (refused !== undefined) return refused;
  if (route.name === 'checkouts') {
    return method === 'POST'
      ? createCheckout(context, req, body)
      : methodNotAllowed(method, 'POST, OPTIONS');
  }
  return method === 'GET'
    ? getCheckout(context, route.id)
    : methodNotAllowed(method, 'GET, OPTIONS');
}
