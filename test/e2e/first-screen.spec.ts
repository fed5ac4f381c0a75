import type { Page } from '@playwright/test';
import { FIRST_SCREEN_KEY } from '../../storage/prerendered.ts';
import { prefillFromSelection } from '../../lib/prefill.ts';
import type { ExtensionBrowser } from '../support/chromium.ts';
import {
  connectToSandbox,
  fillItems,
  openPopup,
  POPUP_VIEWPORT,
  type SampleItem,
} from '../support/flows.ts';
import { expect, test } from './fixtures.ts';

// Chromium's extension API inside the service worker.
declare const chrome: {
  storage: { local: { set(items: Record<string, unknown>): Promise<void> } };
};

/*
 * The prerendered first screen (entrypoints/popup/start/first-screen.ts, popup-boot.ts): a popup
 * opens on the form the last one rendered for it, drawn before any module runs, and React
 * hydrates it without losing what was typed meanwhile.
 */

/** Waits until the popup has stored the first screen for the next one, holding `text`. */
async function firstScreenKept(popup: Page, text: string): Promise<void> {
  await expect
    .poll(() =>
      popup.evaluate((key) => {
        const stored = localStorage.getItem(key);
        return stored === null ? null : (JSON.parse(stored) as { html: string }).html;
      }, FIRST_SCREEN_KEY),
    )
    .toContain(text);
}

/** A popup with `item` typed in, once it has kept the first screen holding it for the next. */
async function popupKeeping(extension: ExtensionBrowser, item: SampleItem): Promise<Page> {
  const popup = await openPopup(extension);
  await fillItems(popup, [item]);
  await firstScreenKept(popup, item.name);
  return popup;
}

interface HeldPopup {
  readonly page: Page;
  /** Lets the popup's modules load: React hydrates (or renders) from then on. */
  readonly release: () => Promise<void>;
}

/**
 * A popup whose entry module is held back (DevTools' Fetch domain) until `release`, so the
 * test acts on what the HTML and popup-boot drew, before any module ran. It records when the
 * page took each input and submit, and whether a field labelled Item name ever appeared.
 */
async function openHeldPopup(extension: ExtensionBrowser): Promise<HeldPopup> {
  const page = await extension.context.newPage();
  await page.setViewportSize(POPUP_VIEWPORT);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Fetch.enable', { patterns: [{ urlPattern: '*/chunks/popup-*' }] });
  const held: string[] = [];
  cdp.on('Fetch.requestPaused', (event) => held.push(event.requestId));
  await page.addInitScript(() => {
    const seen = {
      inputs: [] as number[],
      submits: [] as number[],
      clicks: [] as number[],
      form: false,
    };
    Object.assign(window, { seen });
    addEventListener('input', () => seen.inputs.push(performance.now()), true);
    addEventListener('click', () => seen.clicks.push(performance.now()), true);
    addEventListener('submit', () => seen.submits.push(performance.now()), true);
    new MutationObserver(() => {
      seen.form ||= document.getElementById('field-items-0-name') !== null;
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(extension.url('popup.html'), { waitUntil: 'commit' });
  await expect.poll(() => held.length).toBe(1);
  // Parsed, popup-boot run; the module is what is left.
  await page.waitForFunction(() => document.readyState === 'interactive');
  return {
    page,
    release: async () => {
      for (const requestId of held) await cdp.send('Fetch.continueRequest', { requestId });
      await cdp.send('Fetch.disable');
    },
  };
}

interface Seen {
  inputs: number[];
  submits: number[];
  clicks: number[];
  form: boolean;
  hydrated: number | undefined;
}

function seen(page: Page): Promise<Seen> {
  return page.evaluate(() => ({
    ...(window as unknown as { seen: Omit<Seen, 'hydrated'> }).seen,
    hydrated: performance.getEntriesByName('popup-hydrated')[0]?.startTime,
  }));
}

test('the popup opens on its form with the draft before any module runs; typing and Enter before hydration create the link', async ({
  extension,
  sandbox,
}) => {
  await connectToSandbox(extension, sandbox);
  const first = await popupKeeping(extension, { name: 'Logo', unitPrice: '120.5' });
  await first.close();

  const held = await openHeldPopup(extension);
  const popup = held.page;
  const name = popup.getByRole('textbox', { name: 'Item name' });
  // Drawn from the stored first screen, with no module run: the draft is there, the field
  // has focus, and it takes typing; Enter is held for React.
  await expect(name).toHaveValue('Logo');
  await expect(name).toBeFocused();
  await popup.keyboard.type(' design');
  await expect(name).toHaveValue('Logo design');
  await popup.keyboard.press('Enter');
  await held.release();

  const link = popup.getByRole('link', { name: /^https?:\/\// });
  await expect(link).toBeVisible();
  const creates = sandbox.requests.filter((r) => r.method === 'POST');
  expect(creates).toHaveLength(1);
  expect(JSON.stringify(creates[0]?.json)).toContain('"name":"Logo design"');
  // It was all done before React hydrated the form: typed, then Enter held and pressed again.
  const times = await seen(popup);
  expect(times.hydrated).toBeDefined();
  expect(times.inputs[0]).toBeLessThan(times.hydrated ?? 0);
  expect(times.submits[0]).toBeLessThan(times.hydrated ?? 0);
});

test('the History tab clicked before hydration opens History once React is there', async ({
  extension,
  sandbox,
}) => {
  await connectToSandbox(extension, sandbox);
  const first = await popupKeeping(extension, { name: 'Copywriting', unitPrice: '40' });
  await first.close();

  const held = await openHeldPopup(extension);
  const popup = held.page;
  const history = popup.getByRole('tab', { name: 'History' });
  await history.click();
  // Nothing runs the tabs yet: the click waits for React.
  await expect(history).toHaveAttribute('aria-selected', 'false');
  await held.release();

  await expect(history).toHaveAttribute('aria-selected', 'true');
  await expect(popup.getByText('No links yet')).toBeVisible();
  const times = await seen(popup);
  expect(times.hydrated).toBeDefined();
  expect(times.clicks[0]).toBeLessThan(times.hydrated ?? 0);
});

test('the kept first screen holds no business details and no characters of the key', async ({
  extension,
  sandbox,
}) => {
  await connectToSandbox(extension, sandbox);
  const options = await extension.context.newPage();
  await options.goto(extension.url('options.html'));
  await options.getByRole('textbox', { name: 'Business name' }).fill('Lin Studio Ltd');
  await options.getByRole('textbox', { name: 'Business address' }).fill('12 Harbour Road');
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByRole('status').filter({ hasText: /^Saved/ })).toBeVisible();
  await options.close();

  const popup = await popupKeeping(extension, { name: 'Hosting', unitPrice: '9.99' });
  const kept = (await popup.evaluate((key) => localStorage.getItem(key), FIRST_SCREEN_KEY)) ?? '';
  expect(kept).toContain('Hosting');
  const key = sandbox.keys[0] ?? '';
  expect(key.length).toBeGreaterThan(8);
  for (const secret of ['Lin Studio', 'Harbour', key.slice(-4)]) expect(kept).not.toContain(secret);
});

test('a draft saved after the first screen was kept (its popup closed before keeping a new one) replaces the drawn one', async ({
  extension,
  sandbox,
}) => {
  await connectToSandbox(extension, sandbox);
  const first = await popupKeeping(extension, { name: 'Hosting', unitPrice: '9.99' });
  const kept = await first.evaluate((key) => localStorage.getItem(key), FIRST_SCREEN_KEY);
  await first.close();

  const second = await openPopup(extension);
  await second.getByRole('textbox', { name: 'Item name' }).fill('Hosting plan');
  await firstScreenKept(second, 'Hosting plan');
  // As if it had closed before it was idle: the stored draft is newer than the first screen.
  await second.evaluate(({ key, value }) => localStorage.setItem(key, value), {
    key: FIRST_SCREEN_KEY,
    value: kept ?? '',
  });
  await second.close();

  const third = await openPopup(extension);
  await expect(third.getByRole('textbox', { name: 'Item name' })).toHaveValue('Hosting plan');
  await expect(third.getByRole('textbox', { name: 'Unit price' })).toHaveValue('9.99');
});

test('a popup closed while its link was being made opens on it, never on the form for a frame', async ({
  extension,
  sandbox,
}) => {
  await connectToSandbox(extension, sandbox);
  sandbox.faults.add({ match: 'create', latencyMs: 2_000 });
  const first = await popupKeeping(extension, { name: 'Website audit', unitPrice: '75' });
  await first.getByRole('button', { name: 'Create link' }).click();
  await expect(first.getByText(/Creating|still being made/i).first()).toBeVisible();
  await expect
    .poll(() => first.evaluate((key) => localStorage.getItem(key), FIRST_SCREEN_KEY))
    .toBeNull();
  await first.close();

  const held = await openHeldPopup(extension);
  expect((await seen(held.page)).form, 'the form drawn before any module ran').toBe(false);
  await held.release();
  await expect(held.page.getByRole('link', { name: /^https?:\/\// })).toBeVisible();
  expect((await seen(held.page)).form).toBe(false);
});

test('after the key is removed in Settings, the popup opens on Open settings, never on the form', async ({
  extension,
  sandbox,
}) => {
  await connectToSandbox(extension, sandbox);
  const first = await popupKeeping(extension, { name: 'Hosting', unitPrice: '9.99' });
  await first.close();

  const options = await extension.context.newPage();
  await options.goto(extension.url('options.html'));
  await options.getByRole('button', { name: 'Remove key' }).click();
  await expect(options.getByRole('textbox', { name: 'API key' })).toHaveValue('');
  await options.close();

  const held = await openHeldPopup(extension);
  expect((await seen(held.page)).form, 'the form drawn before any module ran').toBe(false);
  await held.release();
  await expect(held.page.getByRole('button', { name: 'Open settings' })).toBeVisible();
  expect((await seen(held.page)).form).toBe(false);
});

interface HeldRender {
  /** Resolves once the popup has asked for the renderer (react-dom/server) and been held. */
  readonly asked: Promise<void>;
  /** Lets the renderer load, and waits until what its keep then does is done. */
  readonly release: () => Promise<void>;
}

/**
 * Holds back the chunk that renders the next popup's first screen (render-first-screen.tsx,
 * with react-dom/server) in `popup`, not yet opened, so a keep stays between its decision
 * and its write for as long as the test likes.
 */
async function holdRender(popup: Page): Promise<HeldRender> {
  const cdp = await popup.context().newCDPSession(popup);
  await cdp.send('Fetch.enable', { patterns: [{ urlPattern: '*/chunks/render-first-screen-*' }] });
  const held: { requestId: string; url: string }[] = [];
  let asked: () => void = () => undefined;
  const askedPromise = new Promise<void>((resolve) => {
    asked = resolve;
  });
  cdp.on('Fetch.requestPaused', (event) => {
    held.push({ requestId: event.requestId, url: event.request.url });
    asked();
  });
  return {
    asked: askedPromise,
    release: async () => {
      for (const { requestId } of held) await cdp.send('Fetch.continueRequest', { requestId });
      await cdp.send('Fetch.disable');
      // The same module, so settled once every keep awaiting it has had its turn.
      await popup.evaluate(async (url) => {
        await import(url);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }, held[0]?.url ?? '');
    },
  };
}

test('a first screen still being rendered when Create link is pressed is never kept: the next popup opens on the link, never on the form', async ({
  extension,
  sandbox,
}) => {
  await connectToSandbox(extension, sandbox);
  sandbox.faults.add({ match: 'create', latencyMs: 2_000 });
  const first = await extension.context.newPage();
  await first.setViewportSize(POPUP_VIEWPORT);
  const render = await holdRender(first);
  await openPopup(extension, first);
  await fillItems(first, [{ name: 'Brand review', unitPrice: '60' }]);
  // A keep has decided on the form and waits for the renderer; Create link is pressed now.
  await render.asked;
  await first.getByRole('button', { name: 'Create link' }).click();
  await expect(first.getByText(/Creating|still being made/i).first()).toBeVisible();
  await render.release();
  expect
    .soft(
      await first.evaluate((key) => localStorage.getItem(key), FIRST_SCREEN_KEY),
      'a first screen kept after Create link was pressed',
    )
    .toBeNull();
  await first.close();

  const held = await openHeldPopup(extension);
  expect((await seen(held.page)).form, 'the form drawn before any module ran').toBe(false);
  await held.release();
  await expect(held.page.getByRole('link', { name: /^https?:\/\// })).toBeVisible();
  expect((await seen(held.page)).form).toBe(false);
});

test('Enter pressed before hydration, then the popup closed while the link is made: the next popup opens on the link, never on the form', async ({
  extension,
  sandbox,
}) => {
  await connectToSandbox(extension, sandbox);
  const first = await popupKeeping(extension, { name: 'Menu card', unitPrice: '35' });
  await first.close();
  sandbox.faults.add({ match: 'create', latencyMs: 3_000 });

  const held = await openHeldPopup(extension);
  const second = held.page;
  await expect(second.getByRole('textbox', { name: 'Item name' })).toBeFocused();
  await second.keyboard.press('Enter');
  await held.release();
  await expect(second.getByText(/Creating|still being made/i).first()).toBeVisible();
  // Idle, then long enough for any keep begun then to have rendered and written.
  await second.evaluate(
    () =>
      new Promise((resolve) => {
        requestIdleCallback(() => setTimeout(resolve, 500), { timeout: 1_000 });
      }),
  );
  expect
    .soft(
      await second.evaluate((key) => localStorage.getItem(key), FIRST_SCREEN_KEY),
      'a first screen kept after Create link was pressed',
    )
    .toBeNull();
  await second.close();

  const third = await openHeldPopup(extension);
  expect((await seen(third.page)).form, 'the form drawn before any module ran').toBe(false);
  await third.release();
  await expect(third.page.getByRole('link', { name: /^https?:\/\// })).toBeVisible();
  expect((await seen(third.page)).form).toBe(false);
});

test('typing before hydration is kept when selected text waits to be added: the form has both', async ({
  extension,
  sandbox,
}) => {
  await connectToSandbox(extension, sandbox);
  const first = await popupKeeping(extension, { name: 'Hosting', unitPrice: '9.99' });
  await first.close();
  // The selection menu's click, as selection.spec.ts stores it.
  const prefill = prefillFromSelection({
    text: 'A brief for the new logo',
    pageTitle: 'Acme logo brief',
    now: Date.now(),
  });
  await extension.worker.evaluate((value) => chrome.storage.local.set({ prefill: value }), prefill);

  const held = await openHeldPopup(extension);
  const popup = held.page;
  const name = popup.getByRole('textbox', { name: 'Item name' });
  await expect(name).toBeFocused();
  await popup.keyboard.type(' plan');
  await held.release();

  await expect(name).toHaveCount(2);
  await expect(name.first()).toHaveValue('Hosting plan');
  await expect(name.nth(1)).toHaveValue('Acme logo brief');
  await popup.close();
  const reopened = await openPopup(extension);
  const names = reopened.getByRole('textbox', { name: 'Item name' });
  await expect(names).toHaveCount(2);
  await expect(names.first()).toHaveValue('Hosting plan');
});
