import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser, type Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  createSelectionMenu,
  openFromSelection,
  POPUP_WINDOW,
  SELECTION_MENU_ID,
  startSelectionMenu,
} from '../../../entrypoints/background/menus.ts';
import { MAX_NAME_LENGTH } from '../../../lib/order.ts';
import { readPrefill } from '../../../storage/draft.ts';

const NOW = 1_800_000_000_000;

function click(selectionText: string): Browser.contextMenus.OnClickData {
  return {
    menuItemId: SELECTION_MENU_ID,
    editable: false,
    pageUrl: 'https://example.com/',
    selectionText,
  };
}

function tab(title: string): Browser.tabs.Tab {
  return { id: 7, index: 0, windowId: 1, title } as Browser.tabs.Tab;
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
  // Quiet the expected "opening the popup failed" warnings.
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the selection menu', () => {
  it('is one entry on selected text, with the selection in its title', async () => {
    const removeAll = vi.spyOn(browser.contextMenus, 'removeAll').mockResolvedValue(undefined);
    const create = vi.spyOn(browser.contextMenus, 'create').mockReturnValue(SELECTION_MENU_ID);
    await createSelectionMenu(browser.contextMenus);
    expect(removeAll).toHaveBeenCalledBefore(create);
    expect(create).toHaveBeenCalledWith({
      id: SELECTION_MENU_ID,
      title: 'Create payment link for “%s”',
      contexts: ['selection'],
    });
  });
});

describe('the worker', () => {
  it.each([
    [
      'installed or updated',
      () => fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false }),
    ],
    ['started with the browser', () => fakeBrowser.runtime.onStartup.trigger()],
  ])('adds the menu when it is %s, and listens for its clicks', async (_when, fire) => {
    const onClicked = vi
      .spyOn(browser.contextMenus.onClicked, 'addListener')
      .mockImplementation(() => undefined);
    vi.spyOn(browser.contextMenus, 'removeAll').mockResolvedValue(undefined);
    const create = vi.spyOn(browser.contextMenus, 'create').mockReturnValue(SELECTION_MENU_ID);
    startSelectionMenu();
    expect(onClicked).toHaveBeenCalledOnce();
    expect(create).not.toHaveBeenCalled();
    await fire();
    await vi.waitFor(() => expect(create).toHaveBeenCalledOnce());
  });
});

describe('a click on the selection menu', () => {
  it('stores the page title, the selection and its amount, then opens the popup', async () => {
    const openPopup = vi.spyOn(browser.action, 'openPopup').mockResolvedValue(undefined);
    const createWindow = vi.spyOn(browser.windows, 'create');
    await openFromSelection(click('Logo design — NT$600'), tab('Acme brief'));
    expect(await readPrefill()).toEqual({
      createdAt: NOW,
      name: 'Acme brief',
      description: 'Logo design — NT$600',
      unitPrice: '600',
      currency: 'twd',
    });
    expect(openPopup).toHaveBeenCalledOnce();
    expect(createWindow).not.toHaveBeenCalled();
  });

  it('opens a popup-sized window when the browser refuses to open the popup', async () => {
    vi.spyOn(browser.action, 'openPopup').mockRejectedValue(new Error('No active window'));
    const createWindow = vi.spyOn(browser.windows, 'create');
    await openFromSelection(click('$20.50'), tab('Invoice'));
    expect(createWindow).toHaveBeenCalledWith({
      url: browser.runtime.getURL('/popup.html'),
      type: 'popup',
      ...POPUP_WINDOW,
    });
    expect(await readPrefill()).toMatchObject({ unitPrice: '20.5', currency: 'usd' });
  });

  it('opens the window when the browser has no way to open the popup at all', async () => {
    // The fake browser, like Chrome before 127, has no working action.openPopup.
    const createWindow = vi.spyOn(browser.windows, 'create');
    await openFromSelection(click('20.5 USDT'), tab('Invoice'));
    expect(createWindow).toHaveBeenCalledOnce();
  });

  it('leaves the name empty and the text whole when the tab title is not shared', async () => {
    vi.spyOn(browser.action, 'openPopup').mockResolvedValue(undefined);
    await openFromSelection(click('Three   concepts,\ntwo revisions'));
    expect(await readPrefill()).toMatchObject({
      name: '',
      description: 'Three concepts, two revisions',
      unitPrice: '',
    });
  });

  it('cuts a long page title to what the form takes', async () => {
    vi.spyOn(browser.action, 'openPopup').mockResolvedValue(undefined);
    await openFromSelection(click('$5'), tab('x'.repeat(MAX_NAME_LENGTH + 40)));
    const prefill = await readPrefill();
    expect(prefill?.name).toHaveLength(MAX_NAME_LENGTH);
    expect(prefill?.name.endsWith('…')).toBe(true);
  });

  it('ignores another menu item', async () => {
    const openPopup = vi.spyOn(browser.action, 'openPopup').mockResolvedValue(undefined);
    await openFromSelection({ ...click('$20'), menuItemId: 'something-else' }, tab('Invoice'));
    expect(await readPrefill()).toBeNull();
    expect(openPopup).not.toHaveBeenCalled();
  });
});
