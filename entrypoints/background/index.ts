import { browser } from 'wxt/browser';
import { createMessageHandler } from './router.ts';

export default defineBackground(() => {
  const handle = createMessageHandler();
  // sendResponse rather than a returned promise: the promise form is not answered by
  // every runtime (nor by WXT's fake browser in tests); `true` keeps the channel open.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void handle(message, sender).then(sendResponse);
    return true;
  });
});
