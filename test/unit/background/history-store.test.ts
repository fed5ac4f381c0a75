import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  CHUNK_SIZE,
  META_KEY,
  appendSession,
  chunkKey,
  listSessions,
  updateSession,
} from '../../../entrypoints/background/history-store.ts';
import { session } from './helpers.ts';

async function appendMany(count: number, prefix = 's') {
  for (let i = 0; i < count; i += 1) await appendSession(session(`${prefix}${i}`));
}

async function stored(key: string): Promise<unknown> {
  return (await browser.storage.local.get(key))[key];
}

describe('history store', () => {
  beforeEach(() => fakeBrowser.reset());

  it('lists nothing before the first session', async () => {
    expect(await listSessions()).toEqual([]);
  });

  it('splits 450 appends into 3 chunks of at most 200 and lists them newest first', async () => {
    await appendMany(450);
    expect(await stored(META_KEY)).toEqual({ version: 1, chunks: 3, count: 450 });
    expect(await stored(chunkKey(0))).toHaveLength(CHUNK_SIZE);
    expect(await stored(chunkKey(1))).toHaveLength(CHUNK_SIZE);
    expect(await stored(chunkKey(2))).toHaveLength(50);
    const ids = (await listSessions()).map((record) => record.id);
    expect(ids).toHaveLength(450);
    expect(ids.slice(0, 3)).toEqual(['s449', 's448', 's447']);
    expect(ids.at(-1)).toBe('s0');
  });

  it('writes only the newest chunk and the meta on append', async () => {
    await appendMany(250);
    const written: string[][] = [];
    browser.storage.local.onChanged.addListener((changes) => written.push(Object.keys(changes)));
    await appendSession(session('new'));
    expect(written).toEqual([[chunkKey(1), META_KEY]]);
  });

  it('loses no session when appends run concurrently', async () => {
    await Promise.all(Array.from({ length: 230 }, (_, i) => appendSession(session(`c${i}`))));
    const ids = new Set((await listSessions()).map((record) => record.id));
    expect(ids.size).toBe(230);
    expect(await stored(META_KEY)).toEqual({ version: 1, chunks: 2, count: 230 });
  });

  it('lists only the newest sessions when given a limit', async () => {
    await appendMany(450);
    const ids = (await listSessions({ limit: 3 })).map((record) => record.id);
    expect(ids).toEqual(['s449', 's448', 's447']);
  });

  it('updates a session in an old chunk and leaves the others alone', async () => {
    await appendMany(450);
    const updated = await updateSession('s5', { status: 'complete', statusChangedAt: 42 });
    expect(updated).toMatchObject({ id: 's5', status: 'complete', statusChangedAt: 42 });
    const all = await listSessions();
    expect(all.find((record) => record.id === 's5')?.status).toBe('complete');
    expect(all.filter((record) => record.status === 'complete')).toHaveLength(1);
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
    const all = await listSessions();
    expect(all).toHaveLength(CHUNK_SIZE);
    expect(all.find((record) => record.id === 's0')?.status).toBe('expired');
    expect(all.find((record) => record.id === 's1')?.status).toBe('complete');
  });

  it('drops corrupt entries instead of failing', async () => {
    await browser.storage.local.set({
      [META_KEY]: { version: 1, chunks: 2, count: 4 },
      [chunkKey(0)]: [session('a'), { id: 'broken' }, 'nonsense'],
      [chunkKey(1)]: 'not an array',
    });
    expect((await listSessions()).map((record) => record.id)).toEqual(['a']);
    await appendSession(session('b'));
    expect((await listSessions()).map((record) => record.id)).toEqual(['b', 'a']);
  });

  it('rebuilds a lost meta from the chunks rather than overwriting them', async () => {
    await appendMany(210);
    await browser.storage.local.remove(META_KEY);
    await appendSession(session('after'));
    const ids = (await listSessions()).map((record) => record.id);
    expect(ids).toHaveLength(211);
    expect(ids[0]).toBe('after');
    expect(await stored(META_KEY)).toEqual({ version: 1, chunks: 2, count: 211 });
  });
});
