import { vi } from 'vitest';
import { browser, type Browser } from 'wxt/browser';
import { z } from 'zod/mini';
import type { SessionRecord } from '../../../lib/history.ts';
import { ResponseSchemas, type Request } from '../../../lib/messages.ts';
import { order, session as baseSession } from '../factories.ts';
import type { Order } from '../../../lib/order.ts';
import { DEFAULT_SETTINGS } from '../../../lib/settings.ts';
import type { MessageHandler } from '../../../entrypoints/background/router.ts';

/** The popup, as Chrome describes it to the worker. */
export function popupSender(): Browser.runtime.MessageSender {
  return { id: browser.runtime.id, url: browser.runtime.getURL('/popup.html'), frameId: 0 };
}

export { order };

/**
 * The worker tests' link `id`: two of Logo design at 20.50 (41.00), made at 1,700,000,000,000;
 * the shared factory (../factories.ts) with the values these tests were written against.
 */
export function session(id: string, overrides: Partial<SessionRecord> = {}): SessionRecord {
  return baseSession({
    id,
    url: `https://buy.payfect.finance/checkouts/${id}`,
    amountTotal: '41.00',
    items: [{ name: 'Logo design', description: '', unitAmount: '20.5', quantity: 2 }],
    reference: 'INV-42',
    createdAt: 1_700_000_000_000,
    expiresAt: 1_700_086_400_000,
    lastChecked: 1_700_000_000_000,
    statusChangedAt: 1_700_000_000_000,
    ...overrides,
  });
}

/** Every value in extension storage, as the JSON it is stored as, by key. */
export async function storedJson(): Promise<Record<string, string>> {
  const all = await browser.storage.local.get(null);
  return Object.fromEntries(
    Object.entries(all).map(([key, value]) => [key, JSON.stringify(value)]),
  );
}

/** Sends one message from the popup and returns the answer. */
export function ask(handle: MessageHandler, message: Request): Promise<unknown> {
  return handle(message, popupSender());
}

/** Creates a link as the popup does and returns the session; a failed create throws. */
export async function createSession(
  handle: MessageHandler,
  requestId: string,
  request: { order?: Order; profileId?: string } = {},
): Promise<SessionRecord> {
  const answer = z.parse(
    ResponseSchemas.createCheckout,
    await ask(handle, {
      type: 'createCheckout',
      requestId,
      order: request.order ?? order(),
      ...(request.profileId === undefined ? {} : { profileId: request.profileId }),
    }),
  );
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.session;
}

/** Points the worker at a sandbox and saves `apiKey`, as a user would in Settings. */
export async function configure(handle: MessageHandler, apiBaseUrl: string, apiKey: string) {
  await ask(handle, { type: 'saveKey', apiKey });
  await ask(handle, {
    type: 'saveSettings',
    settings: { ...DEFAULT_SETTINGS, baseUrl: apiBaseUrl },
  });
}

/**
 * WXT's fake browser has no contextMenus: tests that start the whole worker
 * (`background.main()`) stub the calls the worker makes at start and install, so they fail only on
 * what they test. The menu itself is tested in menus.test.ts.
 */
export function stubContextMenus(): void {
  vi.spyOn(browser.contextMenus.onClicked, 'addListener').mockImplementation(() => undefined);
  vi.spyOn(browser.contextMenus, 'removeAll').mockResolvedValue(undefined);
  vi.spyOn(browser.contextMenus, 'create').mockReturnValue('stub');
}
