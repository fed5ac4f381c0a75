import { browser } from 'wxt/browser';
import { originPattern } from '../lib/key-hosts.ts';

/**
 * Asks the browser to let the extension reach `origin` (its own prompt). Must be called in a
 * click's handler before anything is awaited: browsers accept the request only during a user
 * gesture. False when the user or the browser says no.
 */
export async function requestHostGrant(origin: string): Promise<boolean> {
  try {
    return await browser.permissions.request({ origins: [originPattern(origin)] });
  } catch (error) {
    console.error('The browser refused the host permission request', error);
    return false;
  }
}
