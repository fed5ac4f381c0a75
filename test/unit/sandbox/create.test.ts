import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SANDBOX_KEY } from '../../sandbox/server.ts';
import {
  DOCS_CURL_REQUEST,
  DOCS_EXAMPLE_REQUEST,
  DOCUMENTED_RESPONSE_FIELDS,
  minimalRequest,
  requestWithItems,
} from './fixtures.ts';
import { UUID, call, create, sandboxForTest } from './helpers.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** 2023-07-28T08:14:32.288Z, the docs' example createdAt (to the millisecond). */
const DOCS_NOW = 1_690_532_072_288;

describe('POST /api/v1/checkouts/', () => {
  it("answers the docs' example request with 200 and every documented response field", async () => {
    const sandbox = await sandboxForTest({ now: () => DOCS_NOW });
    const answer = await create(sandbox, DOCS_EXAMPLE_REQUEST);

    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/json');
    const checkout = answer.json as Record<string, unknown>;
    expect(Object.keys(checkout)).toEqual(DOCUMENTED_RESPONSE_FIELDS);
    expect(checkout).toEqual({
      id: expect.stringMatching(UUID),
      merchant: { id: expect.stringMatching(UUID), name: 'Sandbox Merchant' },
      nameCollection: false,
      emailCollection: false,
      phoneNumberCollection: false,
      shippingAddressCollection: null,
      invoiceItems: [
        {
          id: expect.stringMatching(UUID),
          price: expect.stringMatching(UUID),
          quantity: 1,
          amount: '20.50',
        },
      ],
      amountTotal: '20.50',
      status: 'open',
      createdAt: '1690532072.288000',
      updatedAt: '1690532072.288000',
      clientReferenceId: '5ae50223-e455-4a72-a48d-fe7d85800e64',
      currency: 'usdt',
      successUrl: 'https://example.com/success',
      cancelUrl: 'https://example.com/cancel',
      expiresAt: String(DOCS_NOW + DAY_MS),
      paymentIntent: expect.stringMatching(UUID),
      paymentMethodTypes: ['crypto'],
      paymentMethodOptions: {
        crypto: [
          {
            currency: { value: 'usdt', name: 'Tether', logo: '/static/images/cryptos/usdt.png' },
            networks: [{ value: 'tron', name: 'Tron (TRC20)' }],
          },
        ],
        card: null,
      },
      url: `${sandbox.origin}/checkouts/${String(checkout.id)}`,
      metadata: null,
      isLivemode: false,
    });
  });

  it('sets expiresAt about 24 hours after the real clock, in unix milliseconds', async () => {
    const sandbox = await sandboxForTest();
    const before = Date.now();
    const answer = await create(sandbox, minimalRequest());
    const expiresAt = (answer.json as { expiresAt: string }).expiresAt;

    expect(expiresAt).toMatch(/^\d{13}$/);
    expect(Number(expiresAt)).toBeGreaterThanOrEqual(before + DAY_MS);
    expect(Number(expiresAt)).toBeLessThanOrEqual(Date.now() + DAY_MS);
  });

  it('makes the session lifetime configurable', async () => {
    const sandbox = await sandboxForTest({ now: () => DOCS_NOW, lifetimeMs: 90_000 });
    const answer = await create(sandbox, minimalRequest());
    expect((answer.json as { expiresAt: string }).expiresAt).toBe(String(DOCS_NOW + 90_000));
  });

  it("accepts the docs' curl body with upper-case CNY and TWD and answers in lower case", async () => {
    const sandbox = await sandboxForTest();
    const answer = await create(sandbox, DOCS_CURL_REQUEST);

    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({
      currency: 'cny',
      amountTotal: '20.00',
      clientReferenceId: '6befb0e4-e9a0-4151-8999-8b67eae19553',
      invoiceItems: [{ quantity: 1, amount: '20.00' }],
    });
  });

  it('multiplies and sums amounts exactly, never in floating point', async () => {
    const sandbox = await sandboxForTest();
    const answer = await create(
      sandbox,
      requestWithItems([
        { unit_amount: '0.1', quantity: 3 },
        { unit_amount: '0.2', quantity: 1 },
        { unit_amount: '120.5', quantity: 1 },
        { unit_amount: '9.99', quantity: 12 },
        { unit_amount: '0.000001', quantity: 1 },
      ]),
    );

    expect(answer.json).toMatchObject({
      invoiceItems: [
        { amount: '0.30' },
        { amount: '0.20' },
        { amount: '120.50' },
        { amount: '119.88' },
        { amount: '0.000001' },
      ],
      amountTotal: '240.880001',
    });
  });

  it('accepts unit_amount as a JSON number and quantity as integer text, as DRF does', async () => {
    const sandbox = await sandboxForTest();
    const answer = await create(sandbox, requestWithItems([{ unit_amount: 20.5, quantity: '2' }]));

    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ invoiceItems: [{ quantity: 2, amount: '41.00' }] });
  });

  it('ignores fields it does not know, as DRF does', async () => {
    const sandbox = await sandboxForTest();
    const answer = await create(sandbox, {
      ...minimalRequest(),
      metadata: { order: 42 },
      mode: 'payment',
    });

    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ metadata: null, amountTotal: '120.50' });
  });

  it('reports absent optional fields as null', async () => {
    const sandbox = await sandboxForTest();
    const answer = await create(sandbox, minimalRequest());

    expect(answer.json).toMatchObject({
      clientReferenceId: null,
      successUrl: null,
      cancelUrl: null,
    });
  });

  it('gives every checkout, item, price and payment intent a fresh id', async () => {
    const sandbox = await sandboxForTest();
    const first = (await create(sandbox, minimalRequest())).json as Record<string, unknown>;
    const second = (await create(sandbox, minimalRequest())).json as Record<string, unknown>;

    expect(second.id).not.toBe(first.id);
    expect(second.paymentIntent).not.toBe(first.paymentIntent);
    expect(second.invoiceItems).not.toEqual(first.invoiceItems);
    expect(sandbox.sessions.size).toBe(2);
  });

  it('offers the configured networks and uses the configured merchant', async () => {
    const networks = [
      { value: 'tron', name: 'Tron (TRC20)' },
      { value: 'eth', name: 'Ethereum (ERC20)' },
    ];
    const sandbox = await sandboxForTest({ networks, merchant: '頑碼資訊有限公司' });
    const answer = await create(sandbox, {
      ...minimalRequest(),
      payment_method_data: {
        type: 'cryptopaymentmethoddetail',
        paymentMethodDetail: { currency: 'usdt', network: 'eth' },
      },
    });

    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({
      merchant: { name: '頑碼資訊有限公司' },
      paymentMethodOptions: { crypto: [{ networks }] },
    });
    expect(sandbox.stored((answer.json as { id: string }).id)?.network).toBe('eth');
  });
});

describe('authentication', () => {
  it('refuses a request without a key with 401, as DRF words it', async () => {
    const sandbox = await sandboxForTest();
    const answer = await create(sandbox, DOCS_EXAMPLE_REQUEST, { key: null });

    expect(answer.status).toBe(401);
    expect(answer.json).toEqual({ detail: 'Authentication credentials were not provided.' });
    expect(answer.headers.get('www-authenticate')).toBe('Api-Key');
    expect(sandbox.sessions.size).toBe(0);
  });

  it('refuses a wrong key with 401 "Invalid API key."', async () => {
    const sandbox = await sandboxForTest();
    const answer = await create(sandbox, DOCS_EXAMPLE_REQUEST, { key: 'not-the-key' });

    expect(answer.status).toBe(401);
    expect(answer.json).toEqual({ detail: 'Invalid API key.' });
    expect(sandbox.sessions.size).toBe(0);
  });

  it('does not take a Bearer token for an API key', async () => {
    const sandbox = await sandboxForTest();
    const answer = await create(sandbox, DOCS_EXAMPLE_REQUEST, {
      key: null,
      headers: { authorization: `Bearer ${DEFAULT_SANDBOX_KEY}` },
    });

    expect(answer.status).toBe(401);
    expect(answer.json).toEqual({ detail: 'Authentication credentials were not provided.' });
  });

  it('accepts the default sandbox key when no keys are configured', async () => {
    const sandbox = await sandboxForTest();
    expect(sandbox.keys).toEqual([DEFAULT_SANDBOX_KEY]);
    expect((await create(sandbox, minimalRequest(), { key: DEFAULT_SANDBOX_KEY })).status).toBe(
      200,
    );
  });

  it('accepts any of several configured keys and no other', async () => {
    const sandbox = await sandboxForTest({ keys: ['key-one', 'key-two'] });

    expect((await create(sandbox, minimalRequest(), { key: 'key-one' })).status).toBe(200);
    expect((await create(sandbox, minimalRequest(), { key: 'key-two' })).status).toBe(200);
    expect((await create(sandbox, minimalRequest(), { key: DEFAULT_SANDBOX_KEY })).status).toBe(
      401,
    );
  });

  it('checks the key before the body, as DRF does', async () => {
    const sandbox = await sandboxForTest();
    const answer = await create(sandbox, '{not json', { key: 'wrong' });
    expect(answer.status).toBe(401);
  });
});

describe('request bodies that are not a checkout', () => {
  it("answers a body that is not JSON with DRF's parse error", async () => {
    const sandbox = await sandboxForTest();
    const answer = await create(sandbox, '{"currency": "usdt",');

    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ detail: expect.stringMatching(/^JSON parse error - .+/) });
  });

  it('refuses a JSON body sent without a JSON content type with 415', async () => {
    const sandbox = await sandboxForTest();
    const answer = await create(sandbox, JSON.stringify(minimalRequest()), {
      headers: { 'content-type': 'text/plain' },
    });

    expect(answer.status).toBe(415);
    expect(answer.json).toEqual({ detail: 'Unsupported media type "text/plain" in request.' });
  });

  it('accepts a JSON content type with a charset', async () => {
    const sandbox = await sandboxForTest();
    const answer = await create(sandbox, minimalRequest(), {
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
    expect(answer.status).toBe(200);
  });

  it('answers an empty body with the required-field errors', async () => {
    const sandbox = await sandboxForTest();
    const answer = await call(sandbox, '/api/v1/checkouts/', { method: 'POST' });

    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({
      currency: ['This field is required.'],
      invoice_items: ['This field is required.'],
    });
  });

  it('refuses a body over 1 MB with 413', async () => {
    const sandbox = await sandboxForTest();
    const huge = { ...minimalRequest(), padding: 'x'.repeat(1024 * 1024) };
    const answer = await create(sandbox, huge);

    expect(answer.status).toBe(413);
    expect(answer.json).toEqual({ detail: 'Request body is too large.' });
    expect(sandbox.sessions.size).toBe(0);
  });

  it('refuses a chunked body that grows past 1 MB with 413', async () => {
    const sandbox = await sandboxForTest();
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = request(
        `${sandbox.apiBaseUrl}/checkouts/`,
        {
          method: 'POST',
          headers: {
            authorization: `Api-Key ${sandbox.keys[0]}`,
            'content-type': 'application/json',
          },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode);
        },
      );
      req.on('error', reject);
      const chunk = 'x'.repeat(64 * 1024);
      for (let index = 0; index < 20; index += 1) req.write(chunk);
      req.end();
    });

    expect(status).toBe(413);
    expect(sandbox.requests[0]?.headers['transfer-encoding']).toBe('chunked');
  });
});
