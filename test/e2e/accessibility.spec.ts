import { connectToSandbox, createLink, fillItems, openPopup } from '../support/flows.ts';
import { expect, test } from './fixtures.ts';
import { seriousFindings } from '../support/axe.ts';

/*
 * axe-core over every screen a user sees, in the light and the dark theme (both follow the
 * system's colour scheme). Serious and critical findings fail the test; the list of what
 * was found is the failure message, so a regression names its rule and element.
 */

type Scheme = 'light' | 'dark';

for (const scheme of ['light', 'dark'] as const satisfies readonly Scheme[]) {
  test(`every popup and options screen has no serious accessibility issue (${scheme})`, async ({
    extension,
    sandbox,
  }) => {
    await connectToSandbox(extension, sandbox);

    const options = await extension.context.newPage();
    await options.emulateMedia({ colorScheme: scheme });
    await options.goto(extension.url('options.html'));
    await expect(options.getByRole('textbox', { name: 'API base URL' })).toBeVisible();
    expect(await seriousFindings(options), 'options page').toEqual([]);
    await options.close();

    const popup = await extension.context.newPage();
    await popup.emulateMedia({ colorScheme: scheme });
    await openPopup(extension, popup);
    await expect(popup.getByRole('textbox', { name: 'Item name' })).toBeVisible();
    expect(await seriousFindings(popup), 'empty form').toEqual([]);

    // Errors beside the fields: red text on a tinted field must still be readable.
    await popup.getByRole('textbox', { name: 'Unit price' }).fill('abc');
    await popup.getByRole('button', { name: 'Create link' }).click();
    await expect(popup.getByRole('textbox', { name: 'Unit price' })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(await seriousFindings(popup), 'form with errors').toEqual([]);

    await fillItems(popup, [{ name: 'Logo design', unitPrice: '120.5' }]);
    await createLink(popup);
    await expect(popup.getByRole('img', { name: 'QR code' })).toBeVisible();
    expect(await seriousFindings(popup), 'result').toEqual([]);

    await popup.getByRole('tab', { name: 'History' }).click();
    await expect(popup.getByRole('listitem')).toHaveCount(1);
    expect(await seriousFindings(popup), 'history').toEqual([]);
  });
}
