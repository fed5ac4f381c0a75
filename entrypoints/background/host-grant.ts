import { browser } from 'wxt/browser';
import { originPattern } from '../../lib/key-hosts.ts';

/**
 * Whether the browser has granted the extension this origin (the options page asked with
 * permissions.request, in the click that confirmed the host). The user can take it back in
 * the browser's extension settings at any time; then the key stops going there too.
 */
export async function browserGrantsOrigin(origin: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [originPattern(origin)] });
  } catch {
    // No permissions API, or a pattern the browser refuses: not granted.
    return false;
  }
}
