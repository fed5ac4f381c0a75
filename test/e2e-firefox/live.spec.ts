import { z } from 'zod';
import type { FirefoxExtension } from '../support/firefox.ts';
import { createRequests } from '../support/sandbox-traffic.ts';
import { order } from '../unit/factories.ts';
import { expect, test } from './fixtures.ts';

/*
 * The live question in Firefox (issue 24): the form asks before the first live link and the
 * sandbox receives nothing before the answer; a createCheckout crafted on an extension page
 * without the answer is refused by the background page.
 */

const LIVE = 'sandbox-live-key-0000-0000-000000000041';

/** Saves the live key in Settings, then marks it as Test connection leaves a live key. */
async function saveLiveKey(firefox: FirefoxExtension, apiBaseUrl: string) {
  await firefox.open('options.html');
  await firefox.fill('API key', LIVE);
  await firefox.fill('API base URL', apiBaseUrl);
  await firefox.click('Save');
  await firefox.getByRole('status', { hasText: /^Saved/ });
  await firefox.marionette.evaluate(
    z.null(),
    `await browser.storage.local.set({ keyMode: 'live' }); return null;`,
  );
}

test.use({ sandboxOptions: { liveKeys: [LIVE] } });

test('the first live link is asked about, and nothing is sent before the answer', async ({
  firefox,
  sandbox,
}) => {
  await saveLiveKey(firefox, sandbox.apiBaseUrl);
  await firefox.open('popup.html');
  await firefox.fill('Item name', 'Logo design');
  await firefox.fill('Unit price', '80');
  await firefox.click('Create link');
  await firefox.waitForText('This creates a real payment link.');
  expect(createRequests(sandbox)).toHaveLength(0);
  await firefox.click('Create real link');
  await firefox.waitForText('Link ready');
  expect(createRequests(sandbox)).toHaveLength(1);
});

test('a createCheckout crafted on an extension page without the answer is refused', async ({
  firefox,
  sandbox,
}) => {
  await saveLiveKey(firefox, sandbox.apiBaseUrl);
  await firefox.open('popup.html');
  const answer = await firefox.marionette.evaluate(
    z.object({ ok: z.boolean(), error: z.object({ kind: z.string() }).optional() }),
    `return await browser.runtime.sendMessage({
      type: 'createCheckout', requestId: 'crafted-1', order: args[0],
    });`,
    [order()],
  );
  expect(answer).toEqual({
    ok: false,
    error: expect.objectContaining({ kind: 'live_unconfirmed' }),
  });
  expect(createRequests(sandbox)).toHaveLength(0);
});
