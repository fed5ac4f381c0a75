/**
 * `npm run screenshots:features`: the README's pictures of saved items and profiles, made
 * the way a user gets there (two sandboxes stand for two Payfect accounts):
 *
 * - docs/popup-saved-items.png   the "Saved items" list open over the create form
 * - docs/popup-profiles.png      History with the header's Profile choice and each link's profile
 * - docs/options-profiles.png    Settings: the Profiles section above the key and defaults
 * - docs/options-saved-items.png Settings: the Saved items section
 *
 *   npm run screenshots:features -- --no-build   reuse the build in $PAYFECT_OUT_DIR or .output
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from '@playwright/test';
import { launchWithExtension } from '../test/support/chromium.ts';
import { connectToSandbox, createLink, fillItems, openPopup } from '../test/support/flows.ts';
import { startSandbox } from '../test/sandbox/server.ts';
import { buildExtension, runScript } from './script-support.ts';

const { values: args } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false },
    dir: { type: 'string', default: 'docs' },
  },
});

const SECOND_KEY = 'pk_test_shopb_0123456789abcdef';

async function shot(page: Page, name: string): Promise<void> {
  const path = resolve(args.dir, `${name}.png`);
  await page.screenshot({ path });
  console.log(`Screenshot: ${path}`);
}

async function saveTemplate(popup: Page, name: string): Promise<void> {
  await popup.getByRole('button', { name: 'Save items' }).click();
  await popup.getByRole('textbox', { name: 'Template name' }).fill(name);
  await popup.getByRole('button', { name: 'Save', exact: true }).click();
  await popup
    .getByRole('status')
    .filter({ hasText: `Saved “${name}”` })
    .waitFor();
}

async function main(): Promise<void> {
  if (!args['no-build']) buildExtension();
  const first = await startSandbox({ port: 0, quiet: true });
  const second = await startSandbox({ port: 0, quiet: true, keys: [SECOND_KEY] });
  const extension = await launchWithExtension();
  try {
    await extension.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await connectToSandbox(extension, first);

    // Saved items: three templates, then the list opened by typing.
    const popup = await openPopup(extension);
    const templates = [
      { template: 'Logo package', items: [{ name: 'Logo design', unitPrice: '120.5' }] },
      { template: 'Monthly hosting', items: [{ name: 'Hosting', unitPrice: '9.99' }] },
      { template: 'Landing page', items: [{ name: 'Landing page', unitPrice: '480' }] },
    ];
    for (const { template, items } of templates) {
      await fillItems(popup, items);
      await saveTemplate(popup, template);
      await popup.getByRole('textbox', { name: 'Item name' }).fill('');
      await popup.getByRole('textbox', { name: 'Unit price' }).fill('');
    }
    // Every template, as ↓ shows them; then "lo" narrows the list to one.
    const picker = popup.getByRole('combobox', { name: 'Saved items' });
    await picker.focus();
    await popup.keyboard.press('ArrowDown');
    await popup.getByRole('option').nth(2).waitFor();
    await shot(popup, 'popup-saved-items');
    await picker.fill('logo');
    await popup.getByRole('option').first().waitFor();
    await popup.keyboard.press('Enter');
    await createLink(popup);

    // Profiles: a second one on another account, a link from each.
    const options = await extension.context.newPage();
    await options.setViewportSize({ width: 900, height: 900 });
    await options.goto(extension.url('options.html'));
    await options.getByRole('button', { name: 'Add profile' }).click();
    await options.getByRole('textbox', { name: 'Profile name' }).fill('Studio B');
    await options.getByRole('button', { name: 'Add', exact: true }).click();
    await options.getByRole('textbox', { name: 'API key' }).fill(SECOND_KEY);
    await options.getByRole('textbox', { name: 'API base URL' }).fill(second.apiBaseUrl);
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await options.evaluate(() => window.scrollTo(0, 0));
    await shot(options, 'options-profiles');
    await options.getByRole('heading', { name: 'Saved items' }).scrollIntoViewIfNeeded();
    await shot(options, 'options-saved-items');
    await options.close();

    await popup.reload();
    await popup.getByRole('tab', { name: 'New link' }).click();
    await popup.getByRole('combobox', { name: 'Profile' }).selectOption({ label: 'Studio B' });
    await fillItems(popup, [{ name: 'Brand guidelines', unitPrice: '250' }]);
    await createLink(popup);
    await popup.getByRole('tab', { name: 'History' }).click();
    await popup.getByRole('listitem').nth(1).waitFor();
    await shot(popup, 'popup-profiles');
  } finally {
    await extension.close().catch(() => undefined);
    await first.close();
    await second.close();
  }
}

runScript(main);
