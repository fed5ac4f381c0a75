/**
 * The local Payfect sandbox: a Payfect-compatible HTTP server for the demo, `npm run
 * sandbox` and every end-to-end test. This file wires node:http to the routes and hands
 * tests their controls; see README.md next to it for the whole picture.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Result } from '../../lib/result.ts';
import { CallbackSender, type CallbackAttempt } from './callback.ts';
import type { CheckoutObject, StoredCheckout } from './checkout-object.ts';
import { createClock } from './clock.ts';
import { resolveOptions, type SandboxOptions } from './config.ts';
import {
  expireCheckout,
  payCheckout,
  present,
  type LifecycleRefusal,
  type RecordedRequest,
  type SandboxContext,
} from './context.ts';
import { FaultQueue } from './faults.ts';
import { CORS_HEADERS, sendPreflight, sendReply } from './http.ts';
import { handleApi } from './routes/api.ts';
import { handleControl, resetSandbox } from './routes/control.ts';
import { handleHosted } from './routes/hosted.ts';
import { CheckoutStore } from './store.ts';

export { DEFAULT_SANDBOX_KEY, DEFAULT_CLI_PORT } from './config.ts';
export type { Choice, SandboxOptions } from './config.ts';
export type { CallbackAttempt, CallbackPayload } from './callback.ts';
export type { CheckoutObject, CheckoutStatus, StoredCheckout } from './checkout-object.ts';
export type { LifecycleRefusal, RecordedRequest } from './context.ts';
export type { Fault, FaultMatch } from './faults.ts';

export interface Sandbox {
  readonly port: number;
  /** "http://127.0.0.1:PORT"; hosted checkout pages live at `${origin}/checkouts/{id}`. */
  readonly origin: string;
  /** `${origin}/api/v1`: what goes into the extension's "API base URL". */
  readonly apiBaseUrl: string;
  readonly keys: readonly string[];
  /** Accepted too; their checkouts are live (`isLivemode: true`). */
  readonly liveKeys: readonly string[];
  /** Every API request received, oldest first (including CORS preflights). */
  readonly requests: RecordedRequest[];
  /** Every callback sent, with the receiver's status or the failure. */
  readonly callbacks: readonly CallbackAttempt[];
  /**
   * The sessions by id, as `GET /checkouts/{id}/` would show them at this moment (each read
   * of the property is a fresh snapshot, in creation order).
   */
  readonly sessions: ReadonlyMap<string, CheckoutObject>;
  /** What the sandbox stored for a session: item names, network, callback URL. */
  stored(id: string): StoredCheckout | undefined;
  readonly faults: FaultQueue;
  /** Pays an open session, as the hosted page's Pay button does (callback included). */
  pay(id: string): Result<CheckoutObject, LifecycleRefusal>;
  /** Expires an open session now. */
  expire(id: string): Result<CheckoutObject, LifecycleRefusal>;
  /** The sandbox clock, unix milliseconds. */
  now(): number;
  /** Pins the clock (`undefined` frees it). */
  setNow(ms: number | undefined): void;
  /** Resolves once every callback sent so far has been delivered or has failed. */
  callbacksSettled(): Promise<void>;
  /** Forgets sessions, requests, faults, callbacks and the pinned clock. */
  reset(): void;
  close(): Promise<void>;
}

function originOf(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

async function route(context: SandboxContext, req: IncomingMessage, res: ServerResponse) {
  for (const [name, value] of Object.entries(CORS_HEADERS)) res.setHeader(name, value);
  const url = new URL(req.url ?? '/', context.origin);
  if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
    await handleApi(context, req, res, url);
    return;
  }
  if (req.method === 'OPTIONS') {
    sendPreflight(req, res);
    return;
  }
  if (url.pathname.startsWith('/__sandbox/')) {
    await handleControl(context, req, res, url);
    return;
  }
  if (handleHosted(context, req, res, url)) return;
  sendReply(res, { status: 404, body: { detail: 'Not found.' } });
}

/** One log line per request: method, path, status and time — never headers or bodies. */
function logWhenDone(context: SandboxContext, req: IncomingMessage, res: ServerResponse) {
  const started = performance.now();
  res.on('close', () => {
    const elapsed = Math.round(performance.now() - started);
    const status = res.writableFinished ? String(res.statusCode) : 'dropped';
    context.config.log(`${req.method ?? '?'} ${req.url ?? '/'} ${status} ${elapsed}ms`);
  });
}

function listen(server: ReturnType<typeof createServer>, port: number, host: string) {
  return new Promise<AddressInfo>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      if (address === null || typeof address === 'string') {
        reject(new Error('The sandbox is not listening on a TCP port'));
      } else {
        resolve(address);
      }
    });
  });
}

/**
 * Starts a sandbox. Rejects with the listen error (code EADDRINUSE when the port is taken)
 * or when `dataFile` exists but is not a sandbox data file.
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const config = resolveOptions(options);
  const store = CheckoutStore.open(config.dataFile);
  const server = createServer();
  const { port } = await listen(server, config.port, config.host);
  const origin = originOf(config.host, port);
  const closing = new AbortController();
  const context: SandboxContext = {
    config,
    origin,
    apiBaseUrl: `${origin}/api/v1`,
    clock: createClock(config.now),
    store,
    faults: new FaultQueue(),
    requests: [],
    callbacks: new CallbackSender(config.callbackTimeoutMs, config.log),
    closing: closing.signal,
  };
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    logWhenDone(context, req, res);
    route(context, req, res).catch((error: unknown) => {
      console.error('Payfect sandbox: internal error', error);
      if (!res.headersSent) sendReply(res, { status: 500, body: { detail: 'Server error.' } });
      else res.destroy();
    });
  });
  // Tests expect a sandbox to vanish when closed, even with a keep-alive client attached.
  let closed: Promise<void> | undefined;
  const close = () => {
    closed ??= new Promise<void>((resolve) => {
      closing.abort();
      context.callbacks.abort();
      server.close(() => resolve());
      server.closeAllConnections();
    });
    return closed;
  };
  return {
    port,
    origin,
    apiBaseUrl: context.apiBaseUrl,
    keys: config.keys,
    liveKeys: config.liveKeys,
    requests: context.requests,
    callbacks: context.callbacks.attempts,
    faults: context.faults,
    get sessions() {
      return new Map(store.list().map((checkout) => [checkout.id, present(context, checkout)]));
    },
    stored: (id) => store.get(id),
    pay: (id) => payCheckout(context, id),
    expire: (id) => expireCheckout(context, id),
    now: () => context.clock.now(),
    setNow: (ms) => context.clock.set(ms),
    callbacksSettled: () => context.callbacks.settled(),
    reset: () => resetSandbox(context),
    close,
  };
}
