import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod/mini';
import {
  createMessageHandler,
  type MessageHandler,
} from '../../../entrypoints/background/router.ts';
import type { SessionRecord } from '../../../lib/history.ts';
import { appendSession } from '../../../entrypoints/background/history-store.ts';
import { readHistory } from '../../../storage/history.ts';
import { ResponseSchemas } from '../../../lib/messages.ts';
import { DEFAULT_SETTINGS } from '../../../lib/settings.ts';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';
import { ask, configure, createSession } from './helpers.ts';

const MINUTE = 60_000;

let sandbox: Sandbox;
let handle: MessageHandler;
let clock: number | undefined;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, quiet: true });
});
afterAll(() => sandbox.close());

beforeEach(async () => {
  fakeBrowser.reset();
  sandbox.reset();
  clock = undefined;
  handle = createMessageHandler({ now: () => clock ?? Date.now() });
  await configure(handle, sandbox.apiBaseUrl, sandbox.keys[0] ?? '');
});

function createLink(requestId = 'r1'): Promise<SessionRecord> {
  return createSession(handle, requestId);
}

async function poll() {
  return z.parse(
    ResponseSchemas.refreshStatuses,
    await ask(handle, { type: 'refreshStatuses', staleOnly: false }),
  );
}

async function reminders(): Promise<string[]> {
  return Object.keys(await browser.notifications.getAll()).filter((id) =>
    id.startsWith('reminder:'),
  );
}

describe('the expiry reminder', () => {
  it('is raised once, during the poll that finds the link within the hour before expiry', async () => {
    const session = await createLink();
    const notify = vi.spyOn(browser.notifications, 'create');
    clock = session.expiresAt - 61 * MINUTE;
    await poll();
    expect(notify).not.toHaveBeenCalled();

    clock = session.expiresAt - 45 * MINUTE;
    await poll();
    expect(await browser.notifications.getAll()).toEqual({
      [`reminder:${session.id}`]: {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title: 'Link expires soon',
        message: 'Logo design — 41.00 USDT expires in 45 min',
      },
    });
    expect(await readHistory()).toMatchObject([{ id: session.id, remindedAt: clock }]);

    clock += MINUTE;
    await poll();
    expect(notify).toHaveBeenCalledOnce();
  });

  it('follows the minutes set in Settings, and 0 turns it off', async () => {
    const session = await createLink();
    await ask(handle, {
      type: 'saveSettings',
      settings: { ...DEFAULT_SETTINGS, baseUrl: sandbox.apiBaseUrl, reminderMinutes: 0 },
    });
    clock = session.expiresAt - 5 * MINUTE;
    await poll();
    expect(await reminders()).toEqual([]);

    await ask(handle, {
      type: 'saveSettings',
      settings: { ...DEFAULT_SETTINGS, baseUrl: sandbox.apiBaseUrl, reminderMinutes: 120 },
    });
    clock = session.expiresAt - 100 * MINUTE;
    await poll();
    expect(await reminders()).toEqual([`reminder:${session.id}`]);
  });

  it('is not raised for a link paid in the same poll, nor for an expired one', async () => {
    const paid = await createLink('r1');
    const expired = await createLink('r2');
    expect(sandbox.pay(paid.id).ok).toBe(true);
    expect(sandbox.expire(expired.id).ok).toBe(true);
    clock = paid.expiresAt - 30 * MINUTE;
    await poll();
    expect(Object.keys(await browser.notifications.getAll())).toEqual([paid.id]);
  });

  it('is taken back when the link is paid after all', async () => {
    const session = await createLink();
    clock = session.expiresAt - 30 * MINUTE;
    await poll();
    expect(await reminders()).toEqual([`reminder:${session.id}`]);
    expect(sandbox.pay(session.id).ok).toBe(true);
    clock += MINUTE;
    await poll();
    expect(Object.keys(await browser.notifications.getAll())).toEqual([session.id]);
  });

  it('is not raised for a link already renewed', async () => {
    const session = await createLink();
    clock = session.expiresAt - 30 * MINUTE;
    await ask(handle, { type: 'renewCheckout', requestId: 'renew', sessionId: session.id });
    clock = session.expiresAt - 29 * MINUTE;
    await poll();
    expect(await reminders()).toHaveLength(1);
    expect(await reminders()).not.toContain(`reminder:${session.id}`);
  });

  it('is not raised for a link whose invoice has a newer link stored, before renewedBy names it', async () => {
    const session = await createLink();
    expect(session.invoiceNumber).toBeDefined();
    // A renewal stopped between its two writes: the new link stored, renewedBy not yet.
    await appendSession({
      ...session,
      id: 'cs_newer',
      url: 'https://buy.payfect.finance/checkouts/cs_newer',
      createdAt: session.expiresAt - 31 * MINUTE,
      expiresAt: session.expiresAt + 23 * 60 * MINUTE,
    });
    clock = session.expiresAt - 30 * MINUTE;
    await poll();
    expect(await reminders()).toEqual([]);
  });
});
