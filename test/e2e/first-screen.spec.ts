import type { Page } from '@playwright/test';
import { FIRST_SCREEN_KEY } from '../../storage/first-screen.ts';
import type { ExtensionBrowser } from '../support/chromium.ts';
import {
  connectToSandbox,
  fillItems,
  openPopup,
  POPUP_VIEWPORT,
  type SampleItem,
} from '../support/flows.ts';
import { expect, test } from './fixtures.ts';

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
