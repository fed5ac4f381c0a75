import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { err, ok, type Result } from '../../lib/result.ts';

/**
 * Sent on every response. The extension's service worker calls the sandbox without host
 * permissions, so the sandbox must answer CORS itself; Retry-After is exposed so a client can
 * honour a 429.
 */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'Retry-After',
};

export const PREFLIGHT_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'Authorization, Content-Type, Accept',
  'access-control-max-age': '600',
};

/** The answer to a CORS preflight, for any path. */
export function sendPreflight(req: IncomingMessage, res: ServerResponse): void {
  const headers: Record<string, string> = { ...PREFLIGHT_HEADERS };
  // Chrome's Private Network Access asks before a web page may reach loopback.
  if (req.headers['access-control-request-private-network'] === 'true') {
    headers['access-control-allow-private-network'] = 'true';
  }
  res.writeHead(204, headers);
  res.end();
}

export interface Reply {
  readonly status: number;
  /** Serialised as JSON; `undefined` sends no body. */
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export function sendReply(res: ServerResponse, reply: Reply): void {
  if (reply.body === undefined) {
    res.writeHead(reply.status, { ...reply.headers });
    res.end();
    return;
  }
  const text = JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
    ...reply.headers,
  });
  res.end(text);
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': String(Buffer.byteLength(html)),
    // The page shows text a client sent; even if escaping failed, no script could run.
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    'cache-control': 'no-store',
  });
  res.end(html);
}

export function redirect(res: ServerResponse, location: string): void {
  res.writeHead(303, { location, 'content-length': '0' });
  res.end();
}

export type BodyError = 'too_large' | 'aborted';

/**
 * Reads the whole request body, up to `limit` bytes. Past the limit it keeps draining (so
 * the client can read the 413) but stores nothing more.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Result<Buffer, BodyError>> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      req.resume();
      resolve(err('too_large'));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? err('too_large') : ok(Buffer.concat(chunks))));
    req.on('error', () => resolve(err('aborted')));
    req.on('close', () => {
      if (!req.complete) resolve(err('aborted'));
    });
  });
}

/** Header names as Node received them (lower-cased), repeated headers joined. */
export function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

/** Resolves after `ms`, or at once when `signal` aborts (the sandbox is closing). */
export function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve();
      return;
    }
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });
}

/** A path segment decoded, or undefined when absent or badly %-encoded. */
export function decodePathSegment(segment: string | undefined): string | undefined {
  if (segment === undefined) return undefined;
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
