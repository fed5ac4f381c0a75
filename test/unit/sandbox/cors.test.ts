import { describe, expect, it } from 'vitest';
import { minimalRequest } from './fixtures.ts';
import { call, create, createdId, sandboxForTest } from './helpers.ts';

describe('CORS, so the extension reaches the sandbox without host permissions', () => {
  it.each(['/api/v1/checkouts/', '/api/v1/checkouts/some-id/', '/__sandbox/faults'])(
    'answers a preflight for %s with 204 and the allowed methods, headers and max age',
    async (path) => {
      const sandbox = await sandboxForTest();
      const response = await fetch(`${sandbox.origin}${path}`, {
        method: 'OPTIONS',
        headers: {
          origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, content-type',
        },
      });

      expect(response.status).toBe(204);
      expect(Object.fromEntries(response.headers)).toMatchObject({
        'access-control-allow-origin': '*',
        'access-control-allow-methods': 'GET, POST, OPTIONS',
        'access-control-allow-headers': 'Authorization, Content-Type, Accept',
        'access-control-max-age': '600',
      });
    },
  );

  it('allows a private-network preflight when Chrome asks for one', async () => {
    const sandbox = await sandboxForTest();
    const response = await fetch(`${sandbox.apiBaseUrl}/checkouts/`, {
      method: 'OPTIONS',
      headers: { 'access-control-request-private-network': 'true' },
    });
    expect(response.headers.get('access-control-allow-private-network')).toBe('true');
  });

  it('puts Access-Control-Allow-Origin on every kind of response', async () => {
    const sandbox = await sandboxForTest();
    const id = await createdId(sandbox, minimalRequest());
    const answers = [
      await create(sandbox, minimalRequest()),
      await create(sandbox, minimalRequest(), { key: null }),
      await create(sandbox, { currency: 'usdt' }),
      await call(sandbox, `/api/v1/checkouts/${id}/`),
      await call(sandbox, '/api/v1/nothing/'),
      await call(sandbox, '/api/v1/checkouts/', { method: 'PUT' }),
      await call(sandbox, `/checkouts/${id}`),
      await call(sandbox, '/__sandbox/requests'),
    ];

    expect(answers.map(({ status }) => status)).toEqual([200, 401, 400, 200, 404, 405, 200, 200]);
    for (const answer of answers) {
      expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    }
  });

  it('lets a client read Retry-After on a throttled answer', async () => {
    const sandbox = await sandboxForTest();
    sandbox.faults.add({ rateLimit: { retryAfterSeconds: 7 } });
    const answer = await create(sandbox, minimalRequest());

    expect(answer.status).toBe(429);
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    expect(answer.headers.get('access-control-expose-headers')).toContain('Retry-After');
  });
});
