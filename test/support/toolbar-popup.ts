import { chromium, type Browser, type Page } from '@playwright/test';
import type { ExtensionBrowser } from './chromium.ts';

declare const chrome: { action: { openPopup(): Promise<void> } };

/** The real toolbar popup, as a Playwright page, over a second DevTools connection. */
export interface ToolbarPopup {
  readonly page: Page;
  /** Whether the popup window is still open (a popup closes itself when it loses focus). */
  isOpen(): boolean;
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
  await page.waitForLoadState('domcontentloaded');
  let open = true;
  page.on('close', () => {
    open = false;
  });
  return {
    page,
    isOpen: () => open && !page.isClosed(),
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
