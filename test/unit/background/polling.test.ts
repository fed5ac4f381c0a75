import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import background from '../../../entrypoints/background/index.ts';
import { appendSession } from '../../../entrypoints/background/history-store.ts';
import { syncIndicators } from '../../../entrypoints/background/indicators.ts';
import { schedulePolling } from '../../../entrypoints/background/polling.ts';
import {
  createMessageHandler,
  type MessageHandler,
} from '../../../entrypoints/background/router.ts';
import { HISTORY_META_KEY, HISTORY_VERSION, readHistory } from '../../../storage/history.ts';
import { POLL_ALARM, POLL_PERIOD_MINUTES } from '../../../lib/polling-policy.ts';
import { DEFAULT_SETTINGS } from '../../../lib/settings.ts';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';
import historyV1 from '../storage/migrations/history/fixtures/v1.json';
import { ask, configure, createSession, session, stubContextMenus } from './helpers.ts';

const NOW = 1_700_050_000_000;

let sandbox: Sandbox;
let handle: MessageHandler;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, quiet: true });
});
afterAll(() => sandbox.close());

beforeEach(async () => {
  fakeBrowser.reset();
  sandbox.reset();
  handle = createMessageHandler();
  await configure(handle, sandbox.apiBaseUrl, sandbox.keys[0] ?? '');
});

async function createLink(requestId: string): Promise<string> {
  return (await createSession(handle, requestId)).id;
}

describe('the poll alarm and the badge', () => {
  it('exist once a link is created and go once none is open', async () => {
    const id = await createLink('r1');
    // Set just after the popup has its link.
    await vi.waitFor(async () => {
      expect(await browser.alarms.get(POLL_ALARM)).toMatchObject({ periodInMinutes: 1 });
      expect(await browser.action.getBadgeText({})).toBe('1');
    });
    sandbox.pay(id);
    await ask(handle, { type: 'refreshStatuses', staleOnly: false });
    expect(await browser.alarms.get(POLL_ALARM)).toBeUndefined();
    expect(await browser.action.getBadgeText({})).toBe('');
  });

  it('count open sessions only while they are younger than their expiry', async () => {
    await appendSession(session('open', { expiresAt: NOW + 60_000 }));
    await appendSession(session('past', { expiresAt: NOW - 1 }));
    await appendSession(session('paid', { status: 'complete', expiresAt: NOW + 60_000 }));
    await syncIndicators(NOW);
    expect(await browser.action.getBadgeText({})).toBe('1');
    expect(await browser.alarms.getAll()).toHaveLength(1);
    await syncIndicators(NOW + 60_000);
    expect(await browser.action.getBadgeText({})).toBe('');
    expect(await browser.alarms.getAll()).toHaveLength(0);
  });

  it('leave an existing alarm alone rather than restart its period', async () => {
    await schedulePolling(true);
    const create = vi.spyOn(browser.alarms, 'create');
    await schedulePolling(true);
    expect(create).not.toHaveBeenCalled();
  });

  it('replace an alarm left with another period, so a changed period reaches open links', async () => {
    await browser.alarms.create(POLL_ALARM, { periodInMinutes: 5 });
    await schedulePolling(true);
    expect(await browser.alarms.get(POLL_ALARM)).toMatchObject({
      periodInMinutes: POLL_PERIOD_MINUTES,
    });
    expect(await browser.alarms.getAll()).toHaveLength(1);
  });
});

describe('the history cap', () => {
  it('prunes the oldest after a create', async () => {
    await ask(handle, {
      type: 'saveSettings',
      settings: { ...DEFAULT_SETTINGS, baseUrl: sandbox.apiBaseUrl, historyCap: 2 },
    });
    const ids = [await createLink('r1'), await createLink('r2'), await createLink('r3')];
    await vi.waitFor(async () => {
      expect((await readHistory()).map((record) => record.id)).toEqual([ids[2], ids[1]]);
    });
  });

  it('prunes at once when the cap is lowered in Settings', async () => {
    for (const id of ['a', 'b', 'c', 'd']) await appendSession(session(id));
    await ask(handle, {
      type: 'saveSettings',
      settings: { ...DEFAULT_SETTINGS, baseUrl: sandbox.apiBaseUrl, historyCap: 3 },
    });
    expect((await readHistory()).map((record) => record.id)).toEqual(['d', 'c', 'b']);
  });
});

describe('the worker', () => {
  it('migrates the history at start', async () => {
    await browser.storage.local.set(historyV1);
    stubContextMenus();
    background.main();
    await vi.waitFor(async () =>
      expect((await browser.storage.local.get(HISTORY_META_KEY))[HISTORY_META_KEY]).toMatchObject({
        version: HISTORY_VERSION,
      }),
    );
  });

  it('refreshes statuses when woken by the poll alarm', async () => {
    const id = await createLink('r1');
    sandbox.pay(id);
    stubContextMenus();
    background.main();
    const alarm = { name: POLL_ALARM, scheduledTime: Date.now(), periodInMinutes: 1 };
    await fakeBrowser.alarms.onAlarm.trigger(alarm);
    expect(await readHistory()).toMatchObject([{ id, status: 'complete' }]);
    expect(Object.keys(await browser.notifications.getAll())).toEqual([id]);
  });

  it('drops a key unlocked past Lock after as it wakes, before its alarm fires', async () => {
    // As key-store.ts leaves an unlocked key: in storage.session, with its deadline.
    await browser.storage.session.set({ apiKey: 'pfk_test_x', apiKeyUntil: 1 });
    stubContextMenus();
    background.main();
    await vi.waitFor(async () => expect(await browser.storage.session.get(null)).toEqual({}));
  });

  it('sets the badge again after a browser restart', async () => {
    await appendSession(session('open', { expiresAt: Date.now() + 60_000 }));
    stubContextMenus();
    background.main();
    await fakeBrowser.action.setBadgeText({ text: '' });
    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(async () => expect(await browser.action.getBadgeText({})).toBe('1'));
  });
});
