import { describe, expect, it } from 'vitest';
import { DOCS_EXAMPLE_REQUEST, minimalRequest } from './fixtures.ts';
import { call, create, createdId, sandboxForTest } from './helpers.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('GET /api/v1/checkouts/{id}/', () => {
  it('returns the same object the create answered', async () => {
    const sandbox = await sandboxForTest();
    const created = await create(sandbox, DOCS_EXAMPLE_REQUEST);
    const id = (created.json as { id: string }).id;
    const answer = await call(sandbox, `/api/v1/checkouts/${id}/`);

    expect(answer.status).toBe(200);
    expect(answer.json).toEqual(created.json);
  });

  it('tolerates a missing trailing slash', async () => {
    const sandbox = await sandboxForTest();
    const id = await createdId(sandbox, minimalRequest());
    const answer = await call(sandbox, `/api/v1/checkouts/${id}`);

    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ id, status: 'open' });
  });

  it('needs the key as well', async () => {
    const sandbox = await sandboxForTest();
    const id = await createdId(sandbox, minimalRequest());

    const without = await call(sandbox, `/api/v1/checkouts/${id}/`, { key: null });
    const wrong = await call(sandbox, `/api/v1/checkouts/${id}/`, { key: 'wrong' });
    expect([without.status, wrong.status]).toEqual([401, 401]);
    expect(wrong.json).toEqual({ detail: 'Invalid API key.' });
  });

  it('answers an unknown id with 404 "Not found."', async () => {
    const sandbox = await sandboxForTest();
    const answer = await call(sandbox, '/api/v1/checkouts/ed8d24aa-a860-426b-8e56-87cb9f55a081/');

    expect(answer.status).toBe(404);
    expect(answer.json).toEqual({ detail: 'Not found.' });
  });

  it('answers a badly encoded id with 404 rather than an error', async () => {
    const sandbox = await sandboxForTest();
    const answer = await call(sandbox, '/api/v1/checkouts/%E0%A4%A/');
    expect(answer.status).toBe(404);
  });

  it('reports a session expired once the clock passes expiresAt, not before', async () => {
    let now = 1_700_000_000_000;
    const sandbox = await sandboxForTest({ now: () => now });
    const id = await createdId(sandbox, minimalRequest());

    now += DAY_MS;
    expect((await call(sandbox, `/api/v1/checkouts/${id}/`)).json).toMatchObject({
      status: 'open',
    });
    now += 1;
    expect((await call(sandbox, `/api/v1/checkouts/${id}/`)).json).toMatchObject({
      status: 'expired',
      expiresAt: String(1_700_000_000_000 + DAY_MS),
    });
  });

  it('lets a test pin the clock with setNow and free it again', async () => {
    const sandbox = await sandboxForTest();
    const id = await createdId(sandbox, minimalRequest());

    sandbox.setNow(Date.now() + 2 * DAY_MS);
    expect(sandbox.sessions.get(id)?.status).toBe('expired');
    sandbox.setNow(undefined);
    expect(sandbox.sessions.get(id)?.status).toBe('open');
  });

  it('reports a paid session complete, even after its expiry time', async () => {
    let now = 1_700_000_000_000;
    const sandbox = await sandboxForTest({ now: () => now });
    const id = await createdId(sandbox, minimalRequest());

    now += 60_000;
    expect(sandbox.pay(id).ok).toBe(true);
    now += 2 * DAY_MS;
    const answer = await call(sandbox, `/api/v1/checkouts/${id}/`);
    expect(answer.json).toMatchObject({
      status: 'complete',
      createdAt: '1700000000.000000',
      updatedAt: '1700000060.000000',
    });
  });

  it('can expire an open session on demand', async () => {
    const sandbox = await sandboxForTest();
    const id = await createdId(sandbox, minimalRequest());

    const expired = sandbox.expire(id);
    expect(expired.ok && expired.value.status).toBe('expired');
    expect((await call(sandbox, `/api/v1/checkouts/${id}/`)).json).toMatchObject({
      status: 'expired',
    });
    expect(sandbox.pay(id)).toEqual({ ok: false, error: 'expired' });
  });
});

describe('other API requests', () => {
  it.each(['/api/v1/products/', '/api/v1/', '/api/v2/checkouts/', '/api/v1/checkouts/a/b/'])(
    'answers %s with 404 "Not found."',
    async (path) => {
      const sandbox = await sandboxForTest();
      const answer = await call(sandbox, path);

      expect(answer.status).toBe(404);
      expect(answer.json).toEqual({ detail: 'Not found.' });
    },
  );

  it.each([
    ['PUT', '/api/v1/checkouts/', 'POST, OPTIONS'],
    ['GET', '/api/v1/checkouts/', 'POST, OPTIONS'],
    ['DELETE', '/api/v1/checkouts/ed8d24aa-a860-426b-8e56-87cb9f55a081/', 'GET, OPTIONS'],
    ['PATCH', '/api/v1/checkouts/ed8d24aa-a860-426b-8e56-87cb9f55a081/', 'GET, OPTIONS'],
  ])('answers %s %s with 405 and the allowed methods', async (method, path, allow) => {
    const sandbox = await sandboxForTest();
    const answer = await call(sandbox, path, { method });

    expect(answer.status).toBe(405);
    expect(answer.json).toEqual({ detail: `Method "${method}" not allowed.` });
    expect(answer.headers.get('allow')).toBe(allow);
  });
});
