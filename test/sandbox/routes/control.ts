/**
 * `/__sandbox/...`: the same controls `startSandbox()` hands to in-process tests, over HTTP
 * for out-of-process users (the demo, a Playwright run against `npm run sandbox`). No key is
 * needed; the sandbox listens on loopback only.
 *
 *   POST   /__sandbox/faults                 queue a fault (JSON; "times": "Infinity" allowed)
 *   DELETE /__sandbox/faults                 drop every queued fault
 *   GET    /__sandbox/requests               every API request received
 *   DELETE /__sandbox/requests               forget them
 *   GET    /__sandbox/checkouts              every session, as the API shows it
 *   POST   /__sandbox/checkouts/{id}/pay     pay it, as the hosted Pay button does
 *   POST   /__sandbox/checkouts/{id}/expire  expire it now
 *   GET    /__sandbox/callbacks              callbacks sent, with the receiver's answer
 *   POST   /__sandbox/clock                  {"now": ms} pins the clock, {"now": null} frees
 *                                            it, {"advanceMs": n} moves it forward
 *   POST   /__sandbox/reset                  forget sessions, requests, faults, callbacks, clock
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { MAX_REQUEST_BODY_BYTES } from '../config.ts';
import {
  expireCheckout,
  payCheckout,
  present,
  refusalDetail,
  type LifecycleRefusal,
  type SandboxContext,
} from '../context.ts';
import { parseFault } from '../faults.ts';
import { decodePathSegment, readBody, sendReply, type Reply } from '../http.ts';

const clockSchema = z.union([
  z.strictObject({ now: z.number().nullable() }),
  z.strictObject({ advanceMs: z.number() }),
]);

const LIFECYCLE = /^\/__sandbox\/checkouts\/([^/]+)\/(pay|expire)\/?$/;

function detail(status: number, message: string): Reply {
  return { status, body: { detail: message } };
}

function refused(refusal: LifecycleRefusal): Reply {
  return detail(refusal === 'not_found' ? 404 : 409, refusalDetail(refusal));
}

function parseJsonBody(body: Buffer): unknown {
  return body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
}

/** Resets everything a test may have changed; the same as `sandbox.reset()`. */
export function resetSandbox(context: SandboxContext): void {
  context.store.clear();
  context.requests.length = 0;
  context.faults.clear();
  context.callbacks.attempts.length = 0;
  context.clock.set(undefined);
}

function route(context: SandboxContext, method: string, path: string, body: Buffer): Reply {
  const lifecycle = LIFECYCLE.exec(path);
  const id = decodePathSegment(lifecycle?.[1]);
  if (lifecycle !== null && id !== undefined && method === 'POST') {
    const result = lifecycle[2] === 'pay' ? payCheckout(context, id) : expireCheckout(context, id);
    return result.ok ? { status: 200, body: result.value } : refused(result.error);
  }
  switch (`${method} ${path.replace(/\/$/, '')}`) {
    case 'POST /__sandbox/faults':
      context.faults.add(parseFault(parseJsonBody(body)));
      return { status: 200, body: { pending: context.faults.size } };
    case 'DELETE /__sandbox/faults':
      context.faults.clear();
      return { status: 200, body: { pending: 0 } };
    case 'GET /__sandbox/requests':
      return { status: 200, body: context.requests };
    case 'DELETE /__sandbox/requests':
      context.requests.length = 0;
      return { status: 200, body: [] };
    case 'GET /__sandbox/checkouts':
      return {
        status: 200,
        body: context.store.list().map((checkout) => present(context, checkout)),
      };
    case 'GET /__sandbox/callbacks':
      return { status: 200, body: context.callbacks.attempts };
    case 'POST /__sandbox/clock': {
      const change = clockSchema.parse(parseJsonBody(body));
      if ('now' in change) context.clock.set(change.now ?? undefined);
      else context.clock.set(context.clock.now() + change.advanceMs);
      return { status: 200, body: { now: context.clock.now() } };
    }
    case 'POST /__sandbox/reset':
      resetSandbox(context);
      return { status: 200, body: { reset: true } };
    default:
      return detail(404, 'Not found.');
  }
}

export async function handleControl(
  context: SandboxContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const body = await readBody(req, MAX_REQUEST_BODY_BYTES);
  if (!body.ok) {
    if (body.error === 'too_large') sendReply(res, detail(413, 'Request body is too large.'));
    return;
  }
  try {
    sendReply(res, route(context, req.method ?? 'GET', url.pathname, body.value));
  } catch (error) {
    // A malformed control request is the caller's bug: say what was wrong.
    const message =
      error instanceof z.ZodError
        ? z.prettifyError(error)
        : error instanceof Error
          ? error.message
          : String(error);
    sendReply(res, detail(400, message));
  }
}
