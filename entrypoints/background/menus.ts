import { browser, type Browser } from 'wxt/browser';
import { t } from '../../lib/i18n.ts';
import { prefillFromSelection } from '../../lib/prefill.ts';
import { prefillItem } from '../../storage/draft.ts';

export const SELECTION_MENU_ID = 'create-link-from-selection';

/**
 * The fallback window: the toolbar popup's 380 × 600 (test/support/flows.ts POPUP_VIEWPORT)
 * plus room for the window's own title bar and borders.
 */
export const POPUP_WINDOW = { width: 400, height: 640 } as const;

type ContextMenus = typeof browser.contextMenus;

/** The APIs one browser may lack: Firefox MV2 has browserAction, not action; Android has no menus. */
interface MaybeMissing {
  readonly contextMenus?: ContextMenus;
  readonly action?: unknown;
  readonly browserAction?: unknown;
}

function optional(): MaybeMissing {
  return browser;
}

interface PopupOpener {
  openPopup(): Promise<void>;
}

function canOpenPopup(button: unknown): button is PopupOpener {
  return (
    typeof button === 'object' &&
    button !== null &&
    'openPopup' in button &&
    typeof button.openPopup === 'function'
  );
}

function logFailure(what: string) {
  return (error: unknown) => console.error(what, error);
}

/**
 * Made anew (after removing any left) on install, update and browser start: Chrome keeps
 * menus across restarts, but Firefox's persistent background page does not.
 */
export async function createSelectionMenu(menus: ContextMenus): Promise<void> {
  await menus.removeAll();
  // With the old entry gone, nothing is left for create to report through lastError.
  menus.create({
    id: SELECTION_MENU_ID,
    // The browser puts the selected text in place of %s (and shortens it). Made at install
    // and browser start, so in the browser's language then.
    title: t('background.menuCreateFromSelection', { selection: '%s' }),
    contexts: ['selection'],
  });
}

/** Chrome 127+ and Firefox open the toolbar popup; older Chromes lack the call or refuse it. */
function openToolbarPopup(): Promise<void> {
  const api = optional();
  const button = [api.action, api.browserAction].find(canOpenPopup);
  try {
    if (!button) throw new Error('This browser cannot open the popup from a menu');
    return button.openPopup();
  } catch (error) {
    return Promise.reject(error);
  }
}

async function openPopupWindow(): Promise<void> {
  await browser.windows.create({
    url: browser.runtime.getURL('/popup.html'),
    type: 'popup',
    ...POPUP_WINDOW,
  });
}

/**
 * The menu's click: the selection becomes a prefill the popup starts its form with. The tab's
 * title is there because the click grants activeTab; the page itself is never touched.
 */
export async function openFromSelection(
  info: Browser.contextMenus.OnClickData,
  tab?: Browser.tabs.Tab,
): Promise<void> {
  if (info.menuItemId !== SELECTION_MENU_ID) return;
  const prefill = prefillFromSelection({
    text: info.selectionText ?? '',
    pageTitle: tab?.title,
    now: Date.now(),
  });
  const saved = prefillItem.setValue(prefill);
  // Asked before any await: Firefox opens the popup only from within the click's handler.
  // The write leaves in this same task, long before the new popup has loaded and reads it.
  const popupOpened = openToolbarPopup().then(
    () => true,
    (error: unknown) => {
      console.warn('Opening the popup failed; opening a window instead', error);
      return false;
    },
  );
  await saved;
  if (!(await popupOpened)) await openPopupWindow();
}

/** Adds the menu's listeners; call synchronously at worker start. */
export function startSelectionMenu(): void {
  const menus = optional().contextMenus;
  if (!menus) return;
  menus.onClicked.addListener((info, tab) => {
    void openFromSelection(info, tab).catch(
      logFailure('Creating a link from the selection failed'),
    );
  });
  const create = () =>
    void createSelectionMenu(menus).catch(logFailure('Adding the selection menu failed'));
  browser.runtime.onInstalled.addListener(create);
  browser.runtime.onStartup.addListener(create);
}
