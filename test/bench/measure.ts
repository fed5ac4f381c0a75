import type { Page } from '@playwright/test';
import type { ExtensionBrowser } from '../support/chromium.ts';
import { fillItems, openPopup, POPUP_VIEWPORT } from '../support/flows.ts';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIRST_SCREEN_KEY } from '../../storage/prerendered.ts';
import { STATIC_FORM_PAGE, STATIC_PAGE } from './bench-extension.ts';

declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
};

/** Navigation start → the page's `popup-ready` mark (the popup and the bare React page). */
export async function markedReady(
  extension: ExtensionBrowser,
  path: string,
  mark = 'popup-ready',
): Promise<number> {
  const page = await extension.context.newPage();
  await page.setViewportSize(POPUP_VIEWPORT);
  await page.goto(extension.url(path));
  const handle = await page.waitForFunction(
    (name) => performance.getEntriesByName(name)[0]?.startTime,
    mark,
    { polling: 'raf' },
  );
  const ms = Number(await handle.jsonValue());
  await page.close();
  return ms;
}

/**
 * Navigation start → a field labelled "Item name" takes a key. From the moment the navigation
 * commits, text is typed (DevTools' Input.insertText, one call after the other) until one
 * reaches that field; an init script notes when the page handled it (its beforeinput) and
 * cancels it, so nothing is stored and every round starts from the same form. The same for
 * every page: the popup, the bare React page and the static copy of the popup's form.
 * `firstScreen: false` drops the popup's kept first screen before the page runs.
 */
export async function takesInput(
  extension: ExtensionBrowser,
  path: string,
  { firstScreen = true } = {},
): Promise<number> {
  const page = await extension.context.newPage();
  await page.setViewportSize(POPUP_VIEWPORT);
  // As a popup opens with no first screen kept: a passphrase user, the first after an update.
  if (!firstScreen)
    await page.addInitScript((key) => localStorage.removeItem(key), FIRST_SCREEN_KEY);
  await page.addInitScript(() => {
    addEventListener(
      'beforeinput',
      (event) => {
        const field = event.target;
        if (!(field instanceof HTMLInputElement)) return;
        if (!field.labels?.[0]?.textContent?.includes('Item name')) return;
        event.preventDefault();
        const record = window as unknown as { tookInput?: number };
        record.tookInput ??= performance.now();
      },
      true,
    );
  });
  const cdp = await page.context().newCDPSession(page);
  await page.goto(extension.url(path), { waitUntil: 'commit' });
  let took: number | undefined;
  const deadline = Date.now() + 15_000;
  while (took === undefined) {
    if (Date.now() > deadline) throw new Error(`No field labelled Item name took input in ${path}`);
    await cdp.send('Input.insertText', { text: 'x' });
    took = await page
      .evaluate(() => (window as unknown as { tookInput?: number }).tookInput)
      .catch(() => undefined);
  }
  // The popup keeps its first screen once idle: left before that, the next round has none.
  // (Only the popup sets this mark: waiting for it elsewhere would idle to the timeout.)
  if (path === 'popup.html') {
    await page.waitForFunction(() => performance.getEntriesByName('popup-ready').length > 0, null, {
      polling: 'raf',
    });
  }
  await page.close();
  return took;
}

/**
 * A page with no script at all holding the popup's form exactly as its first screen draws it
 * (the HTML the popup kept, its stylesheets): the floor for "form takes input".
 */
export async function writeStaticForm(
  extension: ExtensionBrowser,
  benchDir: string,
): Promise<void> {
  const popup = await openPopup(extension);
  await popup.getByRole('textbox', { name: 'Item name' }).waitFor();
  const kept = await popup.waitForFunction((key) => localStorage.getItem(key), FIRST_SCREEN_KEY, {
    polling: 100,
  });
  const { html } = JSON.parse(String(await kept.jsonValue())) as { html: string };
  const styles = await popup.evaluate(() =>
    [...document.querySelectorAll('link[rel="stylesheet"]')].map((link) => link.outerHTML),
  );
  await popup.close();
  writeFileSync(
    join(benchDir, STATIC_FORM_PAGE),
    `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="UTF-8" />\n<title>Benchmark: the popup's form, static</title>\n${styles.join('\n')}\n</head>\n<body>\n<div id="root">${html}</div>\n</body>\n</html>\n`,
  );
}

/**
 * Click on the History tab → the list (or its "No links yet" line) on screen, on a freshly
 * opened popup: History reads the stored sessions when its tab is first opened.
 */
export async function historyReady(page: Page): Promise<number> {
  // Clicked once React runs the tabs: before that the click waits for hydration.
  await page.waitForFunction(() => performance.getEntriesByName('popup-ready').length > 0);
  return page.evaluate(async () => {
    const tab = [...document.querySelectorAll<HTMLElement>('[role="tab"]')].find(
      (element) => element.textContent?.trim() === 'History',
    );
    const t0 = performance.now();
    tab?.click();
    // Inline rather than a named helper: tsx would wrap a named function in a `__name`
    // call that does not exist in the page.
    while (
      document.querySelector('[role="listitem"]') === null &&
      ![...document.querySelectorAll('.history-empty')].some(
        (element) => !element.textContent?.startsWith('Loading'),
      )
    ) {
      if (performance.now() - t0 > 15_000) throw new Error('History showed nothing in 15 s');
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    return performance.now() - t0;
  });
}

/** What Search holds after each key as `text` is typed a letter at a time: "l", "lo", … */
export function typedValues(text: string): string[] {
  return [...text].map((_, i) => text.slice(0, i + 1));
}

export interface SearchTimes {
  /** Each change's time. */
  readonly ms: number[];
  /** The rows in the list after each change, once its frame was painted (not timed). */
  readonly rows: number[];
}

/**
 * Each change of Search's text → React re-rendered the filtered list and the browser laid it
 * out. `values` are what the box holds after each change: a word typed a letter at a time
 * (typedValues), or numbers pasted one after the other. Not "to the next frame": a frame
 * waits for the display's next tick (16.7 ms at 60 Hz) whatever the work, so that figure
 * could never go under 16 ms and would measure the clock.
 */
export async function searchKeystrokes(
  page: Page,
  values: readonly string[],
): Promise<SearchTimes> {
  // Typing is timed over the whole history, once History has read all of it.
  await page.locator('section.history[aria-busy="false"]').waitFor();
  return page.evaluate(async (typed) => {
    const box = document.querySelector<HTMLInputElement>('input[type="search"]');
    const list = document.querySelector<HTMLElement>('.history-scroll');
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    if (!box || !list || !setValue) throw new Error('No search box or list');
    const ms: number[] = [];
    const rows: number[] = [];
    for (const value of typed) {
      const t0 = performance.now();
      setValue.call(box, value);
      box.dispatchEvent(new Event('input', { bubbles: true }));
      // React renders an input's update in a microtask, any deferred work in a task; the
      // forced layout then costs what the browser would spend before painting.
      await new Promise((resolve) => setTimeout(resolve, 0));
      list.getBoundingClientRect();
      ms.push(performance.now() - t0);
      // Let the frame paint before the next keystroke, as a typist would.
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      rows.push(document.querySelectorAll('[role="listitem"]').length);
    }
    setValue.call(box, '');
    box.dispatchEvent(new Event('input', { bubbles: true }));
    return { ms, rows };
  }, values);
}

/**
 * Click on "Create link" → "Link copied" on screen, which the popup shows once the
 * clipboard write of the URL resolved.
 */
export async function createTime(extension: ExtensionBrowser): Promise<number> {
  const page = await openPopup(extension);
  // Timed once React runs the form: a click before that waits for hydration (first-screen.spec
  // covers it), which is the popup's opening, not its create.
  await page.waitForFunction(() => performance.getEntriesByName('popup-ready').length > 0);
  await fillItems(page, [{ name: 'Benchmark item', unitPrice: '12.5' }]);
  // The clipboard takes a write only from the focused page.
  await page.bringToFront();
  const ms = await page.evaluate(async () => {
    const button = [...document.querySelectorAll<HTMLButtonElement>('button')].find(
      (element) => element.textContent?.trim() === 'Create link',
    );
    const t0 = performance.now();
    button?.click();
    while (!document.body.textContent?.includes('Link copied')) {
      // A failed create or copy shows something else: said, rather than waited for forever.
      if (performance.now() - t0 > 15_000) {
        const shown = document.querySelector('[role="status"], [role="alert"]')?.textContent;
        throw new Error(`No "Link copied" in 15 s; the popup says: ${shown ?? 'nothing'}`);
      }
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    return performance.now() - t0;
  });
  // Back to an empty form, so the next popup does not open on this result.
  await page.getByRole('tab', { name: 'New link' }).click();
  await page.close();
  return ms;
}

export interface RawRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * The same POST the extension sent, made by a bare `fetch` from an extension page and read
 * to the end: the time Payfect (here the sandbox) and the network alone take.
 */
export async function rawFetchTime(page: Page, request: RawRequest): Promise<number> {
  return page.evaluate(async ({ url, headers, body }) => {
    const t0 = performance.now();
    const response = await fetch(url, { method: 'POST', headers, body, cache: 'no-store' });
    const answer: unknown = await response.json();
    const elapsed = performance.now() - t0;
    if (!response.ok) throw new Error(`Raw create failed: ${JSON.stringify(answer)}`);
    return elapsed;
  }, request);
}

/** One `getState` round trip to the background from an extension page. */
async function messageTime(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const t0 = performance.now();
    await chrome.runtime.sendMessage({ type: 'getState' });
    return performance.now() - t0;
  });
}

/**
 * Waits until the extension has digested a seeding: storage.onChanged hands every written
 * and removed session (megabytes at 10,000) to the worker and to each open extension page,
 * work a user never causes right before opening the popup. Without this, the figure timed
 * next paid for the seeding of its own or of the previous size (the empty history, seeded
 * right after the 10,000 one, opened ~30 % slower than 100 sessions). A quiet half second,
 * then a message the worker answers once it has worked through the events before it.
 */
export async function settleAfterSeeding(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));
  await messageTime(page);
}

interface WorkerVersion {
  readonly versionId: string;
  readonly scriptURL: string;
  readonly runningStatus: string;
}

/**
 * Stops every service worker through CDP and waits until Chromium reports the extension's
 * worker stopped, then times the first message (which starts a new worker) and a second
 * one (the same worker, warm).
 */
export async function coldAndWarmMessage(
  extension: ExtensionBrowser,
  page: Page,
): Promise<{ cold: number; warm: number }> {
  const cdp = await extension.context.newCDPSession(page);
  const origin = extension.url('');
  const stopped = new Promise<void>((resolve) => {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      const ours = (versions as readonly WorkerVersion[]).filter((v) =>
        v.scriptURL.startsWith(origin),
      );
      if (ours.length > 0 && ours.every((v) => v.runningStatus === 'stopped')) resolve();
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  await cdp.detach();
  const cold = await messageTime(page);
  const warm = await messageTime(page);
  return { cold, warm };
}

export async function openStaticPage(extension: ExtensionBrowser): Promise<Page> {
  const page = await extension.context.newPage();
  await page.goto(extension.url(STATIC_PAGE));
  return page;
}
