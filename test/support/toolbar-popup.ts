import { chromium, type Browser, type Page } from '@playwright/test';
import type { ExtensionBrowser } from './chromium.ts';

declare const chrome: { action: { openPopup(): Promise<void> } };

/** The real toolbar popup, as a Playwright page, over a second DevTools connection. */
export interface ToolbarPopup {
  readonly page: Page;
  /** Whether Chromium still lists the popup (it closes one that loses focus, or on Escape). */
  isOpen(): Promise<boolean>;
  /**
   * Presses Escape as a keyboard does. Playwright's keyboard reaches the page only; a key the
   * page leaves unhandled never reaches Chromium, which closes its popup on an unhandled
   * Escape. This one carries native key codes, so Chromium gets it too (found by a helper).
   */
  pressEscape(): Promise<void>;
  /** Ends the second connection; the popup and the browser stay as they are. */
  disconnect(): Promise<void>;
}

function isPopup(page: Page): boolean {
  return new URL(page.url()).pathname === '/popup.html';
}

/**
 * Opens the extension's toolbar popup as a click on its icon does — `chrome.action.openPopup()`
 * from the service worker — and returns it. The popup is a page target that the persistent
 * context does not list; a connection over the DevTools protocol (`remoteDebugging`) sees it.
 */
export async function openToolbarPopup(extension: ExtensionBrowser): Promise<ToolbarPopup> {
  if (extension.cdpUrl === undefined) {
    throw new Error('Launch with { remoteDebugging: true } to reach the toolbar popup.');
  }
  await extension.worker.evaluate(() => chrome.action.openPopup());
  // Connected once it is open: a connection lists the pages that exist when it is made.
  let browser: Browser | undefined;
  let page: Page | undefined;
  for (const deadline = Date.now() + 10_000; page === undefined;) {
    await browser?.close();
    browser = await chromium.connectOverCDP(extension.cdpUrl);
    page = browser
      .contexts()
      .flatMap((context) => context.pages())
      .find(isPopup);
    if (page === undefined) {
      if (Date.now() > deadline) throw new Error('The toolbar popup did not open');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const connection = browser;
  const popupPage = page;
  await popupPage.waitForLoadState('domcontentloaded');
  const session = await popupPage.context().newCDPSession(popupPage);
  const endpoint = extension.cdpUrl;
  return {
    page: popupPage,
    async isOpen() {
      const listed = (await (await fetch(`${endpoint}/json/list`)).json()) as { url: string }[];
      return listed.some((target) => target.url === popupPage.url());
    },
    async pressEscape() {
      const key = {
        key: 'Escape',
        code: 'Escape',
        windowsVirtualKeyCode: 27,
        nativeVirtualKeyCode: 9,
      };
      await session.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...key });
      // The key may have closed the popup, leaving nothing to release it in.
      await session
        .send('Input.dispatchKeyEvent', { type: 'keyUp', ...key })
        .catch(() => undefined);
    },
    disconnect: async () => connection?.close(),
  };
}

/** What the popup window measures: its size, and whether anything scrolls sideways. */
export async function popupFit(page: Page): Promise<{
  width: number;
  height: number;
  scrollWidth: number;
  clientWidth: number;
}> {
  return page.evaluate(() => ({
    width: window.innerWidth,
    height: window.innerHeight,
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
}
