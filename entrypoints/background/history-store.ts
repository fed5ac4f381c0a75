import { browser } from 'wxt/browser';
import { z } from 'zod/mini';
import { isSettled, SessionRecordSchema, type SessionRecord } from '../../lib/history.ts';
import {
  CHUNK_SIZE,
  HISTORY_META_KEY,
  chunkIndexOf,
  HistoryMetaSchema,
  chunkKeys,
  historyChunkKey,
  inBatches,
  newestFirst,
  parseChunk,
  rebuildMeta,
  type HistoryMeta,
} from '../../storage/history.ts';
import { migrateHistory } from '../../storage/migrations/history/index.ts';
import { notifyHistorySetAside } from './notifications.ts';
import { createSerialQueue } from './serial.ts';
import { ok, type Result } from '../../lib/result.ts';

/*
 * The writes to the history (format and reads: storage/history.ts). Every task, reads
 * included, goes through one queue: two interleaved read-modify-writes would lose one, and
 * the migration queued at worker start runs before anything else sees the history.
 *
 * Every write keeps the meta's invariant: each session stored as open lies in a chunk at or
 * after `openFrom` (lowerOpenFrom); status work reads only from there.
 */
const enqueue = createSerialQueue();

export type SessionPatch = Partial<Omit<SessionRecord, 'id'>>;

/**
 * Brings stored history to this build's format and repairs a meta that contradicts the
 * chunks; queued first at worker start.
 */
export function startHistory(): Promise<void> {
  return enqueue(async () => {
    await migrateHistory();
    await repairMeta();
  });
}

/** The indexes of the stored chunks, from the keys alone where the browser can list them. */
async function storedChunkIndexes(): Promise<number[]> {
  const local: { getKeys?: () => Promise<string[]> } = browser.storage.local;
  const keys =
    typeof local.getKeys === 'function'
      ? await local.getKeys()
      : Object.keys(await browser.storage.local.get(null));
  return keys.flatMap((key) => chunkIndexOf(key) ?? []);
}

/**
 * Whether the meta lists exactly the chunks stored from `first` on. Chunks below it are
 * left over from a prune stopped before its remove() (harmless: never listed).
 */
function listsStoredChunks(meta: HistoryMeta, indexes: readonly number[]): boolean {
  if (indexes.some((index) => index >= meta.end)) return false;
  return new Set(indexes.filter((index) => index >= meta.first)).size === meta.end - meta.first;
}

/**
 * The stored meta when it is current. An older version — history written by an older build
 * after this worker started: a restored profile, data set while startHistory was under way —
 * is migrated first: a meta rebuilt over chunks still in an older shape would count their
 * records unreadable and hide them for good. Undefined when there is no usable meta even so.
 */
async function migratedMeta(): Promise<HistoryMeta | undefined> {
  const read = async () => {
    const stored = await browser.storage.local.get(HISTORY_META_KEY);
    const parsed = z.safeParse(HistoryMetaSchema, stored[HISTORY_META_KEY]);
    return parsed.success ? parsed.data : undefined;
  };
  const meta = await read();
  if (meta !== undefined) return meta;
  await migrateHistory();
  return read();
}

/**
 * A meta that passes the schema but contradicts the chunks (one it lists is missing, one past
 * `end` exists: `end` far past the last chunk, a range from an old backup) is rebuilt from
 * the chunks present, counted and with its openFrom found again. Reads the keys only,
 * unless there is something to repair.
 */
async function repairMeta(): Promise<void> {
  const meta = await migratedMeta();
  const indexes = await storedChunkIndexes();
  if (meta ? listsStoredChunks(meta, indexes) : indexes.length === 0) return;
  const chunks = await browser.storage.local.get(indexes.map(historyChunkKey));
  const rebuilt = rebuildMeta(chunks);
  console.warn('History index rebuilt from its chunks', { was: meta, now: rebuilt });
  await write({ [HISTORY_META_KEY]: rebuilt });
}

interface Chunk {
  readonly records: SessionRecord[];
  /** Stored entries that failed the schema: set aside once the chunk is written back. */
  readonly dropped: number;
  /** The value as stored, when it held entries that failed the schema or was no list. */
  readonly damaged?: unknown;
}

function toChunk(value: unknown): Chunk {
  const records = parseChunk(value);
  const dropped = Array.isArray(value) ? value.length - records.length : 0;
  const damaged = dropped > 0 || (value !== undefined && !Array.isArray(value));
  return { records, dropped, ...(damaged ? { damaged: value } : {}) };
}

const DAMAGED_PREFIX = 'history:damaged:';

/**
 * What writes `records` as chunk `index`: a damaged chunk's stored value is first set aside
 * under a key of its own (history:damaged:<index>:<ms>) in the same set(), so rewriting it
 * never loses what could not be read; write() reports it.
 */
function chunkWrite(index: number, chunk: Chunk, records: SessionRecord[]) {
  const entries: Record<string, unknown> = { [historyChunkKey(index)]: records };
  if ('damaged' in chunk) entries[`${DAMAGED_PREFIX}${index}:${Date.now()}`] = chunk.damaged;
  return entries;
}

/** One storage.local.set, applied as a whole; tells the user when it set anything aside. */
async function write(entries: Record<string, unknown>): Promise<void> {
  await browser.storage.local.set(entries);
  if (Object.keys(entries).some((key) => key.startsWith(DAMAGED_PREFIX))) {
    await notifyHistorySetAside();
  }
}

/** The openFrom that keeps the invariant once `records` are stored in chunk `index`. */
function lowerOpenFrom(openFrom: number, index: number, records: readonly SessionRecord[]) {
  return records.some((record) => !isSettled(record.status)) ? Math.min(openFrom, index) : openFrom;
}

async function readChunk(index: number): Promise<Chunk> {
  const key = historyChunkKey(index);
  return toChunk((await browser.storage.local.get(key))[key]);
}

/**
 * The meta (migrated first if older), or one rebuilt from the chunk keys when it is lost or
 * broken, so the next append cannot overwrite a chunk. Reads every key, but only then.
 */
async function readMeta(): Promise<HistoryMeta> {
  const meta = await migratedMeta();
  return meta ?? rebuildMeta(await browser.storage.local.get(null));
}

/**
 * Adds a session as the newest entry: reads the newest chunk (under CHUNK_SIZE records, or
 * one full chunk of any size) and writes it and the meta, nothing else.
 */
export function appendSession(record: SessionRecord): Promise<'recorded' | 'duplicate'> {
  return enqueue(async () => {
    const meta = await readMeta();
    const last = meta.end - 1;
    const newest = last >= meta.first ? await readChunk(last) : toChunk([]);
    // An id the newest sessions already have (a server that answered two creates with one
    // id) is refused, not recorded twice: the earlier link stays as it was. Only the newest
    // chunk is searched — it is read anyway, and a full search would read the whole history
    // on every create.
    if (newest.records.some((stored) => stored.id === record.id)) return 'duplicate';
    const startNew = last < meta.first || newest.records.length >= CHUNK_SIZE;
    const index = startNew ? meta.end : last;
    const chunk = startNew ? [record] : [...newest.records, record];
    const count = Math.max(0, meta.count - (startNew ? 0 : newest.dropped)) + 1;
    // The newest chunk may lie below openFrom when all it held was settled.
    const openFrom = lowerOpenFrom(meta.openFrom, index, [record]);
    // One set() for both keys: storage.local applies it as a whole.
    await write({
      ...chunkWrite(index, startNew ? toChunk([]) : newest, chunk),
      [HISTORY_META_KEY]: { ...meta, end: index + 1, count, openFrom } satisfies HistoryMeta,
    });
    return 'recorded';
  });
}

/**
 * Drops the oldest sessions beyond `cap` (0 keeps all) and returns how many went. The stored
 * count only says when to look: what goes is counted on the chunks themselves (one read of
 * the history while it is over the cap), so a wrong count never prunes a session the cap
 * keeps, and is corrected. Whole chunks are removed and only the boundary chunk rewritten.
 */
export function pruneHistory(cap: number): Promise<number> {
  if (cap <= 0) return Promise.resolve(0);
  return enqueue(async () => {
    const meta = await readMeta();
    if (meta.count <= cap) return 0;
    const keys = chunkKeys(meta.first, meta.end);
    const stored = await browser.storage.local.get(keys);
    const chunks = keys.map((key) => toChunk(stored[key]));
    const count = chunks.reduce((sum, chunk) => sum + chunk.records.length, 0);
    const pruned = Math.max(0, count - cap);
    let excess = pruned;
    let { first } = meta;
    const changes: Record<string, unknown> = {};
    const removed: string[] = [];
    // Oldest first: while excess is left, every chunk before this one was removed whole.
    for (const chunk of chunks) {
      if (excess <= 0) break;
      if (chunk.records.length > excess) {
        Object.assign(changes, chunkWrite(first, chunk, chunk.records.slice(excess)));
        excess = 0;
      } else {
        removed.push(historyChunkKey(first));
        excess -= chunk.records.length;
        first += 1;
      }
    }
    changes[HISTORY_META_KEY] = {
      ...meta,
      first,
      count: count - pruned,
      openFrom: Math.max(meta.openFrom, first),
    } satisfies HistoryMeta;
    // The meta first: a worker stopped in between leaves unlisted keys, never missing ones.
    await write(changes);
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
        .filter((record) => !isSettled(record.status))
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

/**
 * The first chunk from `from` holding an open session. Chunks not in `chunks` hold none: by
 * the invariant, those below openFrom that no update touched.
 */
function firstOpenChunk(chunks: ReadonlyMap<number, Chunk>, from: number, end: number): number {
  for (let index = from; index < end; index += 1) {
    if (chunks.get(index)?.records.some((record) => !isSettled(record.status))) return index;
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
      const stored = chunks.get(chunk);
      const position = stored?.records.findIndex((record) => record.id === id) ?? -1;
      const before = stored?.records[position];
      if (stored === undefined || before === undefined) continue;
      const after = { ...update(before), id };
      stored.records[position] = after;
      result.push({ before, after });
      if (!(historyChunkKey(chunk) in changes)) count -= stored.dropped;
      Object.assign(changes, chunkWrite(chunk, stored, stored.records));
    }
    // From the lowest chunk touched: an update may store an open session below openFrom.
    const touched = updates.map(({ chunk }) => chunk).filter((chunk) => chunks.has(chunk));
    const openFrom = firstOpenChunk(chunks, Math.min(from, ...touched), meta.end);
    if (openFrom !== meta.openFrom || count !== meta.count) {
      changes[HISTORY_META_KEY] = { ...meta, openFrom, count } satisfies HistoryMeta;
    }
    if (Object.keys(changes).length > 0) await write(changes);
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
export async function updateSession(
  id: string,
  patch: SessionPatch,
): Promise<SessionRecord | undefined> {
  const revised = await reviseSession(id, () => ok(patch));
  return revised?.ok ? revised.value : undefined;
}

/**
 * Changes one session as `revise` decides from the record as stored, in the queue, so the
 * decision sees the latest record (a correction of a link paid meanwhile is refused); a
 * refusal or a null patch writes nothing. Undefined when no session has that id.
 */
export function reviseSession<E>(
  id: string,
  revise: (record: SessionRecord) => Result<SessionPatch | null, E>,
): Promise<Result<SessionRecord, E> | undefined> {
  return enqueue(async () => {
    const meta = await readMeta();
    const found = await locate(meta, id);
    if (found === undefined) return undefined;
    const { index, chunk, position } = found;
    const record = chunk.records[position];
    if (record === undefined) return undefined;
    const patch = revise(record);
    if (!patch.ok) return patch;
    if (patch.value === null) return ok(record);
    const parsed = z.safeParse(SessionRecordSchema, { ...record, ...patch.value, id });
    if (!parsed.success) throw new TypeError(`invalid session patch for ${id}`);
    chunk.records[position] = parsed.data;
    const changes = chunkWrite(index, chunk, chunk.records);
    const openFrom = lowerOpenFrom(meta.openFrom, index, [parsed.data]);
    if (chunk.dropped > 0 || openFrom !== meta.openFrom) {
      changes[HISTORY_META_KEY] = {
        ...meta,
        count: Math.max(0, meta.count - chunk.dropped),
        openFrom,
      } satisfies HistoryMeta;
    }
    await write(changes);
    return ok(parsed.data);
  });
}

/**
 * Patches every session `select` picks (the links of one invoice) in one write, after
 * `decide` has seen them all as stored: its patch, or undefined to write nothing. Returns the
 * sessions as written, or undefined when nothing was. Reads the whole history, so it is for
 * rare acts by the user (Void invoice), never for a create or a poll.
 */
export function patchSessions(
  select: (record: SessionRecord) => boolean,
  decide: (selected: readonly SessionRecord[]) => SessionPatch | undefined,
): Promise<SessionRecord[] | undefined> {
  return enqueue(async () => {
    const meta = await readMeta();
    const keys = chunkKeys(meta.first, meta.end);
    const stored = await browser.storage.local.get(keys);
    const chunks = keys.map((key) => toChunk(stored[key]));
    const selected = chunks.flatMap((chunk) => chunk.records.filter(select));
    const patch = selected.length > 0 ? decide(selected) : undefined;
    if (patch === undefined) return undefined;
    const changes: Record<string, unknown> = {};
    const written: SessionRecord[] = [];
    let { count, openFrom } = meta;
    chunks.forEach((chunk, offset) => {
      const index = meta.first + offset;
      const records = chunk.records.map((record) => {
        if (!select(record)) return record;
        const parsed = z.safeParse(SessionRecordSchema, { ...record, ...patch, id: record.id });
        if (!parsed.success) throw new TypeError(`invalid session patch for ${record.id}`);
        written.push(parsed.data);
        return parsed.data;
      });
      if (records.every((record, i) => record === chunk.records[i])) return;
      Object.assign(changes, chunkWrite(index, chunk, records));
      count -= chunk.dropped;
      openFrom = lowerOpenFrom(openFrom, index, records);
    });
    if (count !== meta.count || openFrom !== meta.openFrom) {
      changes[HISTORY_META_KEY] = {
        ...meta,
        count: Math.max(0, count),
        openFrom,
      } satisfies HistoryMeta;
    }
    await write(changes);
    return written;
  });
}
