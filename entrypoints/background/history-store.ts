import { browser } from 'wxt/browser';
import { z } from 'zod/mini';
import { SessionRecordSchema, type SessionRecord } from '../../lib/history.ts';
import {
  CHUNK_SIZE,
  HISTORY_META_KEY,
  HistoryMetaSchema,
  chunkKeys,
  historyChunkKey,
  inBatches,
  newestFirst,
  parseChunk,
  type HistoryMeta,
} from '../../lib/history-storage.ts';
import { migrateHistory, rebuildMeta } from './migrations.ts';
import { createSerialQueue } from './serial.ts';

/*
 * The writes to the history (format and reads: lib/history-storage.ts). Every task, reads
 * included, goes through one queue: two interleaved read-modify-writes would lose one, and
 * the migration queued at worker start runs before anything else sees the history.
 */
const enqueue = createSerialQueue();

export type SessionPatch = Partial<Omit<SessionRecord, 'id'>>;

/** Brings stored history to this build's format; queued first at worker start. */
export function startHistory(): Promise<void> {
  return enqueue(migrateHistory);
}

interface Chunk {
  readonly records: SessionRecord[];
  /** Stored entries that failed the schema: gone once the chunk is written back. */
  readonly dropped: number;
}

function toChunk(value: unknown): Chunk {
  const records = parseChunk(value);
  return { records, dropped: Array.isArray(value) ? value.length - records.length : 0 };
}

async function readChunk(index: number): Promise<Chunk> {
  const key = historyChunkKey(index);
  return toChunk((await browser.storage.local.get(key))[key]);
}

/**
 * The meta, or one rebuilt from the chunk keys when it is lost or broken, so the next
 * append cannot overwrite a chunk. Reads every key, but only in that case.
 */
async function readMeta(): Promise<HistoryMeta> {
  const stored = await browser.storage.local.get(HISTORY_META_KEY);
  const parsed = z.safeParse(HistoryMetaSchema, stored[HISTORY_META_KEY]);
  return parsed.success ? parsed.data : rebuildMeta(await browser.storage.local.get(null));
}

/**
 * Adds a session as the newest entry: reads the newest chunk (under CHUNK_SIZE records, or
 * one full chunk of any size) and writes it and the meta, nothing else.
 */
export function appendSession(record: SessionRecord): Promise<void> {
  return enqueue(async () => {
    const meta = await readMeta();
    const last = meta.end - 1;
    const newest = last >= meta.first ? await readChunk(last) : toChunk([]);
    const startNew = last < meta.first || newest.records.length >= CHUNK_SIZE;
    const index = startNew ? meta.end : last;
    const chunk = startNew ? [record] : [...newest.records, record];
    const count = Math.max(0, meta.count - (startNew ? 0 : newest.dropped)) + 1;
    // One set() for both keys: storage.local applies it as a whole.
    await browser.storage.local.set({
      [historyChunkKey(index)]: chunk,
      [HISTORY_META_KEY]: { ...meta, end: index + 1, count } satisfies HistoryMeta,
    });
  });
}

/**
 * Drops the oldest sessions beyond `cap` (0 keeps all) and returns how many went. Whole
 * chunks are removed and only the boundary chunk is rewritten, so the cost is that of what
 * is pruned, not of the history. Chunks are read oldest first, in batches (inBatches).
 */
export function pruneHistory(cap: number): Promise<number> {
  if (cap <= 0) return Promise.resolve(0);
  return enqueue(async () => {
    const meta = await readMeta();
    let excess = meta.count - cap;
    let { first } = meta;
    const changes: Record<string, unknown> = {};
    const removed: string[] = [];
    const oldestFirst = newestFirst(meta.first, meta.end).reverse();
    for (const batch of inBatches(oldestFirst)) {
      if (excess <= 0) break;
      const stored = await browser.storage.local.get(batch.map(historyChunkKey));
      for (const index of batch) {
        if (excess <= 0) break;
        const key = historyChunkKey(index);
        const records = parseChunk(stored[key]);
        if (records.length > excess) {
          changes[key] = records.slice(excess);
          excess = 0;
        } else {
          removed.push(key);
          excess -= records.length;
          first += 1;
        }
      }
    }
    const pruned = meta.count - cap - excess;
    if (pruned <= 0 && removed.length === 0) return 0;
    changes[HISTORY_META_KEY] = {
      ...meta,
      first,
      count: meta.count - pruned,
      openFrom: Math.max(meta.openFrom, first),
    } satisfies HistoryMeta;
    // The meta first: a worker stopped in between leaves unlisted keys, never missing ones.
    await browser.storage.local.set(changes);
    if (removed.length > 0) await browser.storage.local.remove(removed);
    return pruned;
  });
}

/** A stored session and the chunk it was found in, for a later updateSessions. */
export interface StoredSession {
  readonly record: SessionRecord;
  readonly chunk: number;
}

/** Sessions stored as open (some may be past expiry), oldest first; reads from openFrom. */
export function openSessions(): Promise<StoredSession[]> {
  return enqueue(async () => {
    const meta = await readMeta();
    const from = Math.max(meta.first, meta.openFrom);
    const keys = chunkKeys(from, meta.end);
    if (keys.length === 0) return [];
    const stored = await browser.storage.local.get(keys);
    return keys.flatMap((key, i) =>
      parseChunk(stored[key])
        .filter((record) => record.status === 'open')
        .map((record) => ({ record, chunk: from + i })),
    );
  });
}

export interface SessionUpdate {
  readonly id: string;
  /** Where openSessions found it. */
  readonly chunk: number;
  /** Applied to the record as stored when the write runs, not as it was read earlier. */
  readonly update: (current: SessionRecord) => SessionRecord;
}

export interface SessionChange {
  readonly before: SessionRecord;
  readonly after: SessionRecord;
}

function firstOpenChunk(chunks: ReadonlyMap<number, Chunk>, from: number, end: number): number {
  for (let index = from; index < end; index += 1) {
    if (chunks.get(index)?.records.some((record) => record.status === 'open')) return index;
  }
  return end;
}

/**
 * Applies many updates in one read and one write: each touched chunk is written once, and
 * openFrom moves past chunks left with no open session. Returns each updated record's
 * before and after.
 */
export function updateSessions(updates: readonly SessionUpdate[]): Promise<SessionChange[]> {
  return enqueue(async () => {
    const meta = await readMeta();
    const from = Math.max(meta.first, meta.openFrom);
    const indexes = new Set<number>();
    for (let index = from; index < meta.end; index += 1) indexes.add(index);
    for (const { chunk } of updates) {
      if (chunk >= meta.first && chunk < meta.end) indexes.add(chunk);
    }
    const stored = await browser.storage.local.get([...indexes].map(historyChunkKey));
    const chunks = new Map([...indexes].map((i) => [i, toChunk(stored[historyChunkKey(i)])]));
    const changes: Record<string, unknown> = {};
    const result: SessionChange[] = [];
    let count = meta.count;
    for (const { id, chunk, update } of updates) {
      const records = chunks.get(chunk)?.records;
      const position = records?.findIndex((record) => record.id === id) ?? -1;
      const before = records?.[position];
      if (records === undefined || before === undefined) continue;
      const after = { ...update(before), id };
      records[position] = after;
      result.push({ before, after });
      const key = historyChunkKey(chunk);
      if (!(key in changes)) count -= chunks.get(chunk)?.dropped ?? 0;
      changes[key] = records;
    }
    const openFrom = firstOpenChunk(chunks, from, meta.end);
    if (openFrom !== meta.openFrom || count !== meta.count) {
      changes[HISTORY_META_KEY] = { ...meta, openFrom, count } satisfies HistoryMeta;
    }
    if (Object.keys(changes).length > 0) await browser.storage.local.set(changes);
    return result;
  });
}

function holdsId(chunk: unknown, id: string): boolean {
  return (
    Array.isArray(chunk) &&
    chunk.some(
      (entry: unknown) =>
        typeof entry === 'object' && entry !== null && 'id' in entry && entry.id === id,
    )
  );
}

/**
 * The session with this id and its chunk, scanning newest first (recent ones are asked for)
 * in batches (inBatches): a few reads even for the oldest of 10,000 sessions.
 */
async function locate(meta: HistoryMeta, id: string) {
  for (const batch of inBatches(newestFirst(meta.first, meta.end))) {
    const stored = await browser.storage.local.get(batch.map(historyChunkKey));
    for (const index of batch) {
      const value = stored[historyChunkKey(index)];
      // Only the chunk holding the id is checked against the schema.
      if (!holdsId(value, id)) continue;
      const chunk = toChunk(value);
      const position = chunk.records.findIndex((record) => record.id === id);
      if (position >= 0) return { index, chunk, position };
    }
  }
  return undefined;
}

/** The session with this id as stored, or undefined when History has none. */
export function findSession(id: string): Promise<SessionRecord | undefined> {
  return enqueue(async () => {
    const found = await locate(await readMeta(), id);
    return found?.chunk.records[found.position];
  });
}

/**
 * Changes one session and returns it, or undefined when no session has that id; writes its
 * chunk only. A patch that breaks the record's schema is a bug: it throws.
 */
export function updateSession(id: string, patch: SessionPatch): Promise<SessionRecord | undefined> {
  return enqueue(async () => {
    const meta = await readMeta();
    const found = await locate(meta, id);
    if (found === undefined) return undefined;
    const { index, chunk, position } = found;
    const parsed = z.safeParse(SessionRecordSchema, { ...chunk.records[position], ...patch, id });
    if (!parsed.success) throw new TypeError(`invalid session patch for ${id}`);
    chunk.records[position] = parsed.data;
    const changes: Record<string, unknown> = { [historyChunkKey(index)]: chunk.records };
    if (chunk.dropped > 0) {
      changes[HISTORY_META_KEY] = {
        ...meta,
        count: Math.max(0, meta.count - chunk.dropped),
      } satisfies HistoryMeta;
    }
    await browser.storage.local.set(changes);
    return parsed.data;
  });
}
