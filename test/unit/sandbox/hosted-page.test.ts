import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { DOCS_EXAMPLE_REQUEST, minimalRequest } from './fixtures.ts';
import { call, createdId, sandboxForTest } from './helpers.ts';

interface ReceivedCallback {
  readonly headers: IncomingHttpHeaders;
  readonly body: unknown;
}

/** A little local merchant server that records the callbacks it receives. */
async function callbackReceiver(status = 200) {
  const received: ReceivedCallback[] = [];
  let notify: () => void = () => undefined;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({
        headers: req.headers,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
      });
      res.writeHead(status).end();
      notify();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/payfect/callback`,
    received,
    next: () =>
      new Promise<ReceivedCallback>((resolve) => {
        notify = () => {
          const last = received.at(-1);
          if (last !== undefined) resolve(last);
        };
      }),
  };
}

async function pressPay(origin: string, id: string) {
  return fetch(`${origin}/checkouts/${id}/pay`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: '',
    redirect: 'manual',
  });
}

async function page(origin: string, id: string) {
  const response = await fetch(`${origin}/checkouts/${id}`);
  return { status: response.status, headers: response.headers, html: await response.text() };
}

describe('the hosted checkout page', () => {
  it('shows the merchant, items, total, network, status and a Pay button', async () => {
    const sandbox = await sandboxForTest({ merchant: 'Ada Studio' });
    const id = await createdId(sandbox, {
      ...minimalRequest(),
      invoice_items: [
        {
          price_data: {
            product_data: { name: 'Logo design', description: 'Three concepts' },
            unit_amount: '120.5',
          },
          quantity: 1,
        },
        { price_data: { product_data: { name: 'Hosting' }, unit_amount: '9.99' }, quantity: 12 },
      ],
    });
    const { status, headers, html } = await page(sandbox.origin, id);

    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(html).toContain('<h1>Ada Studio</h1>');
    expect(html).toMatch(/Logo design.*Three concepts.*>1<.*>120\.50</s);
    expect(html).toMatch(/Hosting.*>12<.*>119\.88</s);
    expect(html).toContain('240.38 USDT');
    expect(html).toContain('Tron (TRC20)');
    expect(html).toContain('data-status="open">Open<');
    expect(html).toContain(`<form method="post" action="/checkouts/${id}/pay">`);
    expect(html).toContain('<button type="submit">Pay</button>');
  });

  it('escapes HTML in every piece of text a client sent', async () => {
    const sandbox = await sandboxForTest({ merchant: '<i>Evil & Co</i>' });
    const id = await createdId(sandbox, {
      ...minimalRequest(),
      client_reference_id: '"><img src=x onerror=alert(1)>',
      cancel_url: 'https://example.com/cancel?a=1&b="2"',
      invoice_items: [
        {
          price_data: {
            product_data: {
              name: '<script>alert("name")</script>',
              description: "<b onmouseover='x'>hi</b>",
            },
            unit_amount: '1',
          },
          quantity: 1,
        },
      ],
    });
    const { html } = await page(sandbox.origin, id);

    expect(html).not.toMatch(/<script|<img|<b |<i>/);
    expect(html).toContain('&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;b onmouseover=&#39;x&#39;&gt;hi&lt;/b&gt;');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;i&gt;Evil &amp; Co&lt;/i&gt;');
    expect(html).toContain('href="https://example.com/cancel?a=1&amp;b=&quot;2&quot;"');
  });

  it('answers an unknown checkout with a 404 page', async () => {
    const sandbox = await sandboxForTest();
    const { status, html } = await page(sandbox.origin, 'no-such-checkout');

    expect(status).toBe(404);
    expect(html).toContain('Checkout not found');
  });

  it('Pay completes the session, posts the documented callback and redirects to success_url', async () => {
    const receiver = await callbackReceiver();
    const sandbox = await sandboxForTest();
    const id = await createdId(sandbox, { ...DOCS_EXAMPLE_REQUEST, callback_url: receiver.url });
    const stored = sandbox.stored(id);
    const delivered = receiver.next();

    const response = await pressPay(sandbox.origin, id);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('https://example.com/success');
    expect((await call(sandbox, `/api/v1/checkouts/${id}/`)).json).toMatchObject({
      status: 'complete',
    });

    const callback = await delivered;
    expect(callback.headers['content-type']).toBe('application/json');
    expect(callback.headers['x-payfect-signature']).toMatch(/^[\w-]{20,}$/);
    expect(callback.body).toEqual({
      id,
      amount: '20.50',
      status: 'succeeded',
      currency: 'usdt',
      merchant: stored?.merchant.id,
      is_livemode: false,
      payment_intent: stored?.paymentIntent,
      payment_method: {
        id: stored?.paymentMethodId,
        payment_method_detail: { network: 'tron', currency: 'usdt' },
      },
      client_reference_id: '5ae50223-e455-4a72-a48d-fe7d85800e64',
    });
    await sandbox.callbacksSettled();
    expect(sandbox.callbacks).toMatchObject([{ url: receiver.url, status: 200 }]);
  });

  it('without a success_url, Pay returns to the page, which says Paid and offers no Pay button', async () => {
    const sandbox = await sandboxForTest();
    const id = await createdId(sandbox, minimalRequest());

    const response = await pressPay(sandbox.origin, id);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/checkouts/${id}`);

    const { html } = await page(sandbox.origin, id);
    expect(html).toContain('data-status="complete">Paid<');
    expect(html).not.toContain('<button');
  });

  it('shows an expired session as Expired, without a Pay button, and refuses to pay it', async () => {
    let now = 1_700_000_000_000;
    const sandbox = await sandboxForTest({ now: () => now });
    const id = await createdId(sandbox, DOCS_EXAMPLE_REQUEST);
    now += 25 * 60 * 60 * 1000;

    const { html } = await page(sandbox.origin, id);
    expect(html).toContain('data-status="expired">Expired<');
    expect(html).toContain('This checkout has expired.');
    expect(html).not.toContain('<button');

    const response = await pressPay(sandbox.origin, id);
    expect(response.headers.get('location')).toBe(`/checkouts/${id}`);
    expect(sandbox.sessions.get(id)?.status).toBe('expired');
    expect(sandbox.callbacks).toHaveLength(0);
  });

  it('pays only once: a second Pay changes nothing and sends no second callback', async () => {
    const receiver = await callbackReceiver();
    const sandbox = await sandboxForTest();
    const id = await createdId(sandbox, { ...minimalRequest(), callback_url: receiver.url });

    expect(sandbox.pay(id).ok).toBe(true);
    expect(sandbox.pay(id)).toEqual({ ok: false, error: 'complete' });
    await pressPay(sandbox.origin, id);
    await sandbox.callbacksSettled();
    expect(receiver.received).toHaveLength(1);
    expect(sandbox.pay('unknown')).toEqual({ ok: false, error: 'not_found' });
  });

  it('still completes the payment when the callback receiver is down', async () => {
    const receiver = await callbackReceiver();
    const sandbox = await sandboxForTest();
    const downUrl = receiver.url.replace(/:\d+\//, ':1/');
    const id = await createdId(sandbox, { ...minimalRequest(), callback_url: downUrl });

    const response = await pressPay(sandbox.origin, id);
    expect(response.status).toBe(303);
    await sandbox.callbacksSettled();
    expect(sandbox.sessions.get(id)?.status).toBe('complete');
    expect(sandbox.callbacks).toMatchObject([{ url: downUrl, error: expect.any(String) }]);
  });

  it('gives up on a callback receiver that does not answer in time', async () => {
    const hanging = createServer(() => undefined);
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    onTestFinished(() => {
      hanging.closeAllConnections();
      hanging.close();
    });
    const { port } = hanging.address() as AddressInfo;
    const sandbox = await sandboxForTest({ callbackTimeoutMs: 200 });
    const id = await createdId(sandbox, {
      ...minimalRequest(),
      callback_url: `http://127.0.0.1:${port}/hook`,
    });

    expect(sandbox.pay(id).ok).toBe(true);
    await sandbox.callbacksSettled();
    expect(sandbox.callbacks[0]?.error).toMatch(/timeout|abort/i);
  });

  it('serves a small index page at the root', async () => {
    const sandbox = await sandboxForTest();
    const html = await (await fetch(`${sandbox.origin}/`)).text();
    expect(html).toContain(sandbox.apiBaseUrl);
  });
});
