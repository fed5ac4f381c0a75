import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ELEMENT_KEY } from '../support/marionette.ts';
import { FIREFOX_EXTENSION_DIR, type FirefoxExtension } from '../support/firefox.ts';
import { expect, saveKey, test } from './fixtures.ts';

/*
 * Issue 24 item 8 in Firefox: Lock after past its deadline, and who may message the add-on.
 * Scripts run in the page shown, with its own `browser` (an add-on page's).
 */

const PASSPHRASE = 'correct horse battery';

const SessionSchema = z.object({
  apiKey: z.string().optional(),
  apiKeyUntil: z.number().optional(),
});

async function sessionStorage(firefox: FirefoxExtension) {
  return firefox.marionette.evaluate(
    SessionSchema,
    `return await browser.storage.session.get(['apiKey', 'apiKeyUntil']);`,
  );
}

/** When the lock alarm will fire (unix ms), or null when none is set. */
async function lockAlarmAt(firefox: FirefoxExtension) {
  return firefox.marionette.evaluate(
    z.number().nullable(),
    `return (await browser.alarms.get('key-lock'))?.scheduledTime ?? null;`,
  );
}

test('Lock after: past the deadline the popup asks for the passphrase and the key has left storage.session before the alarm fires', async ({
  firefox,
  sandbox,
}) => {
  await saveKey(firefox, sandbox, PASSPHRASE);
  expect(await firefox.value('Lock after')).toBe('60');
  const unlocked = await sessionStorage(firefox);
  expect(unlocked.apiKey).toBe(sandbox.keys[0]);
  expect(unlocked.apiKeyUntil).toBeGreaterThan(Date.now());

  // An hour without use, as far as the add-on can tell: the deadline it keeps is behind us,
  // while the alarm set for it (a real hour away) has not fired.
  await firefox.marionette.evaluate(
    z.unknown(),
    `await browser.storage.session.set({ apiKeyUntil: Date.now() - 1000 });`,
  );
  // The background page wakes for the popup, as after a sleep: no alarm wakes it.
  await firefox.stopBackground();
  await firefox.open('popup.html');
  await firefox.getByRole('heading', { name: 'Your API key is locked' });
  await firefox.getByLabel('Passphrase');
  expect(await lockAlarmAt(firefox)).toBeGreaterThan(Date.now());
  expect(await sessionStorage(firefox)).toEqual({});

  await firefox.fill('Passphrase', PASSPHRASE);
  await firefox.click('Unlock');
  await firefox.getByLabel('Item name');
  expect((await sessionStorage(firefox)).apiKey).toBe(sandbox.keys[0]);
});

const AnswerSchema = z.looseObject({});

test('the message surface: a framed add-on page is refused and web pages have no channel', async ({
  firefox,
  sandbox,
}) => {
  await saveKey(firefox, sandbox);
  const ask = `return await browser.runtime.sendMessage({ type: 'getState' });`;
  // The top frame is answered: the check below is not refusing everyone.
  expect(await firefox.marionette.evaluate(AnswerSchema, ask)).toHaveProperty('key.set', true);

  await firefox.marionette.evaluate(
    z.unknown(),
    `await new Promise((loaded) => {
      const frame = document.createElement('iframe');
      frame.id = 'framed';
      frame.addEventListener('load', loaded);
      frame.src = args[0];
      document.body.append(frame);
    });`,
    [
      new URL('popup.html', await firefox.marionette.evaluate(z.string(), 'return location.href;'))
        .href,
    ],
  );
  const frame = await firefox.marionette.send('WebDriver:FindElement', {
    using: 'css selector',
    value: '#framed',
  });
  await firefox.marionette.send('WebDriver:SwitchToFrame', {
    id: { [ELEMENT_KEY]: frameId(frame) },
  });
  const inFrame = await firefox.marionette.evaluate(AnswerSchema, ask);
  await firefox.marionette.send('WebDriver:SwitchToParentFrame', {});
  expect(inFrame).toMatchObject({ ok: false, error: { kind: 'invalid_request' } });
  expect(JSON.stringify(inFrame)).not.toContain((sandbox.keys[0] ?? '').slice(-4));

  // A web page: no extension API in its scripts at all (an add-on page, asked the same, has).
  const channel = () =>
    firefox.marionette.evaluate(
      z.object({ browser: z.string(), chrome: z.string() }),
      `return { browser: typeof window.browser?.runtime, chrome: typeof window.chrome?.runtime };`,
    );
  expect((await channel()).browser).toBe('object');
  await firefox.marionette.send('WebDriver:Navigate', { url: sandbox.origin });
  expect(await channel()).toEqual({ browser: 'undefined', chrome: 'undefined' });
  // Nor a way in: no page of the add-on may be framed or messaged from the web.
  const manifest = z
    .looseObject({
      externally_connectable: z.unknown().optional(),
      web_accessible_resources: z.unknown().optional(),
      content_scripts: z.unknown().optional(),
    })
    .parse(JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8')));
  expect(manifest.externally_connectable).toBeUndefined();
  expect(manifest.web_accessible_resources).toBeUndefined();
  expect(manifest.content_scripts).toBeUndefined();
});

function frameId(found: unknown): string {
  const value = z.object({ value: z.object({ [ELEMENT_KEY]: z.string() }) }).safeParse(found);
  if (value.success) return value.data.value[ELEMENT_KEY];
  return z.object({ [ELEMENT_KEY]: z.string() }).parse(found)[ELEMENT_KEY];
}
