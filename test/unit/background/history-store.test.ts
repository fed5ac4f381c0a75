import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  appendSession,
  findSession,
  openSessions,
  pruneHistory,
  startHistory,
  updateSession,
  updateSessions,
} from '../../../entrypoints/background/history-store.ts';
import type { SessionRecord } from '../../../lib/history.ts';
import {
  CHUNK_SIZE,
  HISTORY_META_KEY,
  HISTORY_VERSION,
  historyChunkKey,
  readHistory,
} from '../../../storage/history.ts';
import historyV1 from '../storage/migrations/history/fixtures/v1.json';
import { session } from './helpers.ts';

async function appendMany(count: number, prefix = 's') {
  for (let i = 0; i < count; i += 1) await appendSession(session(`${prefix}${i}`));
}

/** Chunks of 200: what builds before CHUNK_SIZE 50 wrote, and still read as they are. */
const OLD_CHUNK_SIZE = 200;

/**
 * Writes `count` sessions straight into storage, as a long-used history would be, in chunks
 * of `chunkSize`.
 */
async function seed(
  count: number,
  make: (i: number) => SessionRecord = (i) => session(`s${i}`),
  chunkSize = CHUNK_SIZE,
) {
  const items: Record<string, unknown> = {};
  const end = Math.ceil(count / chunkSize);
  for (let index = 0; index < end; index += 1) {
    const size = Math.min(chunkSize, count - index * chunkSize);
    items[historyChunkKey(index)] = Array.from({ length: size }, (_, i) =>
      make(index * chunkSize + i),
    );
  }
  items[HISTORY_META_KEY] = { version: HISTORY_VERSION, first: 0, end, count, openFrom: 0 };
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

beforeEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

describe('appending', () => {
  it('lists nothing before the first session', async () => {
    expect(await readHistory()).toEqual([]);
  });

  it('splits 120 appends into chunks of 50, listed newest first', async () => {
    expect(CHUNK_SIZE).toBe(50);
    await appendMany(120);
    expect(await stored(HISTORY_META_KEY)).toEqual({
      version: HISTORY_VERSION,
      first: 0,
      end: 3,
      count: 120,
      openFrom: 0,
    });
    expect(await stored(historyChunkKey(0))).toHaveLength(50);
    expect(await stored(historyChunkKey(1))).toHaveLength(50);
    expect(await stored(historyChunkKey(2))).toHaveLength(20);
    const all = await ids();
    expect(all).toHaveLength(120);
    expect(all.slice(0, 3)).toEqual(['s119', 's118', 's117']);
    expect(all.at(-1)).toBe('s0');
  });

  it('loses no session when appends run concurrently', async () => {
    await Promise.all(Array.from({ length: 230 }, (_, i) => appendSession(session(`c${i}`))));
    expect(new Set(await ids()).size).toBe(230);
    expect(await stored(HISTORY_META_KEY)).toMatchObject({ end: 5, count: 230 });
  });

  it('drops corrupt entries instead of failing', async () => {
    await browser.storage.local.set({
      [HISTORY_META_KEY]: { version: HISTORY_VERSION, first: 0, end: 2, count: 4, openFrom: 0 },
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
    expect(await stored(HISTORY_META_KEY)).toMatchObject({ end: 5, count: 211 });
  });
});

describe.each([CHUNK_SIZE, OLD_CHUNK_SIZE])('at 10,000 sessions in chunks of %i', (size) => {
  const end = 10_000 / size;
  beforeEach(() => seed(10_000, undefined, size));

  it('starts a new chunk when the newest is full, writing it and the meta only', async () => {
    const written = await writesDuring(() => appendSession(session('new')));
    expect(written).toEqual([[historyChunkKey(end), HISTORY_META_KEY]]);
    expect(await stored(historyChunkKey(end))).toHaveLength(1);
  });

  it('adds to a newest chunk with room, writing it and the meta only', async () => {
    await appendMany(10, 'fill');
    const get = vi.spyOn(browser.storage.local, 'get');
    const written = await writesDuring(() => appendSession(session('new')));
    expect(written).toEqual([[historyChunkKey(end), HISTORY_META_KEY]]);
    expect(get.mock.calls.map(([keys]) => keys)).toEqual([HISTORY_META_KEY, historyChunkKey(end)]);
    expect(await stored(historyChunkKey(end))).toHaveLength(11);
  });

  it('writes one chunk when a recent session is updated', async () => {
    const written = await writesDuring(() => updateSession('s9990', { status: 'complete' }));
    expect(written).toEqual([[historyChunkKey(end - 1)]]);
  });

  it('finds and updates the oldest session in a handful of reads', async () => {
    const get = vi.spyOn(browser.storage.local, 'get');
    expect(await findSession('s0')).toMatchObject({ id: 's0' });
    // The meta, then batches of 1, 1, 2, 4… chunks: 8 reads for 200 chunks, 6 for 50.
    expect(get.mock.calls.length).toBeLessThanOrEqual(1 + Math.ceil(Math.log2(end)) + 1);
    const written = await writesDuring(() => updateSession('s0', { note: 'first' }));
    expect(written).toEqual([[historyChunkKey(0)]]);
    expect(await findSession('s0')).toMatchObject({ note: 'first' });
  });

  it('reads only the chunks from openFrom for open sessions', async () => {
    await browser.storage.local.set({
      [HISTORY_META_KEY]: {
        version: HISTORY_VERSION,
        first: 0,
        end,
        count: 10_000,
        openFrom: end - 1,
      },
    });
    const open = await openSessions();
    expect(open).toHaveLength(size);
    expect(open.every(({ chunk }) => chunk === end - 1)).toBe(true);
  });
});

describe('a history of 200-session chunks from an earlier build', () => {
  /** 250 sessions in chunks of 200 and 50, then 120 appended in this build's chunks. */
  beforeEach(async () => {
    await seed(250, (i) => session(`s${i}`, { status: i === 5 ? 'open' : 'expired' }), 200);
    await appendMany(120, 'n');
  });

  it('is read without a migration, old chunks kept as they are', async () => {
    expect(await stored(historyChunkKey(0))).toHaveLength(200);
    expect(await stored(historyChunkKey(1))).toHaveLength(50);
    // The old newest chunk held 50, not under CHUNK_SIZE: the appends started new chunks.
    expect(await stored(historyChunkKey(2))).toHaveLength(50);
    expect(await stored(historyChunkKey(3))).toHaveLength(50);
    expect(await stored(historyChunkKey(4))).toHaveLength(20);
    expect(await stored(HISTORY_META_KEY)).toEqual({
      version: HISTORY_VERSION,
      first: 0,
      end: 5,
      count: 370,
      openFrom: 0,
    });
    const all = await ids();
    expect(all).toHaveLength(370);
    expect(all.slice(0, 2)).toEqual(['n119', 'n118']);
    expect(all.at(-1)).toBe('s0');
  });

  it('updates sessions in old and new chunks alike', async () => {
    const open = await openSessions();
    expect(open.map(({ record, chunk }) => [record.id, chunk]).slice(0, 2)).toEqual([
      ['s5', 0],
      ['n0', 2],
    ]);
    const settle = (record: SessionRecord) => ({ ...record, status: 'complete' as const });
    await updateSessions([
      { id: 's5', chunk: 0, update: settle },
      { id: 'n0', chunk: 2, update: settle },
    ]);
    expect(await stored(HISTORY_META_KEY)).toMatchObject({ openFrom: 2 });
    expect(await updateSession('s199', { note: 'old' })).toMatchObject({ note: 'old' });
    const all = await readHistory();
    expect(all.filter((record) => record.status === 'complete').map((r) => r.id)).toEqual([
      'n0',
      's5',
    ]);
    expect(all.find((record) => record.id === 's199')?.note).toBe('old');
  });

  it('prunes to the cap across chunks of both sizes', async () => {
    const written = await writesDuring(async () => expect(await pruneHistory(100)).toBe(270));
    // 200 + 50 old and 20 of the first new chunk go; its other 30 are written back.
    expect(written).toEqual([
      [historyChunkKey(2), HISTORY_META_KEY],
      [historyChunkKey(0), historyChunkKey(1)],
    ]);
    expect(await stored(HISTORY_META_KEY)).toMatchObject({ first: 2, end: 5, count: 100 });
    const kept = await ids();
    expect(kept).toHaveLength(100);
    expect(kept[0]).toBe('n119');
    expect(kept.at(-1)).toBe('n20');
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
    expect(open.map(({ record, chunk }) => [record.id, chunk]).slice(0, 2)).toEqual([
      ['s5', 0],
      ['s400', 8],
    ]);
    const settle = (id: string, chunk: number) => ({
      id,
      chunk,
      update: (record: SessionRecord) => ({ ...record, status: 'complete' as const }),
    });
    const written = await writesDuring(() =>
      updateSessions([settle('s5', 0), settle('s400', 8), settle('s401', 8)]),
    );
    expect(written).toEqual([[historyChunkKey(0), historyChunkKey(8), HISTORY_META_KEY]]);
    expect(await stored(HISTORY_META_KEY)).toMatchObject({ openFrom: 8 });
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
    const written = await writesDuring(async () => expect(await pruneHistory(230)).toBe(270));
    // One set (boundary chunk and meta), then one remove of the dropped chunks.
    expect(written).toEqual([
      [historyChunkKey(5), HISTORY_META_KEY],
      [0, 1, 2, 3, 4].map(historyChunkKey),
    ]);
    expect(await stored(HISTORY_META_KEY)).toEqual({
      version: HISTORY_VERSION,
      first: 5,
      end: 10,
      count: 230,
      openFrom: 5,
    });
    const kept = await ids();
    expect(kept).toHaveLength(230);
    expect(kept[0]).toBe('s499');
    expect(kept.at(-1)).toBe('s270');
    expect(await stored(historyChunkKey(0))).toBeUndefined();
  });

  it('drops one session per append once the cap is reached, touching two keys', async () => {
    await seed(10_000);
    const written = await writesDuring(async () => {
      await appendSession(session('new'));
      await pruneHistory(10_000);
    });
    expect(written).toEqual([
      [historyChunkKey(10_000 / CHUNK_SIZE), HISTORY_META_KEY],
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
    expect(await stored(HISTORY_META_KEY)).toMatchObject({ first: 8, end: 9, count: 10 });
    await appendSession(session('next'));
    expect((await ids()).slice(0, 2)).toEqual(['next', 's419']);
    expect(await ids()).toHaveLength(11);
  });
});

describe('the openFrom invariant: every open session lies at or after openFrom', () => {
  const settle = (id: string, chunk: number) => ({
    id,
    chunk,
    update: (record: SessionRecord) => ({ ...record, status: 'complete' as const }),
  });

  it('follows a link appended after every session of its chunk was settled', async () => {
    await appendSession(session('first'));
    await updateSessions([settle('first', 0)]);
    expect(await stored(HISTORY_META_KEY)).toMatchObject({ end: 1, openFrom: 1 });
    await appendSession(session('second'));
    expect(await stored(HISTORY_META_KEY)).toMatchObject({ end: 1, openFrom: 0 });
    expect((await openSessions()).map(({ record }) => record.id)).toEqual(['second']);
  });

  it('follows a session an update stores as open below openFrom', async () => {
    await seed(120, (i) => session(`s${i}`, { status: i < 100 ? 'expired' : 'open' }));
    await updateSessions([settle('s110', 2)]);
    expect(await stored(HISTORY_META_KEY)).toMatchObject({ openFrom: 2 });
    const reopen = (id: string, chunk: number) => ({
      id,
      chunk,
      update: (record: SessionRecord) => ({ ...record, status: 'open' as const }),
    });
    await updateSessions([reopen('s3', 0)]);
    expect(await stored(HISTORY_META_KEY)).toMatchObject({ openFrom: 0 });
    await updateSessions([settle('s3', 0)]);
    await updateSession('s60', { status: 'open' });
    expect(await stored(HISTORY_META_KEY)).toMatchObject({ openFrom: 1 });
    expect((await openSessions()).map(({ record }) => record.id)).toContain('s60');
  });
});

describe('self-repair of a stored history', () => {
  beforeEach(() => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  it('migrates a version 1 history written while the worker runs, before any write over it', async () => {
    // An older build's data arriving after startHistory ran (a restored profile, a test's
    // fixture): the next status check must not rebuild a current meta over old-shaped
    // chunks, which would count them unreadable and hide two of its three links for good.
    await browser.storage.local.set(historyV1);
    await openSessions();
    await appendSession(session('new'));
    expect((await readHistory()).map((record) => record.id)).toEqual([
      'new',
      'cs_v2_shaped',
      'cs_v1_paid',
      'cs_v1_open',
    ]);
  });

  it('rebuilds at start a meta whose end lies far past the last chunk, and keeps recording', async () => {
    await appendMany(60);
    const meta = await stored(HISTORY_META_KEY);
    await browser.storage.local.set({ [HISTORY_META_KEY]: { ...(meta as object), end: 90_000 } });
    await startHistory();
    expect(await stored(HISTORY_META_KEY)).toEqual({
      version: HISTORY_VERSION,
      first: 0,
      end: 2,
      count: 60,
      openFrom: 0,
    });
    await appendSession(session('new'));
    expect((await ids()).slice(0, 2)).toEqual(['new', 's59']);
  });

  it('rebuilds at start a meta that lists a chunk no longer stored, counting what is there', async () => {
    await appendMany(120);
    await browser.storage.local.remove(historyChunkKey(1));
    await startHistory();
    expect(await stored(HISTORY_META_KEY)).toMatchObject({ first: 0, end: 3, count: 70 });
    expect(await ids()).toHaveLength(70);
  });

  it('rebuilds a meta whose first lies after its end rather than trusting it', async () => {
    await appendMany(3);
    await browser.storage.local.set({
      [HISTORY_META_KEY]: { version: HISTORY_VERSION, first: 5, end: 1, count: 3, openFrom: 0 },
    });
    await appendSession(session('new'));
    expect(await ids()).toEqual(['new', 's2', 's1', 's0']);
    expect(await stored(HISTORY_META_KEY)).toMatchObject({ first: 0, end: 1, count: 4 });
  });

  it('reads only the keys at start when the meta agrees with the chunks', async () => {
    await appendMany(120);
    const set = vi.spyOn(browser.storage.local, 'set');
    await startHistory();
    expect(set).not.toHaveBeenCalled();
  });

  it('sets a damaged chunk aside under its own key when writing it back, and says so once', async () => {
    const damaged = [session('a'), { id: 'broken' }];
    await browser.storage.local.set({
      [HISTORY_META_KEY]: { version: HISTORY_VERSION, first: 0, end: 1, count: 1, openFrom: 0 },
      [historyChunkKey(0)]: damaged,
    });
    await appendSession(session('b'));
    const all = await browser.storage.local.get(null);
    const aside = Object.entries(all).filter(([key]) => key.startsWith('history:damaged:0:'));
    expect(aside).toEqual([[expect.any(String), damaged]]);
    expect(all[historyChunkKey(0)]).toEqual([session('a'), session('b')]);
    expect(Object.keys(await browser.notifications.getAll())).toEqual(['history-set-aside']);
    await browser.notifications.clear('history-set-aside');
    await appendSession(session('c'));
    expect(await browser.notifications.getAll()).toEqual({});
    expect(await ids()).toEqual(['c', 'b', 'a']);
  });

  it('never prunes a session the cap keeps when the stored count is too high', async () => {
    await appendMany(60);
    const meta = await stored(HISTORY_META_KEY);
    await browser.storage.local.set({ [HISTORY_META_KEY]: { ...(meta as object), count: 500 } });
    expect(await pruneHistory(58)).toBe(2);
    expect(await ids()).toHaveLength(58);
    expect(await stored(HISTORY_META_KEY)).toMatchObject({ count: 58 });
  });
});
