import { createServer } from 'node:net';
import type { Page } from '@playwright/test';
import type { Fault, Sandbox } from '../sandbox/server.ts';
import { expect, test } from './fixtures.ts';
import {
  configureExtension,
  connectToSandbox,
  fillItems,
  openPopup,
  type SampleItem,
} from '../support/flows.ts';
import {
  clipboardText,
  createRequests,
  seedClipboard,
  statusQueries,
} from '../support/sandbox-traffic.ts';

/*
 * Every server failure of issue 5 part 2, injected with the sandbox's fault queue and met
 * in the real popup: a sentence a person understands, the form still filled, no result
 * view, the clipboard untouched (no wrong link copied), and the create sent exactly once.
 */

const ITEM: SampleItem = { name: 'Logo design', unitPrice: '80', quantity: '2' };
const REFERENCE = 'INV-FAULT-1';
/** What the clipboard held before: still there afterwards means nothing was copied. */
const CLIPBOARD_BEFORE = 'clipboard before the create';

/** A 200 body that is a valid checkout apart from the fields a case overrides. */
function checkoutBody(overrides: Record<string, unknown> = {}): string {
  const id = 'f4a1c0de-0000-4000-8000-000000000001';
  return JSON.stringify({
    id,
    url: `https://pay.payfect.finance/checkouts/${id}`,
    status: 'open',
    amountTotal: '160.00',
    currency: 'usdt',
    expiresAt: String(Date.now() + 86_400_000),
    createdAt: (Date.now() / 1000).toFixed(6),
    isLivemode: false,
    ...overrides,
  });
}

function answer(body: string, status = 200, headers?: Record<string, string>): Fault {
  return { match: 'create', respond: { status, body, ...(headers ? { headers } : {}) } };
}

const MAYBE_CREATED =
  'The link may have been created anyway — check your Payfect dashboard before you create it again.';

interface CreateFailure {
  readonly title: string;
  readonly fault: Fault;
  /** The alert's sentence(s), whole. */
  readonly alert: string;
}

const CREATE_FAILURES: readonly CreateFailure[] = [
  {
    title: '401',
    fault: answer('{"detail": "Authentication credentials were not provided."}', 401),
    alert: 'Payfect rejected the API key — check it in Settings.',
  },
  {
    title: '403',
    fault: answer('{"detail": "You do not have permission to perform this action."}', 403),
    alert:
      'Payfect accepted the API key but does not allow this action — check the account in the Payfect dashboard.',
  },
  {
    title: '429 with Retry-After',
    fault: { match: 'create', rateLimit: { retryAfterSeconds: 30 } },
    alert: 'Payfect is receiving too many requests — wait 30 seconds and try again.',
  },
  {
    title: '500',
    fault: answer('{"detail": "Internal server error."}', 500),
    alert: `Payfect had a problem (HTTP 500) — try again in a moment. ${MAYBE_CREATED}`,
  },
  {
    title: '502 with an HTML body',
    fault: answer(
      '<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>',
      502,
      { 'Content-Type': 'text/html' },
    ),
    alert: `Payfect had a problem (HTTP 502) — try again in a moment. ${MAYBE_CREATED}`,
  },
  {
    title: 'malformed JSON',
    fault: { match: 'create', malformedJson: true },
    alert: `Payfect sent an answer this extension does not understand (the response is not JSON). ${MAYBE_CREATED}`,
  },
  {
    title: 'JSON without url',
    fault: answer(checkoutBody({ url: undefined })),
    alert: `Payfect sent an answer this extension does not understand (missing or invalid field(s): url). ${MAYBE_CREATED}`,
  },
  {
    title: 'a plain-http url on a remote host',
    fault: answer(checkoutBody({ url: 'http://pay.payfect.finance/checkouts/x' })),
    alert: `Payfect sent an answer this extension does not understand (the checkout url is not a safe https link). ${MAYBE_CREATED}`,
  },
  {
    title: 'a javascript: url',
    fault: answer(checkoutBody({ url: 'javascript:alert(document.cookie)' })),
    alert: `Payfect sent an answer this extension does not understand (the checkout url is not a safe https link). ${MAYBE_CREATED}`,
  },
  {
    title: 'wrong field types',
    fault: answer(checkoutBody({ id: 7, status: 5, amountTotal: 160 })),
    alert: `Payfect sent an answer this extension does not understand (missing or invalid field(s): id, status, amountTotal). ${MAYBE_CREATED}`,
  },
  {
    title: 'a 5 MB body',
    fault: { match: 'create', bodyBytes: 5_000_000 },
    alert: `Payfect sent an answer this extension does not understand (response too large). ${MAYBE_CREATED}`,
  },
];

async function fillForm(popup: Page): Promise<void> {
  await seedClipboard(popup, CLIPBOARD_BEFORE);
  await fillItems(popup, [ITEM]);
  await popup.getByRole('textbox', { name: 'Reference' }).fill(REFERENCE);
}

/** The failure is told in words, and nothing else changed: form, clipboard, result view. */
async function expectFailureShown(popup: Page, sentence: string): Promise<void> {
  await expect(popup.getByRole('alert').getByText(sentence, { exact: true })).toBeVisible();
  await expect(popup.getByRole('textbox', { name: 'Item name' })).toHaveValue(ITEM.name);
  await expect(popup.getByRole('textbox', { name: 'Unit price' })).toHaveValue(ITEM.unitPrice);
  await expect(popup.getByRole('textbox', { name: 'Reference' })).toHaveValue(REFERENCE);
  await expect(popup.getByRole('button', { name: 'Create link' })).toBeEnabled();
  await expect(popup.getByRole('button', { name: 'Copy link' })).toHaveCount(0);
  expect(await clipboardText(popup)).toBe(CLIPBOARD_BEFORE);
}

test.beforeEach(async ({ extension, sandbox }) => {
  await extension.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await connectToSandbox(extension, sandbox);
});

test.describe('a create that fails', () => {
  for (const { title, fault, alert } of CREATE_FAILURES) {
    test(`${title} is explained, the form stays filled, nothing is copied, and it is sent once`, async ({
      extension,
      sandbox,
    }) => {
      const popup = await openPopup(extension);
      await fillForm(popup);
      sandbox.faults.add(fault);
      await popup.getByRole('button', { name: 'Create link' }).click();

      await expectFailureShown(popup, alert);
      expect(createRequests(sandbox)).toHaveLength(1);
    });
  }

  test('400 with field errors puts each message beside its field', async ({
    extension,
    sandbox,
  }) => {
    const popup = await openPopup(extension);
    await fillForm(popup);
    sandbox.faults.add(
      answer(
        JSON.stringify({
          invoice_items: [
            {
              price_data: { unit_amount: ['Ensure that there are no more than 2 decimal places.'] },
            },
          ],
          client_reference_id: ['A checkout with this reference already exists.'],
        }),
        400,
      ),
    );
    await popup.getByRole('button', { name: 'Create link' }).click();

    await expectFailureShown(
      popup,
      'Payfect did not accept the checkout details. See the marked fields.',
    );
    const price = popup.getByRole('textbox', { name: 'Unit price' });
    await expect(price).toHaveAttribute('aria-invalid', 'true');
    await expect(price).toHaveAccessibleDescription(
      /Ensure that there are no more than 2 decimal places\.$/,
    );
    await expect(popup.getByRole('textbox', { name: 'Reference' })).toHaveAccessibleDescription(
      /A checkout with this reference already exists\./,
    );
    expect(createRequests(sandbox)).toHaveLength(1);
  });

  test('a 429 is not retried after its Retry-After has passed', async ({ extension, sandbox }) => {
    const popup = await openPopup(extension);
    await fillForm(popup);
    sandbox.faults.add({ match: 'create', rateLimit: { retryAfterSeconds: 1 } });
    await popup.getByRole('button', { name: 'Create link' }).click();
    await expectFailureShown(
      popup,
      'Payfect is receiving too many requests — wait 1 second and try again.',
    );
    // The clock is the subject: an automatic retry would come once the second is over.
    await popup.waitForTimeout(2_500);
    expect(createRequests(sandbox)).toHaveLength(1);
    await expect(popup.getByRole('button', { name: 'Copy link' })).toHaveCount(0);
  });

  test('a connection dropped before the answer is explained, and the extension does not resend it', async ({
    extension,
    sandbox,
  }) => {
    const popup = await openPopup(extension);
    await fillForm(popup);
    sandbox.faults.add({ match: 'create', drop: true, times: Infinity });
    await popup.getByRole('button', { name: 'Create link' }).click();
    await expectFailureShown(
      popup,
      `Could not reach Payfect — check your connection or the API base URL. ${MAYBE_CREATED}`,
    );
    // Chromium itself resends a request once when a reused keep-alive connection closes
    // without a byte of answer (the CORS preflight opened that connection here). That
    // resend is below fetch and out of the extension's reach; anything more would be ours.
    expect(createRequests(sandbox).length).toBeGreaterThanOrEqual(1);
    expect(createRequests(sandbox).length).toBeLessThanOrEqual(2);
  });

  test('a refused connection is explained and the form stays filled', async ({
    extension,
    sandbox,
  }) => {
    await configureExtension(extension, {
      apiKey: sandbox.keys[0] ?? '',
      baseUrl: `http://127.0.0.1:${await closedPort()}/api/v1`,
    });
    const popup = await openPopup(extension);
    await fillForm(popup);
    await popup.getByRole('button', { name: 'Create link' }).click();
    await expectFailureShown(
      popup,
      `Could not reach Payfect — check your connection or the API base URL. ${MAYBE_CREATED}`,
    );
    expect(createRequests(sandbox)).toHaveLength(0);
  });

  // The real 15 s timeout of the production build, not a shortened one: a test-only switch
  // would either ship in the build (user-settable storage) or make the tested build differ
  // from the shipped one. The transport's timeout is unit-tested with a 20 ms limit in
  // test/unit/lib/payfect/client.test.ts; this case costs about 17 s once.
  test('an answer slower than the 15-second timeout is given up, once', async ({
    extension,
    sandbox,
  }) => {
    test.setTimeout(60_000);
    const popup = await openPopup(extension);
    await fillForm(popup);
    sandbox.faults.add({ match: 'create', latencyMs: 20_000 });
    await popup.getByRole('button', { name: 'Create link' }).click();
    await expect(popup.getByRole('alert')).toBeVisible({ timeout: 25_000 });
    await expectFailureShown(
      popup,
      `Payfect did not answer within 15 seconds — check your connection and try again. ${MAYBE_CREATED}`,
    );
    expect(createRequests(sandbox)).toHaveLength(1);
  });
});

test.describe('controls: the same path succeeds when the server behaves', () => {
  test('a complete checkout body from the same fault mechanism gives a link', async ({
    extension,
    sandbox,
  }) => {
    const popup = await openPopup(extension);
    await fillForm(popup);
    sandbox.faults.add(answer(checkoutBody()));
    await popup.getByRole('button', { name: 'Create link' }).click();
    const link = popup.getByRole('link', { name: /^https:\/\/pay\.payfect\.finance\// });
    await expect(link).toBeVisible();
    await expect(popup.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
    expect(await clipboardText(popup)).toBe(await link.textContent());
  });

  test('a slow answer within the timeout gives the link', async ({ extension, sandbox }) => {
    const popup = await openPopup(extension);
    await fillForm(popup);
    sandbox.faults.add({ match: 'create', latencyMs: 2_000 });
    await popup.getByRole('button', { name: 'Create link' }).click();
    const [session] = await sessionsOnceCreated(sandbox);
    await expect(popup.getByRole('link', { name: session?.url ?? 'missing' })).toBeVisible();
    expect(createRequests(sandbox)).toHaveLength(1);
  });
});

test.describe('a status Payfect does not document', () => {
  test('a create answered "processing" keeps its link, History shows "processing", and polling goes on', async ({
    extension,
    sandbox,
  }) => {
    const popup = await openPopup(extension);
    await fillForm(popup);
    sandbox.faults.add({ match: 'create', status: 'processing' });
    await popup.getByRole('button', { name: 'Create link' }).click();
    const [session] = await sessionsOnceCreated(sandbox);
    await expect(popup.getByRole('link', { name: session?.url ?? 'missing' })).toBeVisible();
    expect(await clipboardText(popup)).toBe(session?.url);
    await popup.getByRole('tab', { name: 'History' }).click();
    await expect(statusWord(popup, 'processing')).toBeVisible();

    sandbox.pay(session?.id ?? 'missing');
    await popup.getByRole('button', { name: 'Refresh statuses' }).click();
    await expect(popup.getByRole('status').filter({ hasText: 'Checked 1' })).toHaveText(
      'Checked 1 open link · 1 status changed',
    );
    await expect(statusWord(popup, 'Complete')).toBeVisible();
  });
});

test.describe('a status query that fails', () => {
  test('404 keeps the session open until it expires, with a note', async ({
    extension,
    sandbox,
  }) => {
    const popup = await createdLinkInHistory(extension, sandbox);
    const before = statusQueries(sandbox).length;
    sandbox.faults.add({
      match: 'get',
      respond: { status: 404, body: '{"detail": "Not found."}' },
    });
    await popup.getByRole('button', { name: 'Refresh statuses' }).click();
    await expect(popup.getByRole('status').filter({ hasText: 'Checked 1' })).toHaveText(
      'Checked 1 open link · no change · 1 link not found at Payfect: shown as Open until it expires.',
    );
    await expect(statusWord(popup, 'Open')).toBeVisible();
    expect(statusQueries(sandbox).length - before).toBe(1);
  });

  test('429 waits as Retry-After says, asks again and gets the status', async ({
    extension,
    sandbox,
  }) => {
    const popup = await createdLinkInHistory(extension, sandbox);
    const [session] = [...sandbox.sessions.values()];
    sandbox.pay(session?.id ?? 'missing');
    const before = statusQueries(sandbox).length;
    sandbox.faults.add({ match: 'get', rateLimit: { retryAfterSeconds: 1 } });
    await popup.getByRole('button', { name: 'Refresh statuses' }).click();
    await expect(popup.getByRole('status').filter({ hasText: 'Checked 1' })).toHaveText(
      'Checked 1 open link · 1 status changed',
    );
    await expect(statusWord(popup, 'Complete')).toBeVisible();
    expect(statusQueries(sandbox).length - before).toBe(2);
  });
});

/** A History row's status word (not the filter's option of the same name). */
function statusWord(popup: Page, word: string) {
  return popup.getByRole('list', { name: 'Links' }).getByText(word, { exact: true });
}

/** Creates one link the ordinary way and shows it in History. */
async function createdLinkInHistory(
  extension: Parameters<typeof openPopup>[0],
  sandbox: Sandbox,
): Promise<Page> {
  const popup = await openPopup(extension);
  await fillForm(popup);
  await popup.getByRole('button', { name: 'Create link' }).click();
  await sessionsOnceCreated(sandbox);
  await expect(popup.getByRole('button', { name: 'Copy link' })).toBeVisible();
  await popup.getByRole('tab', { name: 'History' }).click();
  await expect(statusWord(popup, 'Open')).toBeVisible();
  return popup;
}

async function sessionsOnceCreated(sandbox: Sandbox) {
  await expect.poll(() => sandbox.sessions.size, { timeout: 10_000 }).toBe(1);
  return [...sandbox.sessions.values()];
}

/** A loopback port nothing listens on: connecting to it is refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}
