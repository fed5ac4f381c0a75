import type { Page } from '@playwright/test';
import { startSandbox, type Sandbox } from '../sandbox/server.ts';
import { connectToSandbox, createLink, fillItems, openPopup } from '../support/flows.ts';
import { createRequests } from '../support/sandbox-traffic.ts';
import { expect, test } from './fixtures.ts';
import { seriousFindings } from '../support/axe.ts';

// Chromium's extension API inside the service worker.
declare const chrome: {
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
};

const SECOND_KEY = 'pk_test_shop_b_second_sandbox_0002';

let second: Sandbox;

test.beforeEach(async () => {
  second = await startSandbox({ port: 0, quiet: true, keys: [SECOND_KEY] });
});
test.afterEach(async () => {
  await second.close();
});

/** Adds a profile on the options page and saves its key and base URL, as a user would. */
async function addProfile(options: Page, name: string, apiKey: string, baseUrl: string) {
  await options.getByRole('button', { name: 'Add profile' }).click();
  await options.getByRole('textbox', { name: 'Profile name' }).fill(name);
  await options.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(options.getByRole('combobox', { name: 'Profile' })).toHaveValue(/.+/);
  await expect(options.getByText(`Profile “${name}” added`)).toBeVisible();
  // The new profile's form: no key yet, and the API key field has the focus.
  await expect(options.getByRole('textbox', { name: 'API key' })).toBeFocused();
  await options.getByRole('textbox', { name: 'API key' }).fill(apiKey);
  // Read and done: "paste its API key below" goes once the key is typed.
  await expect(options.getByText(`Profile “${name}” added`)).toBeHidden();
  await options.getByRole('textbox', { name: 'API base URL' }).fill(baseUrl);
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
}

test('a second profile sends its links to its own API with its own key, named in History', async ({
  extension,
  sandbox,
}) => {
  await connectToSandbox(extension, sandbox);
  const options = await extension.context.newPage();
  await options.goto(extension.url('options.html'));
  await addProfile(options, 'Shop B', SECOND_KEY, second.apiBaseUrl);

  const popup = await openPopup(extension);
  const profile = popup.getByRole('combobox', { name: 'Profile' });
  // Shop B was made active by adding it; switch to Default, type, then switch back.
  await expect(profile).toHaveValue(/.+/);
  // The header stays one line with the profile choice in it, at the popup's 380 px.
  await popup.setViewportSize({ width: 380, height: 600 });
  const bar = await popup.locator('.app-bar').boundingBox();
  expect(bar?.height).toBeLessThanOrEqual(48);
  expect(await popup.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(380);
  await profile.selectOption({ label: 'Default' });
  await fillItems(popup, [{ name: 'Logo design', unitPrice: '120.5' }]);
  await profile.selectOption({ label: 'Shop B' });
  // What was typed stays after the switch.
  await expect(popup.getByRole('textbox', { name: 'Item name' })).toHaveValue('Logo design');
  await createLink(popup);

  const [create] = createRequests(second);
  expect(createRequests(second)).toHaveLength(1);
  expect(create?.headers.authorization).toBe(`Api-Key ${SECOND_KEY}`);
  expect(createRequests(sandbox)).toHaveLength(0);

  await popup.getByRole('tab', { name: 'New link' }).click();
  await profile.selectOption({ label: 'Default' });
  await fillItems(popup, [{ name: 'Hosting', unitPrice: '9.99' }]);
  await createLink(popup);
  expect(createRequests(sandbox)).toHaveLength(1);
  expect(createRequests(sandbox)[0]?.headers.authorization).toBe(`Api-Key ${sandbox.keys[0]}`);

  await popup.getByRole('tab', { name: 'History' }).click();
  const rows = popup.getByRole('listitem');
  await expect(rows.filter({ hasText: 'Logo design' })).toContainText('Shop B');
  await expect(rows.filter({ hasText: 'Hosting' })).toContainText('Default');
  // Search finds a link by the name of the profile that made it.
  await popup.getByRole('searchbox').fill('shop b');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Logo design');
});

test('two profiles, one added from the other, share its invoice numbers: never the same one', async ({
  extension,
  sandbox,
}) => {
  await connectToSandbox(extension, sandbox);
  const options = await extension.context.newPage();
  await options.goto(extension.url('options.html'));
  // Added from Default, it starts with Default's prefix and next number: INV-0001.
  await addProfile(options, 'Mia Studio', sandbox.keys[0] ?? '', sandbox.apiBaseUrl);
  await expect(
    options.getByText('Shared with Default: numbers are never repeated across them.'),
  ).toBeVisible();

  const popup = await openPopup(extension);
  const profile = popup.getByRole('combobox', { name: 'Profile' });
  await expect(profile).toHaveValue(/.+/);
  await fillItems(popup, [{ name: 'Logo design', unitPrice: '120.5' }]);
  await createLink(popup);
  await popup.getByRole('tab', { name: 'New link' }).click();
  await profile.selectOption({ label: 'Default' });
  await fillItems(popup, [{ name: 'Hosting', unitPrice: '9.99' }]);
  await createLink(popup);

  const sent = createRequests(sandbox).map(
    (request) => (request.json as { client_reference_id?: unknown }).client_reference_id,
  );
  expect(sent).toEqual(['INV-0001', 'INV-0002']);
});

test('a profile chosen in Settings is announced by the next popup, once', async ({
  extension,
  sandbox,
}) => {
  await connectToSandbox(extension, sandbox);
  const options = await extension.context.newPage();
  await options.goto(extension.url('options.html'));
  await addProfile(options, 'Shop B', SECOND_KEY, second.apiBaseUrl);
  const first = await openPopup(extension);
  await first.getByRole('combobox', { name: 'Profile' }).selectOption({ label: 'Default' });
  // The switch is done once the popup has noted the profile it shows.
  await expect
    .poll(() => first.evaluate(() => localStorage.getItem('payfect.shownProfile')))
    .toBe('default');
  await first.close();

  // Back in Settings (reloaded: it does not follow other windows yet), Shop B is chosen
  // again: the next popup says it now uses Shop B.
  await options.reload();
  const chosen = options.getByRole('combobox', { name: 'Profile' });
  await expect(chosen.locator('option:checked')).toHaveText('Default');
  await chosen.selectOption({ label: 'Shop B' });
  await expect
    .poll(() =>
      extension.worker.evaluate(async () => {
        const { settings } = await chrome.storage.local.get('settings');
        return (settings as { activeProfileId?: string } | undefined)?.activeProfileId;
      }),
    )
    .not.toBe('default');
  const popup = await openPopup(extension);
  await expect(popup.getByRole('combobox', { name: 'Profile' })).toHaveValue(/.+/);
  await expect(
    popup.getByText('Now using the profile “Shop B”: it was chosen in Settings or another window.'),
  ).toBeVisible();
  await popup.close();
  const again = await openPopup(extension);
  await expect(again.getByRole('textbox', { name: 'Item name' })).toBeVisible();
  await expect(again.getByText(/Now using the profile/)).toHaveCount(0);
});

test('with one profile the popup shows no profile choice', async ({ extension, sandbox }) => {
  await connectToSandbox(extension, sandbox);
  const popup = await openPopup(extension);
  await expect(popup.getByRole('textbox', { name: 'Item name' })).toBeVisible();
  await expect(popup.getByRole('combobox', { name: 'Profile' })).toHaveCount(0);
});

test('a long profile name is shown whole on hover and on keyboard focus in the header', async ({
  extension,
  sandbox,
}) => {
  await connectToSandbox(extension, sandbox);
  const options = await extension.context.newPage();
  await options.goto(extension.url('options.html'));
  const name = 'Mia Livingston Design Studio';
  await addProfile(options, name, SECOND_KEY, second.apiBaseUrl);

  const popup = await openPopup(extension);
  await popup.setViewportSize({ width: 380, height: 600 });
  const profile = popup.getByRole('combobox', { name: 'Profile' });
  await expect(profile).toHaveValue(/.+/);
  // The box is too narrow for it (the popup's 380 px): its text ends in "…".
  const cut = await profile.evaluate((select: HTMLSelectElement) => {
    const context = document.createElement('canvas').getContext('2d');
    if (!context) return false;
    context.font = getComputedStyle(select).font;
    return context.measureText(select.selectedOptions[0]?.text ?? '').width > select.clientWidth;
  });
  expect(cut).toBe(true);
  await expect(profile).toHaveAttribute('title', name);
  await profile.focus();
  const shown = await profile.evaluate((select) => {
    const after = getComputedStyle(select.parentElement as Element, '::after');
    return { content: after.content, display: after.display };
  });
  expect(shown).toEqual({ content: `"${name}"`, display: 'block' });
});

test('options: profiles are renamed and deleted by keyboard, the last one is kept', async ({
  extension,
  sandbox,
}) => {
  await connectToSandbox(extension, sandbox);
  const options = await extension.context.newPage();
  await options.goto(extension.url('options.html'));
  await addProfile(options, 'Shop B', SECOND_KEY, second.apiBaseUrl);

  // Unsaved changes hold the switch, so none is lost.
  const select = options.getByRole('combobox', { name: 'Profile' });
  await options.getByRole('textbox', { name: 'API base URL' }).fill('http://127.0.0.1:1/api/v1');
  await expect(select).toBeDisabled();
  await expect(options.getByText('Save or undo your changes')).toBeVisible();
  await options.getByRole('textbox', { name: 'API base URL' }).fill(second.apiBaseUrl);
  await expect(select).toBeEnabled();

  // A taken name is refused, whatever its case.
  await options.getByRole('button', { name: 'Rename profile' }).focus();
  await options.keyboard.press('Enter');
  const nameBox = options.getByRole('textbox', { name: 'Profile name' });
  await expect(nameBox).toBeFocused();
  await nameBox.fill('default');
  await options.keyboard.press('Enter');
  await expect(options.getByText('There is already a profile named “default”')).toBeVisible();
  await nameBox.fill('Shop Beta');
  await options.keyboard.press('Enter');
  await expect(options.getByText('Renamed to “Shop Beta”.')).toBeVisible();
  await expect(select.locator('option:checked')).toHaveText('Shop Beta');

  await options.getByRole('button', { name: 'Delete profile' }).click();
  await expect(options.getByText('Delete the profile “Shop Beta” and its API key?')).toBeVisible();
  await options.keyboard.press('Escape');
  await expect(options.getByRole('button', { name: 'Delete profile' })).toBeFocused();
  await options.keyboard.press('Enter');
  await options.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(options.getByText('Profile “Shop Beta” deleted.')).toBeVisible();
  await expect(select.locator('option')).toHaveText(['Default']);
  // The last profile cannot be deleted, so the button is gone; the Default key is still set.
  await expect(options.getByRole('button', { name: 'Delete profile' })).toHaveCount(0);
  await expect(options.getByText('A key is saved')).toBeVisible();
});

test.describe('in Traditional Chinese', () => {
  test.use({ locale: 'zh-TW' });

  test('the Profiles section and the popup’s profile choice speak zh-TW', async ({
    extension,
    sandbox,
  }) => {
    const options = await extension.context.newPage();
    await options.goto(extension.url('options.html'));
    await expect(options.getByRole('heading', { name: '設定檔' })).toBeVisible();
    await options.getByRole('textbox', { name: 'API 金鑰' }).fill(sandbox.keys[0] ?? '');
    await options.getByRole('textbox', { name: 'API 基礎網址' }).fill(sandbox.apiBaseUrl);
    await options.getByRole('button', { name: '儲存' }).click();
    await options.getByRole('button', { name: '新增設定檔' }).click();
    await options.getByRole('textbox', { name: '設定檔名稱' }).fill('  ');
    await options.getByRole('button', { name: '新增', exact: true }).click();
    await expect(options.getByText('請輸入設定檔名稱。')).toBeVisible();
    await options.getByRole('textbox', { name: '設定檔名稱' }).fill('正式');
    await options.getByRole('button', { name: '新增', exact: true }).click();
    await expect(options.getByText('已新增設定檔「正式」')).toBeVisible();

    const popup = await openPopup(extension);
    const profile = popup.getByRole('combobox', { name: '設定檔' });
    // The first profile's name is the UI language's until renamed.
    await expect(profile.locator('option')).toHaveText(['預設', '正式']);
    await expect(profile.locator('option:checked')).toHaveText('正式');
  });
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the profile controls have no serious accessibility issue (${scheme})`, async ({
    extension,
    sandbox,
  }) => {
    await connectToSandbox(extension, sandbox);
    const options = await extension.context.newPage();
    await options.emulateMedia({ colorScheme: scheme });
    await options.goto(extension.url('options.html'));
    await addProfile(options, 'Shop B', SECOND_KEY, second.apiBaseUrl);
    await options.getByRole('button', { name: 'Rename profile' }).click();
    expect(await seriousFindings(options), 'options, rename step').toEqual([]);
    await options.getByRole('button', { name: 'Cancel' }).click();
    await options.getByRole('button', { name: 'Delete profile' }).click();
    expect(await seriousFindings(options), 'options, delete step').toEqual([]);

    const popup = await extension.context.newPage();
    await popup.emulateMedia({ colorScheme: scheme });
    await openPopup(extension, popup);
    await fillItems(popup, [{ name: 'Logo design', unitPrice: '120.5' }]);
    await createLink(popup);
    await popup.getByRole('tab', { name: 'History' }).click();
    await expect(popup.getByRole('listitem').filter({ hasText: 'Shop B' })).toBeVisible();
    expect(await seriousFindings(popup), 'popup History with profiles').toEqual([]);
  });
}
