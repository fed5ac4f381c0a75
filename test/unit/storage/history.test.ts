import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  HISTORY_META_KEY,
  HISTORY_VERSION,
  historyChunkKey,
  inBatches,
  readHistory,
  readNewestHistory,
  watchHistory,
} from '../../../storage/history.ts';
import { session } from '../background/helpers.ts';

beforeEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

describe('readHistory', () => {
  it('reads nothing when there is no meta', async () => {
    await browser.storage.local.set({ [historyChunkKey(0)]: [session('a')] });
    expect(await readHistory()).toEqual([]);
  });

  it('lists every valid session newest first, in two reads whatever the chunk count', async () => {
    await browser.storage.local.set({
      [HISTORY_META_KEY]: { version: HISTORY_VERSION, first: 1, end: 4, count: 5, openFrom: 1 },
      [historyChunkKey(0)]: [session('pruned')],
      [historyChunkKey(1)]: [session('a'), session('b')],
      [historyChunkKey(2)]: [session('c'), { id: 'broken' }],
      [historyChunkKey(3)]: [session('d'), session('e')],
    });
    const get = vi.spyOn(browser.storage.local, 'get');
    const ids = (await readHistory()).map((record) => record.id);
    expect(ids).toEqual(['e', 'd', 'c', 'b', 'a']);
    expect(get).toHaveBeenCalledTimes(2);
    expect(get.mock.calls[1]?.[0]).toEqual([1, 2, 3].map(historyChunkKey));
  });

  it('keeps a stored session whose status Payfect added after its docs', async () => {
    await browser.storage.local.set({
      [HISTORY_META_KEY]: { version: HISTORY_VERSION, first: 0, end: 1, count: 2, openFrom: 0 },
      [historyChunkKey(0)]: [session('a', { status: 'processing' }), session('b')],
    });
    expect((await readHistory()).map(({ id, status }) => `${id} ${status}`)).toEqual([
      'b open',
      'a processing',
    ]);
  });

  it('reads a version 1 history that the worker has not migrated yet', async () => {
    await browser.storage.local.set({
      [HISTORY_META_KEY]: { version: 1, chunks: 2, count: 2 },
      [historyChunkKey(0)]: [session('a')],
      [historyChunkKey(1)]: [session('b')],
    });
    expect((await readHistory()).map((record) => record.id)).toEqual(['b', 'a']);
  });
});

describe('readNewestHistory', () => {
  beforeEach(async () => {
    await browser.storage.local.set({
      [HISTORY_META_KEY]: { version: HISTORY_VERSION, first: 1, end: 4, count: 5, openFrom: 1 },
      [historyChunkKey(1)]: [session('a'), session('b')],
      [historyChunkKey(2)]: [session('c')],
      [historyChunkKey(3)]: [session('d'), session('e')],
    });
  });

  it('reads only the newest chunk when it holds atMost sessions, and says more are left', async () => {
    const get = vi.spyOn(browser.storage.local, 'get');
    const newest = await readNewestHistory(2);
    expect(newest.sessions.map((record) => record.id)).toEqual(['e', 'd']);
    expect(newest.complete).toBe(false);
    expect(get.mock.calls.map(([keys]) => keys)).toEqual([HISTORY_META_KEY, [historyChunkKey(3)]]);
  });

  it('reads older chunks, newest first, until it has atMost sessions', async () => {
    const get = vi.spyOn(browser.storage.local, 'get');
    const across = await readNewestHistory(4);
    expect(across.sessions.map((record) => record.id)).toEqual(['e', 'd', 'c', 'b']);
    expect(across.complete).toBe(false);
    expect(get.mock.calls.slice(1).map(([keys]) => keys)).toEqual([
      [historyChunkKey(3)],
      [historyChunkKey(2)],
      [historyChunkKey(1)],
    ]);
  });

  it('is complete when atMost takes exactly every session, or more', async () => {
    for (const atMost of [5, 50]) {
      const newest = await readNewestHistory(atMost);
      expect(newest.sessions.map((record) => record.id)).toEqual(['e', 'd', 'c', 'b', 'a']);
      expect(newest.complete).toBe(true);
    }
  });

  it('does not count an invalid stored entry towards atMost', async () => {
    await browser.storage.local.set({
      [historyChunkKey(3)]: [session('d'), { id: 'broken' }, session('e')],
    });
    const newest = await readNewestHistory(3);
    expect(newest.sessions.map((record) => record.id)).toEqual(['e', 'd', 'c']);
  });

  it('reads a history of 200-session and 50-session chunks alike', async () => {
    const ids = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) => session(`s${from + i}`));
    await browser.storage.local.set({
      [HISTORY_META_KEY]: { version: HISTORY_VERSION, first: 0, end: 3, count: 270, openFrom: 0 },
      [historyChunkKey(0)]: ids(0, 200),
      [historyChunkKey(1)]: ids(200, 50),
      [historyChunkKey(2)]: ids(250, 20),
    });
    const newest = await readNewestHistory(100);
    expect(newest.sessions).toHaveLength(100);
    expect(newest.sessions[0]?.id).toBe('s269');
    expect(newest.sessions.at(-1)?.id).toBe('s170');
    expect(newest.complete).toBe(false);
    expect((await readHistory()).map((record) => record.id)).toEqual(
      Array.from({ length: 270 }, (_, i) => `s${269 - i}`),
    );
  });

  it('reads a long walk in batches that double, not one chunk at a time', async () => {
    const items: Record<string, unknown> = {
      [HISTORY_META_KEY]: { version: HISTORY_VERSION, first: 0, end: 100, count: 100, openFrom: 0 },
    };
    for (let i = 0; i < 100; i += 1) items[historyChunkKey(i)] = [session(`s${i}`)];
    await browser.storage.local.set(items);
    const get = vi.spyOn(browser.storage.local, 'get');
    expect((await readNewestHistory(100)).sessions).toHaveLength(100);
    const sizes = get.mock.calls.slice(1).map(([keys]) => (Array.isArray(keys) ? keys.length : 0));
    expect(sizes).toEqual([1, 1, 2, 4, 8, 16, 32, 36]);
  });

  it('is complete and empty when there is no history', async () => {
    fakeBrowser.reset();
    expect(await readNewestHistory(2)).toEqual({ sessions: [], complete: true });
  });
});

describe('inBatches', () => {
  it('yields every index once, in order, in batches of 1, 1, 2, 4…', () => {
    const batches = [...inBatches([9, 8, 7, 6, 5, 4, 3, 2, 1, 0])];
    expect(batches).toEqual([[9], [8], [7, 6], [5, 4, 3, 2], [1, 0]]);
    expect([...inBatches([])]).toEqual([]);
  });
});

describe('watchHistory', () => {
  it('calls back on history writes only, until unsubscribed', async () => {
    const onChange = vi.fn();
    const unwatch = watchHistory(onChange);
    await browser.storage.local.set({ draft: { items: [] } });
    expect(onChange).not.toHaveBeenCalled();
    await browser.storage.local.set({ [historyChunkKey(0)]: [session('a')] });
    expect(onChange).toHaveBeenCalledOnce();
    unwatch();
    await browser.storage.local.set({ [HISTORY_META_KEY]: {} });
    expect(onChange).toHaveBeenCalledOnce();
  });

  it('stays quiet when a meta write moves only openFrom, and calls back when sessions change', async () => {
    const meta = { version: HISTORY_VERSION, first: 0, end: 3, count: 600, openFrom: 0 };
    await browser.storage.local.set({ [HISTORY_META_KEY]: meta });
    const onChange = vi.fn();
    watchHistory(onChange);
    await browser.storage.local.set({ [HISTORY_META_KEY]: { ...meta, openFrom: 2 } });
    expect(onChange).not.toHaveBeenCalled();
    await browser.storage.local.set({ [HISTORY_META_KEY]: { ...meta, openFrom: 2, count: 599 } });
    expect(onChange).toHaveBeenCalledOnce();
    await browser.storage.local.set({ [HISTORY_META_KEY]: { ...meta, openFrom: 2, end: 4 } });
    expect(onChange).toHaveBeenCalledTimes(2);
    await browser.storage.local.set({
      [HISTORY_META_KEY]: { ...meta, openFrom: 3, end: 4 },
      [historyChunkKey(2)]: [session('a')],
    });
    expect(onChange).toHaveBeenCalledTimes(3);
  });

  it('stays quiet when the migration rewrites a version 2 meta as version 3', async () => {
    const meta = { version: 2, first: 0, end: 3, count: 600, openFrom: 1 };
    await browser.storage.local.set({ [HISTORY_META_KEY]: meta });
    const onChange = vi.fn();
    watchHistory(onChange);
    await browser.storage.local.set({
      [HISTORY_META_KEY]: { ...meta, version: HISTORY_VERSION, openFrom: 0 },
    });
    expect(onChange).not.toHaveBeenCalled();
  });

  it('calls back when the meta is first written or removed', async () => {
    const onChange = vi.fn();
    watchHistory(onChange);
    const meta = { version: HISTORY_VERSION, first: 0, end: 1, count: 1, openFrom: 0 };
    await browser.storage.local.set({ [HISTORY_META_KEY]: meta });
    expect(onChange).toHaveBeenCalledOnce();
    await browser.storage.local.remove(HISTORY_META_KEY);
    expect(onChange).toHaveBeenCalledTimes(2);
  });
});
