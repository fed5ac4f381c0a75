import { browser } from 'wxt/browser';

export function openSettings(): void {
  browser.runtime.openOptionsPage().catch((error: unknown) => {
    console.error('Could not open the settings page', error);
  });
}

/** Only web links: a checkout URL is data from a server, and `javascript:` is not a page. */
export function isWebUrl(text: string): boolean {
  try {
    const { protocol } = new URL(text);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

export function openInNewTab(url: string): void {
  if (!isWebUrl(url)) return;
  browser.tabs.create({ url }).catch((error: unknown) => {
    console.error('Could not open a tab', error);
  });
}
