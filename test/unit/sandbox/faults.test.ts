import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { parseFault } from '../../sandbox/faults.ts';
import { minimalRequest } from './fixtures.ts';
import { call, create, createdId, sandboxForTest } from './helpers.ts';

describe('fault injection', () => {
  it('latency delays the answer and then serves the request normally', async () => {
    const sandbox = await sandboxForTest();
    sandbox.faults.add({ latencyMs: 300 });
    const started = performance.now();
    const answer = await create(sandbox, minimalRequest());

    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(answer.status).toBe(200);
    expect(sandbox.sessions.size).toBe(1);
  });

  it('respond answers with the given status, body and headers instead', async () => {
    const sandbox = await sandboxForTest();
    sandbox.faults.add({
      respond: {
        status: 502,
        body: '<html>Bad gateway</html>',
        headers: { 'Content-Type': 'text/html' },
      },
    });
    const answer = await create(sandbox, minimalRequest());

    expect(answer.status).toBe(502);
    expect(answer.text).toBe('<html>Bad gateway</html>');
    expect(answer.headers.get('content-type')).toBe('text/html');
    expect(sandbox.sessions.size).toBe(0);
  });

  it('malformedJson sends a 200 whose JSON body is cut short', async () => {
    const sandbox = await sandboxForTest();
    sandbox.faults.add({ malformedJson: true });
    const answer = await create(sandbox, minimalRequest());

    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/json');
    expect(answer.text.startsWith('{')).toBe(true);
    expect(answer.json).toBeUndefined();
  });

  it('drop closes the connection without an answer, after the request arrived', async () => {
    const sandbox = await sandboxForTest();
    sandbox.faults.add({ drop: true });

    await expect(create(sandbox, minimalRequest())).rejects.toThrow(TypeError);
    expect(sandbox.requests).toHaveLength(1);
    expect((await create(sandbox, minimalRequest())).status).toBe(200);
  });

  it("rateLimit answers 429 with Retry-After and DRF's throttling message", async () => {
    const sandbox = await sandboxForTest();
    sandbox.faults.add({ rateLimit: { retryAfterSeconds: 30 } });
    const answer = await create(sandbox, minimalRequest());

    expect(answer.status).toBe(429);
    expect(answer.headers.get('retry-after')).toBe('30');
    expect(answer.json).toEqual({
      detail: 'Request was throttled. Expected available in 30 seconds.',
    });
  });

  it('bodyBytes streams a 200 JSON body of exactly that many bytes', async () => {
    const sandbox = await sandboxForTest();
    const bytes = 5 * 1024 * 1024 + 3;
    sandbox.faults.add({ bodyBytes: bytes });
    const response = await fetch(`${sandbox.apiBaseUrl}/checkouts/`, {
      method: 'POST',
      headers: { authorization: `Api-Key ${sandbox.keys[0]}`, 'content-type': 'application/json' },
      body: JSON.stringify(minimalRequest()),
    });

    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBeNull();
    const body = await response.text();
    expect(Buffer.byteLength(body)).toBe(bytes);
    expect(JSON.parse(body)).toEqual({ padding: expect.any(String) });
  });

  it('stops streaming a huge body when the client gives up', async () => {
    const sandbox = await sandboxForTest();
    sandbox.faults.add({ bodyBytes: 512 * 1024 * 1024 });
    const controller = new AbortController();
    const response = await fetch(`${sandbox.apiBaseUrl}/checkouts/`, {
      method: 'POST',
      headers: { authorization: `Api-Key ${sandbox.keys[0]}` },
      signal: controller.signal,
    });
    const reader = response.body?.getReader();
    await reader?.read();
    controller.abort();

    // The sandbox is still responsive and closes promptly.
    expect((await call(sandbox, '/__sandbox/requests')).status).toBe(200);
  });

  it('consumes faults in order, each only by the requests it matches', async () => {
    const sandbox = await sandboxForTest();
    const id = await createdId(sandbox, minimalRequest());
    sandbox.faults.add(
      { match: 'get', respond: { status: 500, body: '{"detail": "get fault"}' } },
      { match: 'create', respond: { status: 503, body: '{"detail": "create fault"}' } },
      { respond: { status: 502 } },
    );

    expect((await create(sandbox, minimalRequest())).status).toBe(503);
    expect((await call(sandbox, `/api/v1/checkouts/${id}/`)).status).toBe(500);
    expect((await call(sandbox, `/api/v1/checkouts/${id}/`)).status).toBe(502);
    expect((await call(sandbox, `/api/v1/checkouts/${id}/`)).status).toBe(200);
    expect(sandbox.faults.size).toBe(0);
  });

  it('applies a fault as many times as asked, and forever with Infinity', async () => {
    const sandbox = await sandboxForTest();
    sandbox.faults.add({ match: 'create', times: 2, respond: { status: 500 } });
    const statuses = [];
    for (let index = 0; index < 3; index += 1) {
      statuses.push((await create(sandbox, minimalRequest())).status);
    }
    expect(statuses).toEqual([500, 500, 200]);

    sandbox.faults.add({ match: 'create', times: Infinity, respond: { status: 503 } });
    for (let index = 0; index < 5; index += 1) {
      expect((await create(sandbox, minimalRequest())).status).toBe(503);
    }
    expect(sandbox.faults.pending()).toMatchObject([{ remaining: Infinity }]);
  });

  it('forgets waiting faults on clear()', async () => {
    const sandbox = await sandboxForTest();
    sandbox.faults.add({ times: Infinity, drop: true });
    sandbox.faults.clear();
    expect((await create(sandbox, minimalRequest())).status).toBe(200);
  });

  it('leaves the hosted page, the control routes and preflights alone', async () => {
    const sandbox = await sandboxForTest();
    const id = await createdId(sandbox, minimalRequest());
    sandbox.faults.add({ times: Infinity, respond: { status: 500 } });

    expect((await call(sandbox, `/checkouts/${id}`)).status).toBe(200);
    expect((await call(sandbox, '/__sandbox/requests')).status).toBe(200);
    expect((await call(sandbox, '/api/v1/checkouts/', { method: 'OPTIONS' })).status).toBe(204);
    expect((await call(sandbox, `/api/v1/checkouts/${id}/`)).status).toBe(500);
  });

  it('hits a request before its key is checked, as a broken network would', async () => {
    const sandbox = await sandboxForTest();
    sandbox.faults.add({ rateLimit: { retryAfterSeconds: 1 } });
    expect((await create(sandbox, minimalRequest(), { key: 'wrong' })).status).toBe(429);
  });

  it.each([
    ['no effect at all', {}],
    ['two effects', { drop: true, malformedJson: true }],
    ['a zero count', { drop: true, times: 0 }],
    ['an unknown match', { drop: true, match: 'delete' }],
    ['an unknown field', { drop: true, explode: true }],
  ])('refuses a fault with %s', (_label, fault) => {
    expect(() => parseFault(fault)).toThrow(/^Invalid fault/);
  });

  it('checks faults when they are added, so a typo fails the test that made it', async () => {
    const sandbox = await sandboxForTest();
    const typo: unknown = JSON.parse('{"drop": true, "time": 2}');
    expect(() => sandbox.faults.add(parseFault(typo))).toThrow(/Invalid fault/);
    expect(sandbox.faults.size).toBe(0);
  });

  it('takes faults over HTTP, with "Infinity" spelt as a string', async () => {
    const sandbox = await sandboxForTest();
    const added = await call(sandbox, '/__sandbox/faults', {
      method: 'POST',
      key: null,
      body: { match: 'create', times: 'Infinity', rateLimit: { retryAfterSeconds: 3 } },
    });
    expect(added).toMatchObject({ status: 200, json: { pending: 1 } });
    expect((await create(sandbox, minimalRequest())).status).toBe(429);
    expect((await create(sandbox, minimalRequest())).status).toBe(429);

    const cleared = await call(sandbox, '/__sandbox/faults', { method: 'DELETE', key: null });
    expect(cleared).toMatchObject({ status: 200, json: { pending: 0 } });
    expect((await create(sandbox, minimalRequest())).status).toBe(200);
  });

  it('explains an invalid fault sent over HTTP with 400', async () => {
    const sandbox = await sandboxForTest();
    const answer = await call(sandbox, '/__sandbox/faults', {
      method: 'POST',
      body: { drop: true, respond: { status: 500 } },
    });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ detail: expect.stringContaining('at most one') });
  });

  it('closes promptly even while a fault is holding a request', async () => {
    const sandbox = await sandboxForTest();
    sandbox.faults.add({ latencyMs: 60_000 });
    const pending = new Promise<void>((resolve) => {
      const req = request(`${sandbox.apiBaseUrl}/checkouts/`, { method: 'POST' }, () => resolve());
      req.on('error', () => resolve());
      req.end();
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = performance.now();
    await sandbox.close();
    await pending;
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
