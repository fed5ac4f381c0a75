import { expect, test } from './fixtures.ts';

test('the built extension loads in Chromium with its service worker', async ({ extension }) => {
  expect(extension.extensionId).toMatch(/^[a-p]{32}$/);
  expect(extension.worker.url()).toBe(extension.url('background.js'));
});

test('the popup renders', async ({ extension, page }) => {
  await page.goto(extension.url('popup.html'));
  await expect(page).toHaveTitle('Payfect Quick Links');
  await expect(page.getByRole('heading', { name: 'Payfect Quick Links' })).toBeVisible();
});

test('the options page renders', async ({ extension, page }) => {
  await page.goto(extension.url('options.html'));
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
});
