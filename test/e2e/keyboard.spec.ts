/**
 * The popup by keyboard alone: after the popup page is open, every step is Tab, Shift+Tab,
 * typing or Enter — no clicks — and every control that takes focus shows a focus ring.
 *
 * The toolbar shortcut itself (Alt+Shift+L in Chromium) is not pressed here: the browser's
 * own UI handles it, which Playwright's keyboard (input sent to a page) cannot reach, and
 * headless Chromium has no toolbar. What the test checks is that Chromium bound the key to
 * the command, through chrome.commands in the extension's worker: a suggested key Chromium
 * keeps for itself (Alt+Shift+P) is left unbound without a word.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { connectToSandbox, openPopup } from '../support/flows.ts';
import { clipboardText } from '../support/sandbox-traffic.ts';

// Chromium's extension API inside the service worker.
declare const chrome: {
  commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> };
};

/** What `focused` reports when no control has focus (body, or none). */
const NOTHING = '(nothing)';

interface Focused {
  /** What a person would call the control: its label, aria-label or text. */
  readonly name: string;
  /** Whether it matches :focus-visible and draws an outline or a shadow there. */
  readonly ring: boolean;
}

/** The focused control and whether a keyboard user can see that it is focused. */
async function focused(page: Page): Promise<Focused> {
  return page.evaluate((nothing) => {
    const element = document.activeElement;
    if (!(element instanceof HTMLElement) || element === document.body) {
      return { name: nothing, ring: false };
    }
    const labelled = 'labels' in element ? (element.labels as NodeListOf<HTMLLabelElement>) : null;
    const name =
      element.getAttribute('aria-label') ??
      labelled?.[0]?.textContent ??
      element.textContent ??
      element.tagName;
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== 'none';
    return {
      name: name.trim().replace(/\s+/g, ' '),
      ring: element.matches(':focus-visible') && (outline || shadow),
    };
  }, NOTHING);
}

async function expectFocusRing(page: Page): Promise<void> {
  const now = await focused(page);
  expect(now.ring, `a visible focus ring on "${now.name}"`).toBe(true);
}

/**
 * Presses `key` until `target` has focus, checking the focus ring on every control passed
 * on the way; fails if `target` is not reached within the popup's number of controls.
 */
async function pressUntilFocused(
  page: Page,
  target: Locator,
  key: 'Tab' | 'Shift+Tab' = 'Tab',
): Promise<void> {
  const passed: string[] = [];
  for (let presses = 0; presses < 40; presses += 1) {
    await page.keyboard.press(key);
    const now = await focused(page);
    passed.push(now.name);
    // Past the last control focus leaves the page (for the browser's own UI in a tab).
    if (now.name === NOTHING) continue;
    expect(now.ring, `a visible focus ring on "${now.name}"`).toBe(true);
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`${key} never reached the control; it passed ${passed.join(' → ')}`);
}

test.beforeEach(async ({ extension, sandbox }) => {
  await extension.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await connectToSandbox(extension, sandbox);
});

test('Chromium binds Alt+Shift+L to opening the popup', async ({ extension }) => {
  const commands = await extension.worker.evaluate(() => chrome.commands.getAll());
  expect(commands).toContainEqual(
    expect.objectContaining({ name: '_execute_action', shortcut: 'Alt+Shift+L' }),
  );
});

test('a link is created and copied, then a message copied, by keyboard alone', async ({
  extension,
  sandbox,
}) => {
  const popup = await openPopup(extension);
  const itemName = popup.getByRole('textbox', { name: 'Item name' });
  await expect(itemName).toBeFocused();
  await expectFocusRing(popup);
  await popup.keyboard.type('Website audit');

  await pressUntilFocused(popup, popup.getByRole('textbox', { name: 'Unit price' }));
  await popup.keyboard.type('75');
  await popup.keyboard.press('Enter');

  const link = popup.getByRole('link', { name: /^https?:\/\// });
  await expect(link).toBeVisible({ timeout: 15_000 });
  const [session] = [...sandbox.sessions.values()];
  await expect(link).toHaveText(session?.url ?? 'missing');
  await expect(popup.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
  expect(await clipboardText(popup)).toBe(session?.url);
  // The view changed under the keyboard: focus lands on the result's first action.
  await expect(popup.getByRole('button', { name: 'Copy link' })).toBeFocused();
  await expectFocusRing(popup);

  await pressUntilFocused(popup, popup.getByRole('button', { name: 'Copy message' }));
  await popup.keyboard.press('Enter');
  await expect(popup.getByRole('status').filter({ hasText: 'Message copied' })).toBeVisible();
  // The default template: summary, amount, link, then the network and expiry.
  expect(await clipboardText(popup)).toContain(`Website audit — 75.00 USDT: ${session?.url} · `);

  // Back again, and Enter on "Copy link" copies the link once more.
  await pressUntilFocused(popup, popup.getByRole('button', { name: 'Copy link' }), 'Shift+Tab');
  await popup.keyboard.press('Enter');
  await expect(popup.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
  expect(await clipboardText(popup)).toBe(session?.url);
});

test('"New link" by keyboard starts an empty form with the cursor in Item name', async ({
  extension,
}) => {
  const popup = await openPopup(extension);
  const itemName = popup.getByRole('textbox', { name: 'Item name' });
  // Keys typed before the form has rendered go nowhere.
  await expect(itemName).toBeFocused();
  await popup.keyboard.type('Website audit');
  await pressUntilFocused(popup, popup.getByRole('textbox', { name: 'Unit price' }));
  await popup.keyboard.type('75');
  await popup.keyboard.press('Enter');
  await expect(popup.getByRole('button', { name: 'Copy link' })).toBeFocused({ timeout: 15_000 });

  await pressUntilFocused(popup, popup.getByRole('tab', { name: 'New link' }), 'Shift+Tab');
  await popup.keyboard.press('Enter');
  await expect(itemName).toBeFocused();
  await expect(itemName).toHaveValue('');
  await expectFocusRing(popup);
});

test('Tab visits every control of the form in order, each with a focus ring', async ({
  extension,
}) => {
  const popup = await openPopup(extension);
  await expect(popup.getByRole('textbox', { name: 'Item name' })).toBeFocused();
  const inOrder = [
    popup.getByRole('textbox', { name: 'Description' }),
    popup.getByRole('textbox', { name: 'Unit price' }),
    popup.getByRole('textbox', { name: 'Quantity' }),
    popup.getByRole('button', { name: 'Add item' }),
    popup.getByRole('combobox', { name: 'Currency' }),
    popup.getByRole('combobox', { name: 'Network' }),
    popup.getByRole('combobox', { name: 'Client name' }),
    popup.getByRole('textbox', { name: 'Reference' }),
    popup.getByText('More options'),
    popup.getByRole('button', { name: 'Create link' }),
  ];
  for (const control of inOrder) {
    await popup.keyboard.press('Tab');
    await expect(control).toBeFocused();
    await expectFocusRing(popup);
  }
  // Past the form's end, Tab comes round to the header's one line: the tabs, then Settings.
  await pressUntilFocused(popup, popup.getByRole('tab', { name: 'New link' }));
  await expectFocusRing(popup);
  await popup.keyboard.press('Tab');
  await expect(popup.getByRole('button', { name: 'Settings' })).toBeFocused();
  await expectFocusRing(popup);
});

test("a History row's More actions: Enter opens it on its first item, arrows move, Escape closes it back to the button", async ({
  extension,
  sandbox,
}) => {
  const popup = await openPopup(extension);
  await popup.getByRole('textbox', { name: 'Item name' }).fill('Website audit');
  await popup.getByRole('textbox', { name: 'Unit price' }).fill('75');
  await popup.keyboard.press('Enter');
  await expect(popup.getByRole('link', { name: /^https?:\/\// })).toBeVisible({ timeout: 15_000 });
  const [session] = [...sandbox.sessions.values()];

  await popup.getByRole('tab', { name: 'History' }).click();
  const more = popup.getByRole('listitem').first().getByRole('button', { name: 'More actions' });
  await pressUntilFocused(popup, more);
  await expectFocusRing(popup);
  await popup.keyboard.press('Enter');
  const menu = popup.getByRole('menu', { name: 'More actions' });
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  await expect(menu.getByRole('menuitem', { name: 'Copy message' })).toBeFocused();
  await popup.keyboard.press('ArrowUp');
  await expect(menu.getByRole('menuitem', { name: 'Note' })).toBeFocused();
  await popup.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Copy message' })).toBeFocused();
  await popup.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(more).toBeFocused();
  await expect(more).toHaveAttribute('aria-expanded', 'false');

  // Enter on an item does it and closes the menu.
  await popup.keyboard.press('Enter');
  await expect(menu.getByRole('menuitem', { name: 'Copy message' })).toBeFocused();
  await popup.keyboard.press('Enter');
  await expect(menu).toBeHidden();
  await expect(popup.getByRole('status').filter({ hasText: 'Message copied' })).toBeVisible();
  expect(await clipboardText(popup)).toContain(session?.url ?? 'missing');

  // A dialog opened from the menu gives focus back to the button when it closes.
  await more.focus();
  await popup.keyboard.press('Enter');
  await expect(menu.getByRole('menuitem', { name: 'Copy message' })).toBeFocused();
  await popup.keyboard.press('End');
  await expect(menu.getByRole('menuitem', { name: 'Note' })).toBeFocused();
  await popup.keyboard.press('Enter');
  const dialog = popup.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await popup.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(more).toBeFocused();
});

test('Client name: ↓ then Enter picks the suggested client, and the next Enter creates the link for it', async ({
  extension,
}) => {
  const popup = await openPopup(extension);
  await popup.getByRole('textbox', { name: 'Item name' }).fill('Website audit');
  await popup.getByRole('textbox', { name: 'Unit price' }).fill('75');
  await popup.getByRole('combobox', { name: 'Client name' }).fill('Acme Robotics Ltd');
  await popup.getByText('More options').click();
  await popup.getByRole('textbox', { name: 'Client email' }).fill('ap@acme-robotics.test');
  await popup.getByRole('button', { name: 'Create link' }).click();
  await expect(popup.getByRole('link', { name: /^https?:\/\// })).toBeVisible({ timeout: 15_000 });

  await popup.getByRole('tab', { name: 'New link' }).click();
  await popup.getByRole('textbox', { name: 'Item name' }).fill('Second audit');
  await popup.getByRole('textbox', { name: 'Unit price' }).fill('80');
  const clientName = popup.getByRole('combobox', { name: 'Client name' });
  await clientName.focus();
  await popup.keyboard.type('Acm');
  await expect(popup.getByRole('option', { name: 'Acme Robotics Ltd' })).toBeVisible();
  await popup.keyboard.press('ArrowDown');
  await expect(popup.getByRole('option', { name: 'Acme Robotics Ltd' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await popup.keyboard.press('Enter');
  await expect(clientName).toHaveValue('Acme Robotics Ltd');
  await expect(popup.getByRole('listbox')).toHaveCount(0);
  // Enter picked and did not create: the form is still there.
  await expect(popup.getByRole('button', { name: 'Create link' })).toBeVisible();
  await popup.getByText('More options').click();
  await expect(popup.getByRole('textbox', { name: 'Client email' })).toHaveValue(
    'ap@acme-robotics.test',
  );

  await clientName.focus();
  await popup.keyboard.press('Enter');
  await expect(popup.getByRole('link', { name: /^https?:\/\// })).toBeVisible({ timeout: 15_000 });
  await popup.getByRole('tab', { name: 'History' }).click();
  await popup.getByRole('searchbox').fill('Acme Robotics Ltd');
  await expect(popup.getByRole('listitem').filter({ hasText: 'Second audit' })).toHaveCount(1);
});
