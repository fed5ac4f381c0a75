import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  HISTORY_META_KEY,
  historyChunkKey,
  readHistory,
  readNewestHistory,
  watchHistory,
} from '../../lib/history-storage.ts';
import { session } from './background/helpers.ts';

beforeEach(() => fakeBrowser.reset());

describe('readHistory', () => {
  it('reads nothing when there is no meta', async () => {
    await browser.storage.local.set({ [historyChunkKey(0)]: [session('a')] });
    expect(await readHistory()).toEqual([]);
  });

  it('lists every valid session newest first, in two reads whatever the chunk count', async () => {
    await browser.storage.local.set({
      [HISTORY_META_KEY]: { version: 2, first: 1, end: 4, count: 5, openFrom: 1 },
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
      [HISTORY_META_KEY]: { version: 2, first: 1, end: 4, count: 5, openFrom: 1 },
      [historyChunkKey(1)]: [session('a'), session('b')],
      [historyChunkKey(2)]: [session('c')],
      [historyChunkKey(3)]: [session('d'), session('e')],
    });
  });

  it('reads only the newest chunks, newest first, and says older ones are left', async () => {
    const get = vi.spyOn(browser.storage.local, 'get');
    const newest = await readNewestHistory(2);
    expect(newest.sessions.map((record) => record.id)).toEqual(['e', 'd', 'c']);
    expect(newest.complete).toBe(false);
    expect(get.mock.lastCall?.[0]).toEqual([2, 3].map(historyChunkKey));
  });

  it('says it is complete when the newest chunks are all there is', async () => {
    const newest = await readNewestHistory(3);
    expect(newest.sessions.map((record) => record.id)).toEqual(['e', 'd', 'c', 'b', 'a']);
    expect(newest.complete).toBe(true);
  });

  it('checks and returns only the newest atMost sessions, and says more are left', async () => {
    const newest = await readNewestHistory(2, 2);
    expect(newest.sessions.map((record) => record.id)).toEqual(['e', 'd']);
    expect(newest.complete).toBe(false);
    const across = await readNewestHistory(3, 4);
    expect(across.sessions.map((record) => record.id)).toEqual(['e', 'd', 'c', 'b']);
    expect(across.complete).toBe(false);
  });

  it('is complete when atMost takes exactly every session', async () => {
    const newest = await readNewestHistory(3, 5);
    expect(newest.sessions.map((record) => record.id)).toEqual(['e', 'd', 'c', 'b', 'a']);
    expect(newest.complete).toBe(true);
  });

  it('does not count an invalid stored entry towards atMost', async () => {
    await browser.storage.local.set({
      [historyChunkKey(3)]: [session('d'), { id: 'broken' }, session('e')],
    });
    const newest = await readNewestHistory(2, 3);
    expect(newest.sessions.map((record) => record.id)).toEqual(['e', 'd', 'c']);
  });

  it('is complete and empty when there is no history', async () => {
    fakeBrowser.reset();
    expect(await readNewestHistory(2)).toEqual({ sessions: [], complete: true });
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
    const meta = { version: 2, first: 0, end: 3, count: 600, openFrom: 0 };
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

  it('calls back when the meta is first written or removed', async () => {
    const onChange = vi.fn();
    watchHistory(onChange);
    const meta = { version: 2, first: 0, end: 1, count: 1, openFrom: 0 };
    await browser.storage.local.set({ [HISTORY_META_KEY]: meta });
    expect(onChange).toHaveBeenCalledOnce();
    await browser.storage.local.remove(HISTORY_META_KEY);
    expect(onChange).toHaveBeenCalledTimes(2);
  });
});
