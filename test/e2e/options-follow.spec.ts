import { connectToSandbox, createLink, fillItems, openPopup } from '../support/flows.ts';
import { expect, test } from './fixtures.ts';

/*
 * Settings open in a tab while the popup is used: the page shows what another window changed
 * instead of saving over it (issue "Proven where users run it", settings robustness).
 */

test('the options page follows a profile switched in the popup', async ({ extension, sandbox }) => {
  await connectToSandbox(extension, sandbox);
  const options = await extension.context.newPage();
  await options.goto(extension.url('options.html'));
  await options.getByRole('button', { name: 'Add profile' }).click();
  await options.getByRole('textbox', { name: 'Profile name' }).fill('Studio B');
  await options.getByRole('button', { name: 'Add', exact: true }).click();
  const profile = options.getByRole('combobox', { name: 'Profile', exact: true });
  await expect(profile).toHaveValue(/.+/);
  await expect(profile.locator('option:checked')).toHaveText(/Studio B/);

  const popup = await openPopup(extension);
  await popup.getByRole('combobox', { name: 'Profile' }).selectOption({ label: 'Default' });
  await expect(profile.locator('option:checked')).toHaveText(/Default/);
  // The form is the Default profile's: its key is the sandbox's.
  await expect(options.getByText(/A key is saved/)).toBeVisible();
});

test('the options page shows the next invoice number once a link took one', async ({
  extension,
  sandbox,
}) => {
  await connectToSandbox(extension, sandbox);
  const options = await extension.context.newPage();
  await options.goto(extension.url('options.html'));
  const next = options.getByRole('textbox', { name: 'Next invoice number' });
  await expect(next).toHaveValue('1');

  const popup = await openPopup(extension);
  await fillItems(popup, [{ name: 'Logo design', unitPrice: '80' }]);
  await createLink(popup);
  await expect(next).toHaveValue('2');
  await expect(options.getByText('Next invoice: INV-0002')).toBeVisible();

  // While something is typed, the page keeps it: the number is not written over.
  await options.getByRole('textbox', { name: 'Business name', exact: true }).fill('Lin Studio');
  await popup.getByRole('tab', { name: 'New link' }).click();
  await fillItems(popup, [{ name: 'Hosting', unitPrice: '9' }]);
  await createLink(popup);
  await expect(options.getByRole('textbox', { name: 'Business name', exact: true })).toHaveValue(
    'Lin Studio',
  );
  // Saved, the number goes on past the one just issued, without a word: it was not touched.
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByRole('status').filter({ hasText: /^Saved/ })).toBeVisible();
  await expect(next).toHaveValue('3');
  await expect(options.getByText(/already issued/)).toHaveCount(0);

  // Typed lower, it is raised past the issued ones, and the page says why.
  await next.fill('1');
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(next).toHaveValue('3');
  await expect(
    options.getByText(
      'INV-0002 is already issued, so the next invoice is INV-0003: numbers are never reused.',
    ),
  ).toBeVisible();
});
