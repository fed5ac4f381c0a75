import type { Page } from '@playwright/test';
import { PNG } from 'pngjs';
import type { ExtensionBrowser } from '../support/chromium.ts';
import { expect, test } from './fixtures.ts';

/*
 * Settings → Invoices: the business details printed on every invoice of a profile, kept as
 * typed until the one Save, each message beside its field, and a logo stored apart.
 */

const BUSINESS = {
  'Business name': 'Lin Studio',
  'Business address': '12 Harbour Road\nKaohsiung 800\nTaiwan',
  'Tax ID': '12345678',
  'Business email': 'billing@lin.example',
  'Invoice prefix': '2026-',
  'Next invoice number': '42',
  'Footer note': 'Net 14 days.\nThank you for your business!',
} as const;

type Label = keyof typeof BUSINESS;

const NOTHING_SAVED: Record<Label, string> = {
  'Business name': '',
  'Business address': '',
  'Tax ID': '',
  'Business email': '',
  'Invoice prefix': 'INV-',
  'Next invoice number': '1',
  'Footer note': '',
};

async function openSettings(extension: ExtensionBrowser): Promise<Page> {
  const page = await extension.context.newPage();
  await page.goto(extension.url('options.html'));
  await expect(page.getByRole('heading', { name: 'Invoices' })).toBeVisible();
  return page;
}

function field(page: Page, label: Label) {
  return page.getByRole('textbox', { name: label, exact: true });
}

async function save(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Save', exact: true }).click();
}

function savedNote(page: Page) {
  return page.getByRole('status').filter({ hasText: /^Saved/ });
}

async function expectBusiness(page: Page, values: Record<Label, string>): Promise<void> {
  for (const [label, value] of Object.entries(values) as [Label, string][]) {
    await expect(field(page, label), label).toHaveValue(value);
  }
}

test('every business field is saved with Save and kept after a reload', async ({ extension }) => {
  const page = await openSettings(extension);
  await expect(
    page.getByText('Printed on every invoice and receipt of this profile.'),
  ).toBeVisible();
  await expect(field(page, 'Next invoice number')).toHaveAttribute('inputmode', 'numeric');
  await expect(page.getByText('Next invoice: INV-0001')).toBeVisible();
  for (const [label, value] of Object.entries(BUSINESS) as [Label, string][]) {
    await field(page, label).fill(value);
  }
  await expect(page.getByText('Next invoice: 2026-0042')).toBeVisible();
  await save(page);
  await expect(savedNote(page)).toBeVisible();

  await page.reload();
  await expectBusiness(page, BUSINESS);
  await expect(page.getByText('Next invoice: 2026-0042')).toBeVisible();
});

test('an invalid Business email is said beside it, focused, and nothing typed is lost', async ({
  extension,
}) => {
  const page = await openSettings(extension);
  for (const [label, value] of Object.entries(BUSINESS) as [Label, string][]) {
    await field(page, label).fill(value);
  }
  await field(page, 'Business email').fill('billing at lin');
  await save(page);
  const email = field(page, 'Business email');
  await expect(email).toHaveAccessibleDescription('Enter an email address like name@example.com.');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toBeFocused();
  await expect(savedNote(page)).toHaveCount(0);
  await expectBusiness(page, { ...BUSINESS, 'Business email': 'billing at lin' });
  // Nothing of it was stored.
  await page.reload();
  await expectBusiness(page, NOTHING_SAVED);
});

test('the first error on the page gets the focus, each beside its field', async ({ extension }) => {
  const page = await openSettings(extension);
  await field(page, 'Business email').fill('billing at lin');
  await page.getByRole('spinbutton', { name: 'History limit' }).fill('-5');
  await field(page, 'Next invoice number').fill('1e3');
  await expect(page.getByText(/^Next invoice:/)).toHaveCount(0);
  await save(page);
  const number = field(page, 'Next invoice number');
  await expect(number).toHaveAccessibleDescription('Enter a whole number from 1 to 999,999,999.');
  await expect(page.getByRole('spinbutton', { name: 'History limit' })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expect(number).toBeFocused();
  // Numbers are checked on the page; the email by the background once they are right.
  await number.fill('7');
  await page.getByRole('spinbutton', { name: 'History limit' }).fill('100');
  await save(page);
  await expect(field(page, 'Business email')).toBeFocused();
  await expect(field(page, 'Business email')).toHaveAccessibleDescription(
    'Enter an email address like name@example.com.',
  );
  await expect(number).toHaveValue('7');
});

test('a logo is shown, kept after a reload, and removed with Remove logo and Save', async ({
  extension,
}) => {
  const page = await openSettings(extension);
  const logo = page.getByLabel('Logo', { exact: true });
  await expect(logo).toHaveAttribute(
    'accept',
    'image/png,image/jpeg,image/webp,image/gif,image/svg+xml',
  );
  await logo.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png(40, 20) });
  const preview = page.getByRole('img', { name: 'Logo preview' });
  await expect(preview).toBeVisible();
  await expect(preview).toHaveAttribute('src', /^data:image\/png;base64,/);
  await save(page);
  await expect(savedNote(page)).toBeVisible();

  await page.reload();
  await expect(preview).toBeVisible();
  await page.getByRole('button', { name: 'Remove logo' }).click();
  await expect(preview).toHaveCount(0);
  await save(page);
  await expect(savedNote(page)).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Invoices' })).toBeVisible();
  await expect(preview).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Remove logo' })).toHaveCount(0);
});

test('a large logo is scaled to fit 600×240 px, and a photo-like one is kept as JPEG', async ({
  extension,
}) => {
  const page = await openSettings(extension);
  const logo = page.getByLabel('Logo', { exact: true });
  await logo.setInputFiles({ name: 'wide.png', mimeType: 'image/png', buffer: png(1200, 300) });
  const preview = page.getByRole('img', { name: 'Logo preview' });
  await expect(preview).toHaveAttribute('src', /^data:image\/png;base64,/);
  expect(await naturalSize(page)).toEqual({ width: 600, height: 150 });

  // Random pixels do not compress: as PNG they are far over the limit.
  await logo.setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: noise(600, 240) });
  await expect(preview).toHaveAttribute('src', /^data:image\/jpeg;base64,/);
  expect(await naturalSize(page)).toEqual({ width: 600, height: 240 });
  await save(page);
  await expect(savedNote(page)).toBeVisible();
  await page.reload();
  await expect(preview).toHaveAttribute('src', /^data:image\/jpeg;base64,/);
});

test('a file that is not an image is refused beside Logo', async ({ extension }) => {
  const page = await openSettings(extension);
  const logo = page.getByLabel('Logo', { exact: true });
  await logo.setInputFiles({
    name: 'logo.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('not an image'),
  });
  await expect(logo).toHaveAccessibleDescription(
    'That file is not an image. Choose a PNG, JPEG, WebP, GIF or SVG file.',
  );
  await expect(page.getByRole('img', { name: 'Logo preview' })).toHaveCount(0);
});

test('each profile has its own business details and logo', async ({ extension }) => {
  const page = await openSettings(extension);
  await field(page, 'Business name').fill('Lin Studio');
  await page
    .getByLabel('Logo', { exact: true })
    .setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png(40, 20) });
  await save(page);
  await expect(savedNote(page)).toBeVisible();

  await page.getByRole('button', { name: 'Add profile' }).click();
  await page.getByRole('textbox', { name: 'Profile name' }).fill('Studio B');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  const profile = page.getByRole('combobox', { name: 'Profile', exact: true });
  await expect(profile.locator('option:checked')).toHaveText(/Studio B/);
  // The logo is the profile's own: a new profile starts without one.
  await expect(page.getByRole('img', { name: 'Logo preview' })).toHaveCount(0);
  await field(page, 'Business name').fill('Studio B Ltd');
  await save(page);
  await expect(savedNote(page)).toBeVisible();

  await profile.selectOption({ label: 'Default' });
  await expect(field(page, 'Business name')).toHaveValue('Lin Studio');
  await expect(page.getByRole('img', { name: 'Logo preview' })).toBeVisible();
  await profile.selectOption({ label: 'Studio B' });
  await expect(field(page, 'Business name')).toHaveValue('Studio B Ltd');
  await expect(page.getByRole('img', { name: 'Logo preview' })).toHaveCount(0);
});

/** The logo as the page keeps it, in pixels. */
function naturalSize(page: Page): Promise<{ width: number; height: number }> {
  return page.getByRole('img', { name: 'Logo preview' }).evaluate((image: HTMLImageElement) => ({
    width: image.naturalWidth,
    height: image.naturalHeight,
  }));
}

/** A red PNG of the given size, as a logo file. */
function png(width: number, height: number): Buffer {
  const image = new PNG({ width, height });
  for (let i = 0; i < image.data.length; i += 4) {
    image.data[i] = 200;
    image.data[i + 3] = 255;
  }
  return PNG.sync.write(image);
}

/** A PNG of random opaque pixels: a photo, as far as compression goes. */
function noise(width: number, height: number): Buffer {
  const image = new PNG({ width, height });
  for (let i = 0; i < image.data.length; i += 4) {
    image.data[i] = Math.floor(Math.random() * 256);
    image.data[i + 1] = Math.floor(Math.random() * 256);
    image.data[i + 2] = Math.floor(Math.random() * 256);
    image.data[i + 3] = 255;
  }
  return PNG.sync.write(image);
}
