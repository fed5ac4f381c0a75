import { describe, expect, it } from 'vitest';
import {
  createPayfectClient,
  describePayfectError,
  type FetchLike,
  type PayfectClientOptions,
  type PayfectError,
} from '../../../../lib/payfect';
import { fakeFetch, jsonResponse, slowFetch } from './fake-fetch.ts';
import { SEED_ID, seedRequest, seedResponse, seedResponseText } from './fixtures.ts';

const API_KEY = '5a31f3a4-279c-11ee-be56-0242ac120002';
const LIVE = 'https://api.payfect.finance/api/v1';
const SANDBOX = 'http://127.0.0.1:8787/api/v1';

function client(fetch: FetchLike, options: Partial<PayfectClientOptions> = {}) {
  return createPayfectClient({ baseUrl: `${LIVE}/`, apiKey: API_KEY, fetch, ...options });
}

/** Creates a checkout against a fetch that always answers `respond()`; returns the error. */
async function createFailure(
  respond: () => Response | Promise<Response>,
  options: Partial<PayfectClientOptions> = {},
): Promise<{ error: PayfectError; calls: number }> {
  const fake = fakeFetch(respond);
  const result = await client(fake.fetch, options).createCheckout(seedRequest);
  if (result.ok) throw new Error('expected a failure');
  return { error: result.error, calls: fake.calls.length };
}

function expectNoKey(error: PayfectError) {
  expect(JSON.stringify(error)).not.toContain(API_KEY);
  expect(describePayfectError(error)).not.toContain(API_KEY);
}

describe('creating a checkout', () => {
  it('posts the request once, to /checkouts/ with a trailing slash, with the right headers and body', async () => {
    const fake = fakeFetch(() => new Response(seedResponseText, { status: 201 }));
    const result = await client(fake.fetch).createCheckout(seedRequest);

    expect(result.ok).toBe(true);
    expect(fake.calls).toHaveLength(1);
    const [call] = fake.calls;
    expect(call?.url).toBe('https://api.payfect.finance/api/v1/checkouts/');
    expect(call?.init.method).toBe('POST');
    expect(call?.init.headers).toEqual({
      Authorization: `Api-Key ${API_KEY}`,
      Accept: 'application/json',
      'Content-Type': 'application/json',
    });
    expect(JSON.parse(String(call?.init.body))).toEqual(seedRequest);
    expect(call?.init.redirect).toBe('error');
    expect(call?.init.credentials).toBe('omit');
    expect(call?.init.signal).toBeInstanceOf(AbortSignal);
  });

  it('returns the parsed checkout with unknown fields kept', async () => {
    const body = { ...seedResponse(), newField: { kept: true } };
    const fake = fakeFetch(() => jsonResponse(body, 201));
    const result = await client(fake.fetch).createCheckout(seedRequest);
    expect(result.ok && result.value).toMatchObject({
      id: SEED_ID,
      status: 'open',
      amountTotal: '20.00',
      newField: { kept: true },
    });
  });

  it('refuses an invalid request without calling fetch', async () => {
    const fake = fakeFetch(() => jsonResponse(seedResponse()));
    const result = await client(fake.fetch).createCheckout({ ...seedRequest, currency: 'USDT' });
    expect(fake.calls).toHaveLength(0);
    expect(result.ok || result.error).toMatchObject({
      kind: 'validation',
      fields: expect.arrayContaining([expect.objectContaining({ path: 'currency' })]),
    });
    expect(result.ok || result.error.status).toBeUndefined();
  });

  it('does not send the key to a plain-http remote base URL', async () => {
    const { error, calls } = await createFailure(() => jsonResponse(seedResponse()), {
      baseUrl: 'http://api.payfect.finance/api/v1',
    });
    expect(calls).toBe(0);
    expect(error.kind).toBe('network');
  });

  it.each(['', 'key with spaces', `${API_KEY}\n`])(
    'does not send an API key that cannot go into a header (%j)',
    async (apiKey) => {
      const { error, calls } = await createFailure(() => jsonResponse(seedResponse()), { apiKey });
      expect(calls).toBe(0);
      expect(error).toMatchObject({ kind: 'auth' });
    },
  );
});

describe('failures of a create', () => {
  it('maps 401 to auth', async () => {
    const { error } = await createFailure(() =>
      jsonResponse({ detail: 'Authentication credentials were not provided.' }, 401),
    );
    expect(error).toEqual({
      kind: 'auth',
      status: 401,
      detail: 'Authentication credentials were not provided.',
    });
  });

  it('maps 403 to forbidden', async () => {
    const { error } = await createFailure(() =>
      jsonResponse({ detail: 'You do not have permission to perform this action.' }, 403),
    );
    expect(error).toMatchObject({ kind: 'forbidden', status: 403 });
  });

  it('maps 400 to validation with nested DRF field errors flattened', async () => {
    const { error } = await createFailure(() =>
      jsonResponse(
        {
          invoice_items: [{ price_data: { unit_amount: ['A valid number is required.'] } }],
          non_field_errors: ['Currency mismatch.'],
        },
        400,
      ),
    );
    expect(error).toEqual({
      kind: 'validation',
      status: 400,
      fields: [
        {
          path: 'invoice_items.0.price_data.unit_amount',
          messages: ['A valid number is required.'],
        },
      ],
      messages: ['Currency mismatch.'],
    });
    expect(describePayfectError(error)).toMatch(/^Payfect did not accept the checkout: /);
  });

  it('maps 404 to not_found', async () => {
    const { error } = await createFailure(() => jsonResponse({ detail: 'Not found.' }, 404));
    expect(error).toEqual({ kind: 'not_found', status: 404, detail: 'Not found.' });
  });

  it('maps 429 with Retry-After in seconds to rate_limited', async () => {
    const { error } = await createFailure(() =>
      jsonResponse({ detail: 'Request was throttled.' }, 429, { 'Retry-After': '12' }),
    );
    expect(error).toMatchObject({ kind: 'rate_limited', status: 429, retryAfterMs: 12_000 });
  });

  it('maps 429 with Retry-After as an HTTP-date to rate_limited, using the injected clock', async () => {
    const { error } = await createFailure(
      () =>
        new Response('', {
          status: 429,
          headers: { 'Retry-After': 'Wed, 01 Jan 2025 00:02:00 GMT' },
        }),
      { now: () => Date.parse('2025-01-01T00:00:00Z') },
    );
    expect(error).toEqual({ kind: 'rate_limited', status: 429, retryAfterMs: 120_000 });
  });

  it('maps 500 to server', async () => {
    const { error } = await createFailure(() => new Response('Server Error', { status: 500 }));
    expect(error).toEqual({ kind: 'server', status: 500 });
  });

  it('maps 502 with an HTML body to server without echoing the page', async () => {
    const html = '<html><body><h1>502 Bad Gateway</h1>nginx</body></html>';
    const { error } = await createFailure(
      () => new Response(html, { status: 502, headers: { 'Content-Type': 'text/html' } }),
    );
    expect(error).toEqual({ kind: 'server', status: 502 });
  });

  it('maps an unexpected status such as 409 to server', async () => {
    const { error } = await createFailure(() => jsonResponse({}, 409));
    expect(error).toMatchObject({ kind: 'server', status: 409 });
  });

  it('maps a fetch rejection to network', async () => {
    const { error } = await createFailure(() => {
      throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
    });
    expect(error).toEqual({ kind: 'network', reason: 'fetch failed (ECONNREFUSED)' });
  });

  it('maps a connection dropped in the middle of the body to network', async () => {
    const { error } = await createFailure(() => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"id":'));
          controller.error(new TypeError('terminated'));
        },
      });
      return new Response(body, { status: 201 });
    });
    expect(error).toMatchObject({ kind: 'network', status: 201 });
  });

  it('times out a fetch that does not answer', async () => {
    const fake = fakeFetch((call) => slowFetch(call.url, call.init));
    const result = await client(fake.fetch, { timeoutMs: 20 }).createCheckout(seedRequest);
    expect(result.ok || result.error).toEqual({ kind: 'timeout', timeoutMs: 20 });
    expect(fake.calls[0]?.init.signal?.aborted).toBe(true);
  });

  it('times out even a fetch that ignores its abort signal', async () => {
    const { error } = await createFailure(() => new Promise<Response>(() => undefined), {
      timeoutMs: 20,
    });
    expect(error).toEqual({ kind: 'timeout', timeoutMs: 20 });
  });

  it('times out a body that never ends', async () => {
    const { error } = await createFailure(
      () =>
        new Response(new ReadableStream<Uint8Array>({ pull: () => new Promise(() => undefined) })),
      { timeoutMs: 20 },
    );
    expect(error).toEqual({ kind: 'timeout', timeoutMs: 20 });
  });

  it('refuses a body that is not JSON', async () => {
    const { error } = await createFailure(() => new Response('{"id": "abc", ', { status: 201 }));
    expect(error).toEqual({
      kind: 'malformed_response',
      status: 201,
      reason: 'the response is not JSON',
    });
  });

  it('refuses JSON that is not an object', async () => {
    const { error } = await createFailure(() => jsonResponse([1, 2, 3], 201));
    expect(error).toMatchObject({
      kind: 'malformed_response',
      reason: 'the response is not a checkout object',
    });
  });

  it('refuses a checkout without url, naming the field', async () => {
    const body = seedResponse();
    delete body.url;
    const { error } = await createFailure(() => jsonResponse(body, 201));
    expect(error).toEqual({
      kind: 'malformed_response',
      status: 201,
      reason: 'missing or invalid field(s): url',
    });
  });

  it('refuses wrong field types, naming each field and not quoting the body', async () => {
    const body = { ...seedResponse(), amountTotal: 20, status: false, id: 7, secret: 'zzz' };
    const { error } = await createFailure(() => jsonResponse(body, 201));
    expect(error).toMatchObject({ kind: 'malformed_response' });
    const reason = error.kind === 'malformed_response' ? error.reason : '';
    expect(reason).toMatch(/^missing or invalid field\(s\): /);
    expect(reason.split(': ')[1]?.split(', ').sort()).toEqual(['amountTotal', 'id', 'status']);
    expect(JSON.stringify(error)).not.toContain('zzz');
  });

  it.each([
    'http://buy.payfect.finance/checkouts/1',
    'javascript:alert(document.cookie)',
    'data:text/html,hi',
    'http://127.0.0.1:8787/checkouts/1',
  ])('refuses the checkout url %s from a live API', async (url) => {
    const { error } = await createFailure(() => jsonResponse({ ...seedResponse(), url }, 201));
    expect(error).toMatchObject({
      kind: 'malformed_response',
      reason: 'the checkout url is not a safe https link',
    });
  });

  it('accepts a loopback http checkout url when the API base is loopback (sandbox)', async () => {
    const url = `http://127.0.0.1:8787/pay/${SEED_ID}`;
    const fake = fakeFetch(() => jsonResponse({ ...seedResponse(), url }, 201));
    const result = await client(fake.fetch, { baseUrl: SANDBOX }).createCheckout(seedRequest);
    expect(result.ok && result.value.url).toBe(url);
    expect(fake.calls[0]?.url).toBe('http://127.0.0.1:8787/api/v1/checkouts/');
  });

  it('stops reading a 5 MB streamed body early and reports it as too large', async () => {
    let produced = 0;
    let cancelled = false;
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const { error } = await createFailure(() => {
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (produced >= 5_000_000) return controller.close();
          produced += chunk.byteLength;
          controller.enqueue(chunk);
        },
        cancel() {
          cancelled = true;
        },
      });
      return new Response(body, { status: 201 });
    });
    expect(error).toEqual({
      kind: 'malformed_response',
      status: 201,
      reason: 'response too large',
    });
    expect(produced).toBeLessThan(1_300_000);
    expect(cancelled).toBe(true);
  });

  it('refuses a body whose Content-Length is over the limit without reading it', async () => {
    const { error } = await createFailure(
      () =>
        new Response(seedResponseText, { status: 201, headers: { 'Content-Length': '5000000' } }),
    );
    expect(error).toMatchObject({ kind: 'malformed_response', reason: 'response too large' });
  });

  it.each([
    ['401', () => jsonResponse({ detail: 'Invalid key.' }, 401)],
    ['500', () => new Response('boom', { status: 500 })],
    ['fetch rejection', () => Promise.reject(new TypeError('fetch failed'))],
    ['malformed JSON', () => new Response('nope', { status: 201 })],
  ])('calls fetch exactly once even when the create fails (%s)', async (_name, respond) => {
    const { calls } = await createFailure(respond);
    expect(calls).toBe(1);
  });
});

describe('the API key never leaks', () => {
  it.each([
    ['a 401 that echoes the key', () => jsonResponse({ detail: `Invalid key ${API_KEY}.` }, 401)],
    [
      'a 400 that echoes the key',
      () => jsonResponse({ non_field_errors: [`bad ${API_KEY}`], [API_KEY]: [API_KEY] }, 400),
    ],
    [
      'a runtime error that quotes the header',
      () =>
        Promise.reject(
          new TypeError(`Headers.append: "Api-Key ${API_KEY}" is an invalid header value.`),
        ),
    ],
    ['a 429', () => jsonResponse({ detail: API_KEY }, 429)],
    ['a 502', () => new Response(`<html>${API_KEY}</html>`, { status: 502 })],
    ['a malformed 200', () => new Response(API_KEY, { status: 200 })],
  ])('from %s', async (_name, respond) => {
    const { error } = await createFailure(respond);
    expectNoKey(error);
  });

  it('from a timeout', async () => {
    const { error } = await createFailure(() => new Promise<Response>(() => undefined), {
      timeoutMs: 5,
    });
    expectNoKey(error);
  });

  it('from a key that cannot be sent', async () => {
    const apiKey = `${API_KEY} x`;
    const { error } = await createFailure(() => jsonResponse({}), { apiKey });
    expect(JSON.stringify(error)).not.toContain(apiKey);
    expect(describePayfectError(error)).not.toContain(API_KEY);
  });
});

describe('getting a checkout', () => {
  it('sends a GET to /checkouts/{id}/ with the key and no body', async () => {
    const fake = fakeFetch(() => jsonResponse({ ...seedResponse(), status: 'complete' }));
    const result = await client(fake.fetch).getCheckout(SEED_ID);
    expect(result.ok && result.value.status).toBe('complete');
    const [call] = fake.calls;
    expect(call?.url).toBe(`${LIVE}/checkouts/${SEED_ID}/`);
    expect(call?.init.method).toBe('GET');
    expect(call?.init.headers).toEqual({
      Authorization: `Api-Key ${API_KEY}`,
      Accept: 'application/json',
    });
    expect(call?.init.body).toBeUndefined();
    expect(call?.init.cache).toBe('no-store');
  });

  it('encodes the id so it cannot change the path', async () => {
    const fake = fakeFetch(() => jsonResponse({}, 404));
    await client(fake.fetch).getCheckout('a/b?c');
    expect(fake.calls[0]?.url).toBe(`${LIVE}/checkouts/a%2Fb%3Fc/`);
  });

  it.each(['', '.', '..'])('refuses the id %j without calling fetch', async (id) => {
    const fake = fakeFetch(() => jsonResponse(seedResponse()));
    const result = await client(fake.fetch).getCheckout(id);
    expect(fake.calls).toHaveLength(0);
    expect(result.ok || result.error.kind).toBe('validation');
  });

  it('refuses an answer about another checkout', async () => {
    const fake = fakeFetch(() => jsonResponse(seedResponse()));
    const result = await client(fake.fetch).getCheckout('another-id');
    expect(result.ok || result.error).toMatchObject({ kind: 'malformed_response' });
  });

  it('reports 404 and 405 as not_found, so the caller can fall back to expiresAt', async () => {
    for (const status of [404, 405]) {
      const fake = fakeFetch(() => jsonResponse({ detail: 'Not found.' }, status));
      const result = await client(fake.fetch).getCheckout(SEED_ID);
      expect(result.ok || result.error).toMatchObject({ kind: 'not_found', status });
    }
  });

  it('does not retry a 429 itself but hands back the wait', async () => {
    const fake = fakeFetch(() => jsonResponse({}, 429, { 'Retry-After': '7' }));
    const result = await client(fake.fetch).getCheckout(SEED_ID);
    expect(fake.calls).toHaveLength(1);
    expect(result.ok || result.error).toEqual({
      kind: 'rate_limited',
      status: 429,
      retryAfterMs: 7000,
    });
  });
});
