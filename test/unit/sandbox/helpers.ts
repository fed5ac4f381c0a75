import { onTestFinished } from 'vitest';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/server.ts';

/** A quiet sandbox on a free port, closed when the current test finishes. */
export async function sandboxForTest(options: SandboxOptions = {}): Promise<Sandbox> {
  const sandbox = await startSandbox({ port: 0, quiet: true, ...options });
  onTestFinished(() => sandbox.close());
  return sandbox;
}

export interface ApiAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The body as JSON, or undefined when it is not JSON. */
  readonly json: unknown;
}

export interface CallOptions {
  readonly method?: string;
  /** Sent as JSON unless it is already a string. */
  readonly body?: unknown;
  /** The API key; `null` sends no Authorization header. Default: the sandbox's first key. */
  readonly key?: string | null;
  readonly headers?: Record<string, string>;
}

/** Calls `path` (relative to the sandbox's origin) the way the extension would. */
export async function call(
  sandbox: Sandbox,
  path: string,
  options: CallOptions = {},
): Promise<ApiAnswer> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  const key = options.key === undefined ? sandbox.keys[0] : options.key;
  if (key !== null && key !== undefined) headers.authorization = `Api-Key ${key}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${sandbox.origin}${path}`, {
    method: options.method ?? (body === undefined ? 'GET' : 'POST'),
    headers,
    body,
    redirect: 'manual',
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** POST /api/v1/checkouts/ with `body`. */
export function create(sandbox: Sandbox, body: unknown, options: Omit<CallOptions, 'body'> = {}) {
  return call(sandbox, '/api/v1/checkouts/', { ...options, body, method: 'POST' });
}

/** Creates a checkout that must succeed, and returns its id. */
export async function createdId(sandbox: Sandbox, body: unknown): Promise<string> {
  const answer = await create(sandbox, body);
  const id = (answer.json as { id?: unknown } | undefined)?.id;
  if (answer.status !== 200 || typeof id !== 'string') {
    throw new Error(`create failed: ${answer.status} ${answer.text}`);
  }
  return id;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
