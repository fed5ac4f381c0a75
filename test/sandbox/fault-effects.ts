/** What each fault does to an API response. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Fault } from './faults.ts';
import { delay, sendReply } from './http.ts';

/** Cut mid-object, as a proxy that gave up halfway would leave it. */
const MALFORMED_JSON =
  '{"id": "7b0c0a4e-0000-4000-8000-000000000000", "url": "http://127.0.0.1/che';

const CHUNK_BYTES = 64 * 1024;

/**
 * Applies `fault`. Returns true when the fault answered (or killed) the request, false when
 * it only added latency and the request should be served normally.
 */
export async function performFault(
  fault: Fault,
  req: IncomingMessage,
  res: ServerResponse,
  closing: AbortSignal,
): Promise<boolean> {
  if (fault.latencyMs !== undefined) await delay(fault.latencyMs, closing);
  if (closing.aborted || res.destroyed) return true;
  if (fault.drop === true) {
    req.socket.destroy();
    return true;
  }
  if (fault.respond !== undefined) {
    const body = fault.respond.body ?? '';
    const headers = Object.fromEntries(
      Object.entries(fault.respond.headers ?? {}).map(([name, value]) => [
        name.toLowerCase(),
        value,
      ]),
    );
    res.writeHead(fault.respond.status, {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      ...headers,
    });
    res.end(body);
    return true;
  }
  if (fault.malformedJson === true) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(MALFORMED_JSON);
    return true;
  }
  if (fault.rateLimit !== undefined) {
    const seconds = fault.rateLimit.retryAfterSeconds;
    sendReply(res, {
      status: 429,
      headers: { 'retry-after': String(seconds) },
      body: { detail: `Request was throttled. Expected available in ${seconds} seconds.` },
    });
    return true;
  }
  if (fault.bodyBytes !== undefined) {
    await streamHugeBody(res, fault.bodyBytes, closing);
    return true;
  }
  return false;
}

/** A valid JSON object of exactly `bytes` bytes when that is possible, streamed with backpressure. */
async function streamHugeBody(res: ServerResponse, bytes: number, closing: AbortSignal) {
  res.writeHead(200, { 'content-type': 'application/json' });
  const head = '{"padding": "';
  const tail = '"}';
  const fits = bytes >= head.length + tail.length;
  let remaining = fits ? bytes - head.length - tail.length : bytes;
  if (fits) res.write(head);
  const chunk = Buffer.alloc(CHUNK_BYTES, 'x');
  while (remaining > 0) {
    if (res.destroyed || closing.aborted) return;
    const size = Math.min(remaining, CHUNK_BYTES);
    remaining -= size;
    if (!res.write(size === CHUNK_BYTES ? chunk : chunk.subarray(0, size))) {
      await new Promise<void>((resolve) => {
        const done = () => {
          res.off('drain', done);
          res.off('close', done);
          resolve();
        };
        res.on('drain', done);
        res.on('close', done);
      });
    }
  }
  res.end(fits ? tail : undefined);
}
