import { describe, expect, it } from 'vitest';
import { startSandbox } from '../../sandbox/server.ts';
import { DOCS_EXAMPLE_REQUEST, minimalRequest } from './fixtures.ts';
import { call, create, createdId, sandboxForTest } from './helpers.ts';

describe('request recording', () => {
  it('records every API request with lower-cased headers, the raw body and its JSON', async () => {
    const sandbox = await sandboxForTest({ now: () => 1_700_000_000_000 });
    const raw = JSON.stringify(DOCS_EXAMPLE_REQUEST, null, 2);
    await create(sandbox, raw, { headers: { 'X-Request-Id': 'abc-123' } });

    expect(sandbox.requests).toEqual([
      {
        method: 'POST',
        path: '/api/v1/checkouts/',
        headers: expect.objectContaining({
          authorization: `Api-Key ${sandbox.keys[0]}`,
          'content-type': 'application/json',
          'x-request-id': 'abc-123',
        }),
        bodyText: raw,
        json: DOCS_EXAMPLE_REQUEST,
        receivedAt: 1_700_000_000_000,
      },
    ]);
  });

  it('records refused requests too, and a non-JSON body as text only', async () => {
    const sandbox = await sandboxForTest();
    await create(sandbox, 'currency=usdt', { key: null });
    await call(sandbox, '/api/v1/checkouts/abc/?expand=1');

    expect(sandbox.requests.map(({ method, path }) => `${method} ${path}`)).toEqual([
      'POST /api/v1/checkouts/',
      'GET /api/v1/checkouts/abc/?expand=1',
    ]);
    expect(sandbox.requests[0]).toMatchObject({ bodyText: 'currency=usdt', json: undefined });
    expect(sandbox.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('records preflights but not the hosted page or the control routes', async () => {
    const sandbox = await sandboxForTest();
    const id = await createdId(sandbox, minimalRequest());
    await call(sandbox, '/api/v1/checkouts/', { method: 'OPTIONS' });
    await call(sandbox, `/checkouts/${id}`);
    await call(sandbox, '/__sandbox/checkouts');

    expect(sandbox.requests.map(({ method }) => method)).toEqual(['POST', 'OPTIONS']);
  });

  it('serves the recorded requests over HTTP', async () => {
    const sandbox = await sandboxForTest();
    await create(sandbox, minimalRequest());
    const answer = await call(sandbox, '/__sandbox/requests', { key: null });

    expect(answer.json).toMatchObject([
      { method: 'POST', path: '/api/v1/checkouts/', json: minimalRequest() },
    ]);
    await call(sandbox, '/__sandbox/requests', { method: 'DELETE' });
    expect(sandbox.requests).toHaveLength(0);
  });
});

describe('control routes', () => {
  it('pays and expires sessions over HTTP, and says why it cannot', async () => {
    const sandbox = await sandboxForTest();
    const paid = await createdId(sandbox, minimalRequest());
    const expired = await createdId(sandbox, minimalRequest());

    const pay = await call(sandbox, `/__sandbox/checkouts/${paid}/pay`, { method: 'POST' });
    expect(pay).toMatchObject({ status: 200, json: { id: paid, status: 'complete' } });
    const again = await call(sandbox, `/__sandbox/checkouts/${paid}/pay`, { method: 'POST' });
    expect(again).toMatchObject({
      status: 409,
      json: { detail: 'This checkout is already paid.' },
    });

    const expire = await call(sandbox, `/__sandbox/checkouts/${expired}/expire`, {
      method: 'POST',
    });
    expect(expire).toMatchObject({ status: 200, json: { status: 'expired' } });
    const unknown = await call(sandbox, '/__sandbox/checkouts/nope/pay', { method: 'POST' });
    expect(unknown.status).toBe(404);
  });

  it('lists sessions and callbacks over HTTP', async () => {
    const sandbox = await sandboxForTest();
    const id = await createdId(sandbox, {
      ...minimalRequest(),
      callback_url: 'http://127.0.0.1:1/hook',
    });
    sandbox.pay(id);
    await sandbox.callbacksSettled();

    expect((await call(sandbox, '/__sandbox/checkouts')).json).toMatchObject([
      { id, status: 'complete' },
    ]);
    expect((await call(sandbox, '/__sandbox/callbacks')).json).toMatchObject([
      { url: 'http://127.0.0.1:1/hook', payload: { id, status: 'succeeded' } },
    ]);
  });

  it('moves the clock over HTTP', async () => {
    const sandbox = await sandboxForTest();
    const id = await createdId(sandbox, minimalRequest());

    const pinned = await call(sandbox, '/__sandbox/clock', {
      method: 'POST',
      body: { now: 1_000 },
    });
    expect(pinned.json).toEqual({ now: 1_000 });
    const moved = await call(sandbox, '/__sandbox/clock', {
      method: 'POST',
      body: { advanceMs: 3 * 24 * 60 * 60 * 1000 + Date.now() },
    });
    expect(moved.status).toBe(200);
    expect(sandbox.sessions.get(id)?.status).toBe('expired');
    await call(sandbox, '/__sandbox/clock', { method: 'POST', body: { now: null } });
    expect(sandbox.sessions.get(id)?.status).toBe('open');
  });

  it('resets sessions, requests, faults, callbacks and the clock', async () => {
    const sandbox = await sandboxForTest();
    const id = await createdId(sandbox, {
      ...minimalRequest(),
      callback_url: 'http://127.0.0.1:1/',
    });
    sandbox.pay(id);
    sandbox.faults.add({ drop: true, match: 'get' });
    sandbox.setNow(5);

    const answer = await call(sandbox, '/__sandbox/reset', { method: 'POST' });
    expect(answer.status).toBe(200);
    expect(sandbox.sessions.size).toBe(0);
    expect(sandbox.requests).toHaveLength(0);
    expect(sandbox.faults.size).toBe(0);
    expect(sandbox.callbacks).toHaveLength(0);
    expect(sandbox.now()).toBeGreaterThan(5);
  });

  it('answers an unknown control route with 404', async () => {
    const sandbox = await sandboxForTest();
    expect((await call(sandbox, '/__sandbox/nothing')).status).toBe(404);
  });
});

describe('starting and stopping', () => {
  it('listens on 127.0.0.1 and reports its origin and API base URL', async () => {
    const sandbox = await sandboxForTest();
    expect(sandbox.port).toBeGreaterThan(0);
    expect(sandbox.origin).toBe(`http://127.0.0.1:${sandbox.port}`);
    expect(sandbox.apiBaseUrl).toBe(`${sandbox.origin}/api/v1`);
  });

  it('fails with EADDRINUSE when the port is taken', async () => {
    const taken = await sandboxForTest();
    await expect(startSandbox({ port: taken.port, quiet: true })).rejects.toMatchObject({
      code: 'EADDRINUSE',
    });
  });

  it('closes even with a keep-alive connection open, and can be closed twice', async () => {
    const sandbox = await startSandbox({ port: 0, quiet: true });
    await create(sandbox, minimalRequest());
    await sandbox.close();
    await sandbox.close();
    await expect(fetch(sandbox.apiBaseUrl)).rejects.toThrow();
  });

  it('writes one log line per request, without headers', async () => {
    const lines: string[] = [];
    const sandbox = await sandboxForTest({ quiet: false, log: (line) => lines.push(line) });
    await create(sandbox, minimalRequest());
    await create(sandbox, minimalRequest(), { key: 'wrong' });
    await new Promise((resolve) => setTimeout(resolve, 20));

    expect(lines).toEqual([
      expect.stringMatching(/^POST \/api\/v1\/checkouts\/ 200 \d+ms$/),
      expect.stringMatching(/^POST \/api\/v1\/checkouts\/ 401 \d+ms$/),
    ]);
    expect(lines.join('\n')).not.toContain(sandbox.keys[0] ?? 'key');
  });
});
