import { expect, type Page } from '@playwright/test';
import type { Sandbox } from '../sandbox/server.ts';
import type { ExtensionBrowser } from './chromium.ts';

declare const chrome: {
  storage: {
    local: {
      get(keys: null): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
    };
  };
};

/**
 * The popup's real size in Chromium's toolbar: its 380 px wide body, and 600 px, the most
 * Chrome gives a popup; pages opened in tabs are given the same.
 */
export const POPUP_VIEWPORT = { width: 380, height: 600 } as const;

export interface SampleItem {
  readonly name: string;
  readonly description?: string;
  readonly unitPrice: string;
  readonly quantity?: string;
}

export const SAMPLE_ITEMS: readonly SampleItem[] = [
  { name: 'Logo design', description: 'Three concepts, two revisions', unitPrice: '120.5' },
  { name: 'Hosting', unitPrice: '9.99', quantity: '12' },
];

/**
 * Saves the key and base URL on the options page, as a user would: by the fields' names in
 * English or in Traditional Chinese, so the same step serves tests in either language.
 */
export async function configureExtension(
  extension: ExtensionBrowser,
  settings: { apiKey: string; baseUrl: string },
): Promise<void> {
  const page = await extension.context.newPage();
  await page.goto(extension.url('options.html'));
  await page.getByRole('textbox', { name: /^(API key|API 金鑰)$/ }).fill(settings.apiKey);
  await page.getByRole('textbox', { name: /^(API base URL|API 基礎網址)$/ }).fill(settings.baseUrl);
  await page.getByRole('button', { name: /^(Save|儲存)$/ }).click();
  await expect(page.getByRole('status').filter({ hasText: /^(Saved|已儲存)/ })).toBeVisible();
  await page.close();
}

/** Points the extension at a sandbox with its first test key, through the options page. */
export function connectToSandbox(extension: ExtensionBrowser, sandbox: Sandbox): Promise<void> {
  return configureExtension(extension, {
    apiKey: sandbox.keys[0] ?? '',
    baseUrl: sandbox.apiBaseUrl,
  });
}

export async function openPopup(extension: ExtensionBrowser, page?: Page): Promise<Page> {
  const popup = page ?? (await extension.context.newPage());
  await popup.setViewportSize(POPUP_VIEWPORT);
  await popup.goto(extension.url('popup.html'));
  return popup;
}

/** Fills the create form with the given items, adding item rows as needed. */
export async function fillItems(popup: Page, items: readonly SampleItem[]): Promise<void> {
  for (const [index, item] of items.entries()) {
    if (index > 0) await popup.getByRole('button', { name: 'Add item' }).click();
    await popup.getByRole('textbox', { name: 'Item name' }).nth(index).fill(item.name);
    await popup
      .getByRole('textbox', { name: 'Description' })
      .nth(index)
      .fill(item.description ?? '');
    await popup.getByRole('textbox', { name: 'Unit price' }).nth(index).fill(item.unitPrice);
    await popup
      .getByRole('textbox', { name: 'Quantity' })
      .nth(index)
      .fill(item.quantity ?? '1');
  }
}

/** Presses "Create link" and returns the link the result view shows. */
export async function createLink(popup: Page): Promise<string> {
  await popup.getByRole('button', { name: 'Create link' }).click();
  const link = popup.getByRole('link', { name: /^https?:\/\// });
  await expect(link).toBeVisible({ timeout: 15_000 });
  return (await link.textContent())?.trim() ?? '';
}

/** The checkout's id, the last part of its link. */
export function idOf(link: string): string {
  return new URL(link).pathname.split('/').pop() ?? '';
}

/** Sets the stored due date of a link's invoice, as if its terms had run out long ago. */
export async function setDueDate(
  extension: ExtensionBrowser,
  id: string,
  dueDate: string,
): Promise<void> {
  await extension.worker.evaluate(
    async ({ id, dueDate }) => {
      const all = await chrome.storage.local.get(null);
      for (const [key, value] of Object.entries(all)) {
        if (!key.startsWith('history:chunk:') || !Array.isArray(value)) continue;
        const records = value as { id: string }[];
        if (!records.some((record) => record.id === id)) continue;
        const changed = records.map((record) =>
          record.id === id ? { ...record, dueDate } : record,
        );
        await chrome.storage.local.set({ [key]: changed });
      }
    },
    { id, dueDate },
  );
}
