import type { Page } from '@playwright/test';
import type { RecordedRequest, Sandbox } from '../sandbox/server.ts';

/** Every `POST /checkouts/` the sandbox received, faulted or not. */
export function createRequests(sandbox: Sandbox): RecordedRequest[] {
  return sandbox.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/checkouts/'));
}

/** Every `GET /checkouts/{id}/` (status query) the sandbox received. */
export function statusQueries(sandbox: Sandbox): RecordedRequest[] {
  return sandbox.requests.filter((r) => r.method === 'GET' && /\/checkouts\/[^/]+\/$/.test(r.path));
}

/**
 * Puts a known text in the clipboard, so a test can tell afterwards that nothing replaced
 * it. Needs the context's clipboard-read and clipboard-write permissions.
 */
export async function seedClipboard(page: Page, text: string): Promise<void> {
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
}

export async function clipboardText(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}
