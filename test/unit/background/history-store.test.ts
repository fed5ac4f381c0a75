import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  appendSession,
  openSessions,
  pruneHistory,
  updateSession,
  updateSessions,
} from '../../../entrypoints/background/history-store.ts';
import type { SessionRecord } from '../../../lib/history.ts';
import {
  CHUNK_SIZE,
  HISTORY_META_KEY,
  historyChunkKey,
  readHistory,
} from '../../../lib/history-storage.ts';
import { session } from './helpers.ts';

async function appendMany(count: number, prefix = 's') {
  for (let i = 0; i < count; i += 1) await appendSession(session(`${prefix}${i}`));
}

/** Writes `count` sessions straight into storage, as a long-used history would be. */
async function seed(count: number, make: (i: number) => SessionRecord = (i) => session(`s${i}`)) {
  const items: Record<string, unknown> = {};
  const end = Math.ceil(count / CHUNK_SIZE);
  for (let index = 0; index < end; index += 1) {
    const size = Math.min(CHUNK_SIZE, count - index * CHUNK_SIZE);
    items[historyChunkKey(index)] = Array.from({ length: size }, (_, i) =>
      make(index * CHUNK_SIZE + i),
    );
  }
  items[HISTORY_META_KEY] = { version: 2, first: 0, end, count, openFrom: 0 };
  await browser.storage.local.set(items);
}

async function stored(key: string): Promise<unknown> {
  return (await browser.storage.local.get(key))[key];
}

/** The keys each storage.local.set and remove call touches while `action` runs. */
async function writesDuring(action: () => Promise<unknown>): Promise<string[][]> {
  const written: string[][] = [];
  const listener = (changes: Record<string, unknown>) => written.push(Object.keys(changes));
  browser.storage.local.onChanged.addListener(listener);
  await action();
  browser.storage.local.onChanged.removeListener(listener);
  return written;
}

async function ids(): Promise<string[]> {
  return (await readHistory()).map((record) => record.id);
}

beforeEach(() => fakeBrowser.reset());

describe('appending', () => {
  it('lists nothing before the first session', async () => {
    expect(await readHistory()).toEqual([]);
  });

  it('splits 450 appends into 3 chunks of at most 200, listed newest first', async () => {
    await appendMany(450);
    expect(await stored(HISTORY_META_KEY)).toEqual({
      version: 2,
      first: 0,
      end: 3,
      count: 450,
      openFrom: 0,
    });
    expect(await stored(historyChunkKey(0))).toHaveLength(CHUNK_SIZE);
    expect(await stored(historyChunkKey(2))).toHaveLength(50);
    const all = await ids();
    expect(all).toHaveLength(450);
    expect(all.slice(0, 3)).toEqual(['s449', 's448', 's447']);
    expect(all.at(-1)).toBe('s0');
  });

  it('loses no session when appends run concurrently', async () => {
    await Promise.all(Array.from({ length: 230 }, (_, i) => appendSession(session(`c${i}`))));
    expect(new Set(await ids()).size).toBe(230);
    expect(await stored(HISTORY_META_KEY)).toMatchObject({ end: 2, count: 230 });
  });

  it('drops corrupt entries instead of failing', async () => {
    await browser.storage.local.set({
      [HISTORY_META_KEY]: { version: 2, first: 0, end: 2, count: 4, openFrom: 0 },
      [historyChunkKey(0)]: [session('a'), { id: 'broken' }, 'nonsense'],
      [historyChunkKey(1)]: 'not an array',
    });
    expect(await ids()).toEqual(['a']);
    await appendSession(session('b'));
    expect(await ids()).toEqual(['b', 'a']);
  });

  it('rebuilds a lost meta from the chunks rather than overwriting them', async () => {
    await appendMany(210);
    await browser.storage.local.remove(HISTORY_META_KEY);
    await appendSession(session('after'));
    const all = await ids();
    expect(all).toHaveLength(211);
    expect(all[0]).toBe('after');
    expect(await stored(HISTORY_META_KEY)).toMatchObject({ end: 2, count: 211 });
  });
});

describe('at 10,000 sessions', () => {
  beforeEach(() => seed(10_000));

  it('starts a new chunk when the newest is full, writing it and the meta only', async () => {
    const written = await writesDuring(() => appendSession(session('new')));
    expect(written).toEqual([[historyChunkKey(50), HISTORY_META_KEY]]);
  });

  it('adds to a newest chunk with room, writing it and the meta only', async () => {
    await appendMany(100, 'fill');
    const written = await writesDuring(() => appendSession(session('new')));
    expect(written).toEqual([[historyChunkKey(50), HISTORY_META_KEY]]);
    expect(await stored(historyChunkKey(50))).toHaveLength(101);
  });

  it('writes one chunk when a recent session is updated', async () => {
    const written = await writesDuring(() => updateSession('s9990', { status: 'complete' }));
    expect(written).toEqual([[historyChunkKey(49)]]);
  });

  it('reads only the chunks from openFrom for open sessions', async () => {
    await browser.storage.local.set({
      [HISTORY_META_KEY]: { version: 2, first: 0, end: 50, count: 10_000, openFrom: 49 },
    });
    const open = await openSessions();
    expect(open).toHaveLength(CHUNK_SIZE);
    expect(open.every(({ chunk }) => chunk === 49)).toBe(true);
  });
});

describe('updates', () => {
  it('updates a session in an old chunk and leaves the others alone', async () => {
    await appendMany(450);
    const updated = await updateSession('s5', { status: 'complete', statusChangedAt: 42 });
    expect(updated).toMatchObject({ id: 's5', status: 'complete', statusChangedAt: 42 });
    const all = await readHistory();
    expect(all.filter((record) => record.status === 'complete').map((r) => r.id)).toEqual(['s5']);
  });

  it('answers undefined when updating a session it does not have', async () => {
    await appendMany(3);
    expect(await updateSession('missing', { status: 'expired' })).toBeUndefined();
  });

  it('does not lose a status update made while a session is appended', async () => {
    await appendMany(CHUNK_SIZE - 1);
    await Promise.all([
      updateSession('s0', { status: 'expired' }),
      appendSession(session('last')),
      updateSession('s1', { status: 'complete' }),
    ]);
    const all = await readHistory();
    expect(all).toHaveLength(CHUNK_SIZE);
    expect(all.find((record) => record.id === 's0')?.status).toBe('expired');
    expect(all.find((record) => record.id === 's1')?.status).toBe('complete');
  });

  it('writes a batch in one set, each chunk once, and moves openFrom past settled chunks', async () => {
    await seed(450, (i) => session(`s${i}`, { status: i < 400 && i !== 5 ? 'expired' : 'open' }));
    const open = await openSessions();
    expect(open.map(({ record }) => record.id).slice(0, 2)).toEqual(['s5', 's400']);
    const settle = (id: string, chunk: number) => ({
      id,
      chunk,
      update: (record: SessionRecord) => ({ ...record, status: 'complete' as const }),
    });
    const written = await writesDuring(() =>
      updateSessions([settle('s5', 0), settle('s400', 2), settle('s401', 2)]),
    );
    expect(written).toEqual([[historyChunkKey(0), historyChunkKey(2), HISTORY_META_KEY]]);
    expect(await stored(HISTORY_META_KEY)).toMatchObject({ openFrom: 2 });
    expect(await openSessions()).toHaveLength(48);
  });

  it('reports each updated record before and after', async () => {
    await appendMany(2);
    const changes = await updateSessions([
      { id: 's1', chunk: 0, update: (record) => ({ ...record, status: 'expired' }) },
      { id: 'gone', chunk: 0, update: (record) => record },
    ]);
    expect(changes).toHaveLength(1);
    expect(changes[0]?.before.status).toBe('open');
    expect(changes[0]?.after.status).toBe('expired');
  });
});

describe('pruning to the cap', () => {
  it('keeps everything at cap 0', async () => {
    await appendMany(5);
    expect(await pruneHistory(0)).toBe(0);
    expect(await ids()).toHaveLength(5);
  });

  it('drops whole oldest chunks and rewrites only the boundary chunk', async () => {
    await seed(500);
    const written = await writesDuring(async () => expect(await pruneHistory(250)).toBe(250));
    // One set (boundary chunk and meta), then one remove of the dropped chunk.
    expect(written).toEqual([[historyChunkKey(1), HISTORY_META_KEY], [historyChunkKey(0)]]);
    expect(await stored(HISTORY_META_KEY)).toEqual({
      version: 2,
      first: 1,
      end: 3,
      count: 250,
      openFrom: 1,
    });
    const kept = await ids();
    expect(kept).toHaveLength(250);
    expect(kept[0]).toBe('s499');
    expect(kept.at(-1)).toBe('s250');
    expect(await stored(historyChunkKey(0))).toBeUndefined();
  });

  it('drops one session per append once the cap is reached, touching two keys', async () => {
    await seed(10_000);
    const written = await writesDuring(async () => {
      await appendSession(session('new'));
      await pruneHistory(10_000);
    });
    expect(written).toEqual([
      [historyChunkKey(50), HISTORY_META_KEY],
      [historyChunkKey(0), HISTORY_META_KEY],
    ]);
    const kept = await ids();
    expect(kept).toHaveLength(10_000);
    expect(kept[0]).toBe('new');
    expect(kept.at(-1)).toBe('s1');
  });

  it('keeps appending after the oldest chunks are gone', async () => {
    await appendMany(420);
    await pruneHistory(10);
    expect(await stored(HISTORY_META_KEY)).toMatchObject({ first: 2, end: 3, count: 10 });
    await appendSession(session('next'));
    expect((await ids()).slice(0, 2)).toEqual(['next', 's419']);
    expect(await ids()).toHaveLength(11);
  });
});
