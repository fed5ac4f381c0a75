import { browser } from 'wxt/browser';

/* Muted slate: the count is news ("3 links await payment"), not an alarm. */
const BADGE_COLOUR = '#4a5a6a';

/** The toolbar badge: how many links still await payment; hidden at 0. */
export async function showOpenCount(count: number): Promise<void> {
  // Firefox builds are MV2 by default, where the toolbar button is browserAction.
  const action = browser.action ?? browser.browserAction;
  const text = count <= 0 ? '' : count > 99 ? '99+' : String(count);
  await action.setBadgeText({ text });
  await action.setBadgeBackgroundColor({ color: BADGE_COLOUR });
}
