import { browser, type Browser } from 'wxt/browser';

/**
 * Whether a message comes from this extension's own pages (popup, options) in a top frame,
 * as bitwarden's senderIsInternal. Content scripts and web pages carry another URL, another
 * extension another id, and an extension page framed by a web page is not a top frame:
 * none of them may spend the merchant's key or read what the pages read.
 */
export function isInternalSender(sender: Browser.runtime.MessageSender): boolean {
  if (sender.id !== browser.runtime.id) return false;
  if (typeof sender.url !== 'string' || !sender.url.startsWith(browser.runtime.getURL('/'))) {
    return false;
  }
  return sender.frameId === undefined || sender.frameId === 0;
}
