import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  appendSession,
  openSessions,
  startHistory,
} from '../../../entrypoints/background/history-store.ts';
import {
  MIGRATIONS,
  migrateHistory,
  runMigrations,
} from '../../../storage/migrations/history/index.ts';
import {
  HISTORY_META_KEY,
  HISTORY_VERSION,
  historyChunkKey,
  readHistory,
} from '../../../storage/history.ts';
import { LIVE_API_BASE_URL } from '../../../lib/settings.ts';
import { DEFAULT_BUSINESS } from '../../../lib/invoice.ts';
import {
  readSettings,
  settingsItem,
  readProfileSettings,
  readStoredSettings,
} from '../../../storage/settings.ts';
import { migrate as settingsToV2 } from '../../../storage/migrations/settings/002.ts';
import { migrate as settingsToV3 } from '../../../storage/migrations/settings/003.ts';
import { migrate as settingsToV4 } from '../../../storage/migrations/settings/004.ts';
import { migrate as settingsToV5 } from '../../../storage/migrations/settings/005.ts';
import { migrate as settingsToV6 } from '../../../storage/migrations/settings/006.ts';
import { migrate as settingsToV7 } from '../../../storage/migrations/settings/007.ts';
import { DEFAULT_MESSAGE_TEMPLATE, DEFAULT_MESSAGE_TEMPLATE_V2 } from '../../../lib/settings.ts';
import { latestVersion } from '../../../storage/migrations/migration.ts';
import { SETTINGS_MIGRATIONS } from '../../../storage/migrations/settings/index.ts';
import historyV1 from './migrations/history/fixtures/v1.json';
import settingsV1 from './migrations/settings/fixtures/v1.json';
import { fakeFetch, jsonResponse } from '../lib/payfect/fake-fetch.ts';

const SETTINGS_VERSION = latestVersion(SETTINGS_MIGRATIONS);
import { createMessageHandler } from '../../../entrypoints/background/router.ts';
import { ask, session } from '../background/helpers.ts';

beforeEach(() => fakeBrowser.reset());

async function storedHistory(): Promise<Record<string, unknown>> {
  const all = await browser.storage.local.get(null);
  return Object.fromEntries(Object.entries(all).filter(([key]) => key.startsWith('history:')));
}

/* The tax defaults settings v8 gives every profile (storage/migrations/settings/008.ts). */
const NO_TAX = { taxMode: 'none', taxRate: '', taxLabel: 'Tax' };

describe('the history migrations', () => {
  it('are numbered in order up to the current version', () => {
    expect(MIGRATIONS.map((step) => step.version)).toEqual([2, 3]);
    expect(MIGRATIONS.at(-1)?.version).toBe(HISTORY_VERSION);
  });
});

describe('history v1 → v2', () => {
  it('fills the fields v2 added from what each record has', () => {
    expect(runMigrations(historyV1, 1)).toMatchObject({
      [historyChunkKey(0)]: [
        { id: 'cs_v1_open', lastChecked: 1700000000000, statusChangedAt: 1700000000000 },
        {
          id: 'cs_v1_paid',
          status: 'complete',
          networkName: 'tron',
          baseUrl: LIVE_API_BASE_URL,
          lastChecked: 1700000100000,
          statusChangedAt: 1700000100000,
        },
      ],
    });
  });

  it('keeps fields a record already has', () => {
    const shaped = historyV1['history:chunk:1'][0];
    expect(runMigrations(historyV1, 1)).toMatchObject({ [historyChunkKey(1)]: [shaped, {}] });
  });

  it('rebuilds the meta with the current layout, counting only valid records', () => {
    expect(runMigrations(historyV1, 1)[HISTORY_META_KEY]).toEqual({
      version: HISTORY_VERSION,
      first: 0,
      end: 2,
      count: 3,
      openFrom: 0,
    });
  });

  it('leaves a chunk that needs nothing as the same value, so it is not written', () => {
    const upToDate = { [historyChunkKey(0)]: [session('a')], [HISTORY_META_KEY]: { version: 1 } };
    const migrated = runMigrations(upToDate, 1);
    expect(migrated[historyChunkKey(0)]).toBe(upToDate[historyChunkKey(0)]);
  });

  it('migrates stored data so every v1 session can be read and appended to', async () => {
    await browser.storage.local.set(historyV1);
    await migrateHistory();
    const sessions = await readHistory();
    expect(sessions.map((record) => record.id)).toEqual([
      'cs_v2_shaped',
      'cs_v1_paid',
      'cs_v1_open',
    ]);
    expect(await storedHistory()).toMatchObject({
      [HISTORY_META_KEY]: { version: HISTORY_VERSION },
    });
    await appendSession(session('new'));
    expect((await readHistory()).map((record) => record.id)[0]).toBe('new');
  });
});

describe('history v2 → v3', () => {
  it('finds openFrom again: an open session a v2 build left below it is followed again', async () => {
    // What v2 builds stored after "create, pay, refresh, create": openFrom past the chunk
    // the second link was appended to.
    await browser.storage.local.set({
      [HISTORY_META_KEY]: { version: 2, first: 0, end: 2, count: 3, openFrom: 2 },
      [historyChunkKey(0)]: [session('paid', { status: 'complete' })],
      [historyChunkKey(1)]: [session('paid too', { status: 'complete' }), session('open')],
    });
    await migrateHistory();
    expect((await storedHistory())[HISTORY_META_KEY]).toEqual({
      version: 3,
      first: 0,
      end: 2,
      count: 3,
      openFrom: 1,
    });
    expect((await openSessions()).map(({ record }) => record.id)).toEqual(['open']);
  });

  it('sets openFrom to the end when no session is open, and leaves the chunks alone', () => {
    const chunk = [session('a', { status: 'expired' })];
    const history = {
      [HISTORY_META_KEY]: { version: 2, first: 0, end: 1, count: 1, openFrom: 0 },
      [historyChunkKey(0)]: chunk,
    };
    const migrated = runMigrations(history, 2);
    expect(migrated[HISTORY_META_KEY]).toEqual({
      version: 3,
      first: 0,
      end: 1,
      count: 1,
      openFrom: 1,
    });
    expect(migrated[historyChunkKey(0)]).toBe(chunk);
  });
});

describe('running the migrations at worker start', () => {
  it('runs before a write queued behind it', async () => {
    await browser.storage.local.set(historyV1);
    void startHistory();
    await appendSession(session('new'));
    expect(await readHistory()).toHaveLength(4);
  });

  it('only reads the meta when the history is current', async () => {
    await browser.storage.local.set({
      [HISTORY_META_KEY]: { version: HISTORY_VERSION, first: 0, end: 0, count: 0, openFrom: 0 },
    });
    const get = vi.spyOn(browser.storage.local, 'get');
    const set = vi.spyOn(browser.storage.local, 'set');
    await migrateHistory();
    expect(get).toHaveBeenCalledOnce();
    expect(set).not.toHaveBeenCalled();
  });

  it('writes nothing when there is no history yet', async () => {
    const set = vi.spyOn(browser.storage.local, 'set');
    await migrateHistory();
    expect(set).not.toHaveBeenCalled();
  });

  it('repairs a broken meta from the chunks', async () => {
    await browser.storage.local.set({
      [HISTORY_META_KEY]: 'garbage',
      [historyChunkKey(3)]: [session('a'), session('b')],
      [historyChunkKey(4)]: [session('c')],
    });
    await migrateHistory();
    expect((await storedHistory())[HISTORY_META_KEY]).toEqual({
      version: HISTORY_VERSION,
      first: 3,
      end: 5,
      count: 3,
      openFrom: 3,
    });
    expect((await readHistory()).map((record) => record.id)).toEqual(['c', 'b', 'a']);
  });
});

describe('settings v1 → v2', () => {
  it('adds historyCap 0 (keep all) and keeps everything else', () => {
    expect(settingsToV2(settingsV1.settings)).toEqual({ ...settingsV1.settings, historyCap: 0 });
  });

  it('keeps a historyCap that is already there', () => {
    expect(settingsToV2({ historyCap: 500 })).toEqual({ historyCap: 500 });
  });

  it('migrates stored v1 settings through every version to the current one', async () => {
    await browser.storage.local.set(settingsV1);
    await settingsItem.migrate();
    expect(await readSettings()).toEqual({
      ...settingsV1.settings,
      historyCap: 0,
      reminderMinutes: 60,
      lockAfterMinutes: 60,
      business: DEFAULT_BUSINESS,
      ...NO_TAX,
      // v9: no footer states terms, so Net 30.
      paymentTerms: '30',
    });
    expect(await settingsItem.getMeta()).toEqual({ v: SETTINGS_VERSION });
  });
});

describe('settings v2 → v3', () => {
  const v2 = { ...settingsV1.settings, historyCap: 0 };

  it('replaces the old default message template with the new one', () => {
    expect(settingsToV3({ ...v2, messageTemplate: DEFAULT_MESSAGE_TEMPLATE_V2 })).toEqual({
      ...v2,
      messageTemplate: DEFAULT_MESSAGE_TEMPLATE,
    });
  });

  it('keeps a template the user wrote', () => {
    expect(settingsToV3(v2)).toEqual(v2);
  });

  it('migrates stored v2 settings that kept the default and records the current version', async () => {
    await browser.storage.local.set({
      settings: { ...v2, messageTemplate: DEFAULT_MESSAGE_TEMPLATE_V2 },
      settings$: { v: 2 },
    });
    await settingsItem.migrate();
    expect((await readSettings()).messageTemplate).toBe(DEFAULT_MESSAGE_TEMPLATE);
    expect(await settingsItem.getMeta()).toEqual({ v: SETTINGS_VERSION });
  });
});

describe('settings v3 → v4', () => {
  const v3 = { ...settingsV1.settings, historyCap: 0, messageTemplate: DEFAULT_MESSAGE_TEMPLATE };

  it('adds an expiry reminder an hour before, as for a new user', () => {
    expect(settingsToV4(v3)).toEqual({ ...v3, reminderMinutes: 60 });
  });

  it('keeps a reminder that is already there, off included', () => {
    expect(settingsToV4({ ...v3, reminderMinutes: 0 })).toEqual({ ...v3, reminderMinutes: 0 });
  });

  it('migrates stored v3 settings and records version 4', async () => {
    await browser.storage.local.set({ settings: v3, settings$: { v: 3 } });
    await settingsItem.migrate();
    expect(await readSettings()).toEqual({
      ...v3,
      reminderMinutes: 60,
      lockAfterMinutes: 60,
      business: DEFAULT_BUSINESS,
      ...NO_TAX,
      // v9: no footer states terms, so Net 30.
      paymentTerms: '30',
    });
    expect(await settingsItem.getMeta()).toEqual({ v: SETTINGS_VERSION });
  });
});

describe('settings v4 → v5 (profiles)', () => {
  const v4 = {
    baseUrl: 'http://127.0.0.1:8787/api/v1',
    currency: 'twd',
    network: 'polygon',
    successUrl: 'https://example.com/thanks',
    cancelUrl: '',
    callbackUrl: 'https://example.com/hook',
    messageTemplate: '{items}: {url}',
    networks: [{ value: 'polygon', name: 'Polygon' }],
    historyCap: 500,
    reminderMinutes: 30,
  };

  it('turns the one set of settings into the profile "Default" and keeps the shared fields', () => {
    expect(settingsToV5(v4)).toEqual({
      activeProfileId: 'default',
      profiles: [
        {
          id: 'default',
          name: 'Default',
          baseUrl: 'http://127.0.0.1:8787/api/v1',
          currency: 'twd',
          network: 'polygon',
          successUrl: 'https://example.com/thanks',
          cancelUrl: '',
          callbackUrl: 'https://example.com/hook',
          networks: [{ value: 'polygon', name: 'Polygon' }],
          // The profile shape v5 released with: v7 then sets it again.
          business: { ...DEFAULT_BUSINESS, issued: {} },
        },
      ],
      messageTemplate: '{items}: {url}',
      historyCap: 500,
      reminderMinutes: 30,
    });
  });

  it('migrates stored v4 settings: the active settings read as before, version 5 recorded', async () => {
    await browser.storage.local.set({ settings: v4, settings$: { v: 4 } });
    await settingsItem.migrate();
    expect(await readSettings()).toEqual({
      ...v4,
      lockAfterMinutes: 60,
      business: DEFAULT_BUSINESS,
      ...NO_TAX,
      // v9: no footer states terms, so Net 30.
      paymentTerms: '30',
    });
    expect(await readProfileSettings('default')).toEqual({
      ...v4,
      lockAfterMinutes: 60,
      business: DEFAULT_BUSINESS,
      ...NO_TAX,
      // v9: no footer states terms, so Net 30.
      paymentTerms: '30',
    });
    expect(await readProfileSettings('other')).toBeUndefined();
    expect(await settingsItem.getMeta()).toEqual({ v: SETTINGS_VERSION });
  });

  it('falls back to the first profile when the active id is unknown', async () => {
    const stored = settingsToV5(v4) as Record<string, unknown>;
    await browser.storage.local.set({
      settings: { ...stored, activeProfileId: 'gone' },
      settings$: { v: 5 },
    });
    expect((await readSettings()).currency).toBe('twd');
  });

  it('reads settings without any profile as the defaults: there is always one profile', async () => {
    await browser.storage.local.set({
      settings: { activeProfileId: 'x', profiles: [], messageTemplate: '{url}' },
      settings$: { v: 5 },
    });
    expect((await readStoredSettings()).profiles).toHaveLength(1);
  });
});

describe('settings v5 → v6 (the host the key may go to)', () => {
  const profile = {
    currency: 'usdt',
    network: 'tron',
    successUrl: '',
    cancelUrl: '',
    callbackUrl: '',
    networks: [{ value: 'tron', name: 'Tron (TRC20)' }],
  };
  const v5 = {
    activeProfileId: 'live',
    profiles: [
      { ...profile, id: 'live', name: 'Live', baseUrl: LIVE_API_BASE_URL },
      { ...profile, id: 'sandbox', name: 'Sandbox', baseUrl: 'http://127.0.0.1:8787/api/v1' },
      // A value no v5 build wrote: a migration never carries a confirmation over.
      {
        ...profile,
        id: 'other',
        name: 'Other',
        baseUrl: 'https://api.payfect-finance.support/api/v1',
        confirmedKeyOrigin: 'https://api.payfect-finance.support',
      },
    ],
    messageTemplate: '{url}',
    historyCap: 0,
    reminderMinutes: 60,
  };

  it('leaves every profile unconfirmed and the rest as it was', () => {
    const v6 = settingsToV6(v5) as typeof v5;
    expect(v6.profiles.map((p) => 'confirmedKeyOrigin' in p)).toEqual([false, false, false]);
    expect(v6).toEqual({
      ...v5,
      profiles: v5.profiles.map(
        ({ confirmedKeyOrigin: _gone, ...rest }: Record<string, unknown>) => rest,
      ),
    });
  });

  it('after migrating, the key goes to the live API and the sandbox but not to another host', async () => {
    await browser.storage.local.set({ settings: v5, settings$: { v: 5 } });
    await settingsItem.migrate();
    expect(await settingsItem.getMeta()).toEqual({ v: SETTINGS_VERSION });
    // Even with the browser's grant, the other host waits for the user's confirmation.
    vi.spyOn(browser.permissions, 'contains').mockImplementation(async () => true);
    const fake = fakeFetch(() => jsonResponse({ detail: 'Not found.' }, 404));
    const handle = createMessageHandler({ fetch: fake.fetch });
    const answers: unknown[] = [];
    for (const profileId of ['live', 'sandbox', 'other']) {
      await ask(handle, { type: 'saveKey', apiKey: `pk_test_${profileId}-0001`, profileId });
      answers.push(await ask(handle, { type: 'testConnection', profileId }));
    }
    expect(answers).toMatchObject([
      { ok: true },
      { ok: true },
      { ok: false, error: { kind: 'unconfirmed_host' } },
    ]);
    expect(fake.calls.map((call) => new URL(call.url).host)).toEqual([
      'api.payfect.finance',
      '127.0.0.1:8787',
    ]);
  });
});

describe('settings v6 → v7 (business details for invoices)', () => {
  /* As v7 stored them; v8 moved `issued` out (storage/migrations/settings/008.ts). */
  const V7_BUSINESS = { ...DEFAULT_BUSINESS, issued: {} };
  const profile = {
    baseUrl: LIVE_API_BASE_URL,
    currency: 'usdt',
    network: 'tron',
    successUrl: '',
    cancelUrl: '',
    callbackUrl: '',
    networks: [{ value: 'tron', name: 'Tron (TRC20)' }],
  };
  const v6 = {
    activeProfileId: 'live',
    profiles: [
      { ...profile, id: 'live', name: 'Live' },
      { ...profile, id: 'test', name: 'Test', currency: 'twd' },
    ],
    messageTemplate: '{url}',
    historyCap: 0,
    reminderMinutes: 60,
  };

  it('gives every profile empty business details from INV-0001, and Lock after an hour', () => {
    expect(settingsToV7(v6)).toEqual({
      ...v6,
      lockAfterMinutes: 60,
      profiles: v6.profiles.map((p) => ({ ...p, business: V7_BUSINESS })),
    });
  });

  it('issues nothing for a profile whatever a damaged item held', () => {
    const damaged = {
      ...v6,
      profiles: [{ ...v6.profiles[0], business: { issued: { 'INV-': 'x' }, name: 3 } }],
    };
    const migrated = settingsToV7(damaged) as { profiles: { business: unknown }[] };
    expect(migrated.profiles[0]?.business).toEqual(V7_BUSINESS);
  });

  it('migrates stored v6 settings: each profile reads as before with empty business details', async () => {
    await browser.storage.local.set({ settings: v6, settings$: { v: 6 } });
    await settingsItem.migrate();
    expect(await settingsItem.getMeta()).toEqual({ v: SETTINGS_VERSION });
    expect(await readProfileSettings('test')).toEqual({
      ...profile,
      currency: 'twd',
      messageTemplate: '{url}',
      historyCap: 0,
      reminderMinutes: 60,
      lockAfterMinutes: 60,
      business: DEFAULT_BUSINESS,
      ...NO_TAX,
      // v9: no footer states terms, so Net 30.
      paymentTerms: '30',
    });
  });
});
