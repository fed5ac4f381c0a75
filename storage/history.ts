import { browser } from 'wxt/browser';
import { z } from 'zod/mini';
import { isSettled, SessionRecordSchema, type SessionRecord } from '../lib/history.ts';

/*
 * The history's format in storage.local, and its read side. The history is not secret, so
 * the popup reads it here directly; only the background writes it
 * (entrypoints/background/history-store.ts), through one queue.
 *
 *   history:meta      {version: 3, first, end, count, openFrom}
 *   history:chunk:<n> records, oldest first, for first <= n < end.
 *   history:damaged:<n>:<ms>  a chunk's stored value that failed the schema, set aside
 *                     when the chunk was written back (never read again by the extension).
 *
 * The invariant every writer keeps (entrypoints/background/history-store.ts): every session
 * stored as open lies in a chunk at or after `openFrom`. Status work reads from there; a
 * session below it would never be checked again.
 *
 * Why chunks: storage.local rewrites a value whole. With one array, every created link
 * would read, parse and write back the entire history (megabytes at 10,000 sessions). Here
 * an append writes the newest chunk and the meta, a status update the one chunk holding the
 * session, and pruning drops whole chunks from the old end (hence `first`).
 *
 * A chunk's length is not part of the format: appends start a new chunk once the newest
 * holds CHUNK_SIZE records, and earlier builds filled chunks to 200, which stay as they are.
 * No reader may assume either size.
 */

export const HISTORY_META_KEY = 'history:meta';
/**
 * Records an append puts in a chunk before it starts the next one. An append reads and
 * writes back the newest chunk, and History's first screen reads it: 50 keeps both as cheap
 * as for a short history (200, the size before, cost each create and each History tab a
 * few milliseconds at 10,000 sessions); walks over many chunks use one read per batch.
 */
export const CHUNK_SIZE = 50;
/**
 * The format this build writes; older ones go through storage/migrations/history/.
 * 3 has the layout of 2, written by builds that keep the openFrom invariant.
 */
export const HISTORY_VERSION = 3;

const CHUNK_KEY = /^history:chunk:(\d+)$/;

export function historyChunkKey(index: number): string {
  return `history:chunk:${index}`;
}

/** The chunk index a storage key names, or undefined for any other key. */
export function chunkIndexOf(key: string): number | undefined {
  const match = CHUNK_KEY.exec(key);
  return match ? Number(match[1]) : undefined;
}

const Index = z.int().check(z.minimum(0));

/*
 * More chunks than any history can hold (storage.local would hold gigabytes): a meta that
 * claims more is broken, and walking its range would take forever.
 */
const MAX_CHUNK_SPAN = 100_000;

const metaShape = {
  /** The oldest chunk still stored; those below it were pruned. */
  first: Index,
  /** One past the newest chunk. */
  end: Index,
  /** Records in all chunks. */
  count: Index,
  /**
   * No chunk below this one holds a session stored as open, so status work reads from here,
   * not from chunk 0. It moves up past settled chunks, and down whenever a write stores an
   * open session below it — above all an append to a newest chunk whose sessions were all
   * settled (it is then `end`, past that chunk).
   */
  openFrom: Index,
};

/** A range a reader can walk, with openFrom within it (or below first, which readers skip). */
function sane(meta: { first: number; end: number; openFrom: number }): boolean {
  return (
    meta.first <= meta.end && meta.end - meta.first <= MAX_CHUNK_SPAN && meta.openFrom <= meta.end
  );
}

export const HistoryMetaSchema = z
  .object({ version: z.literal(HISTORY_VERSION), ...metaShape })
  .check(z.refine(sane));
export type HistoryMeta = z.infer<typeof HistoryMetaSchema>;

/* Version 2 had this layout; read while its migration is pending (it repairs openFrom). */
const MetaV2Schema = z.object({ version: z.literal(2), ...metaShape }).check(z.refine(sane));

/* Version 1 had no pruning: chunks 0 to chunks - 1. Read while a migration is pending. */
const MetaV1Schema = z.object({ version: z.literal(1), chunks: Index });

/** The sessions a stored meta of version 2 or 3 describes: its chunks and their count. */
function metaSessions(value: unknown): { first: number; end: number; count: number } | undefined {
  const current = z.safeParse(HistoryMetaSchema, value);
  if (current.success) return current.data;
  const v2 = z.safeParse(MetaV2Schema, value);
  return v2.success ? v2.data : undefined;
}

/** The chunk range of a stored meta of any known version; undefined when there is none. */
function chunkRange(value: unknown): { first: number; end: number } | undefined {
  const sessions = metaSessions(value);
  if (sessions !== undefined) return sessions;
  const v1 = z.safeParse(MetaV1Schema, value);
  return v1.success ? { first: 0, end: v1.data.chunks } : undefined;
}

/** Valid records of a stored chunk; anything else (a hand edit, an old bug) is skipped. */
export function parseChunk(value: unknown): SessionRecord[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown) => {
    const parsed = z.safeParse(SessionRecordSchema, entry);
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * The meta of the chunks there are, from their keys and valid records alone: the range they
 * span, how many valid records they hold, and the first chunk holding an open session. For a
 * meta that is lost, broken or contradicted (entrypoints/background/history-store.ts).
 */
export function rebuildMeta(history: Readonly<Record<string, unknown>>): HistoryMeta {
  let first = Number.POSITIVE_INFINITY;
  let end = 0;
  let count = 0;
  let openFrom = Number.POSITIVE_INFINITY;
  for (const [key, value] of Object.entries(history)) {
    const index = chunkIndexOf(key);
    if (index === undefined) continue;
    first = Math.min(first, index);
    end = Math.max(end, index + 1);
    const records = parseChunk(value);
    count += records.length;
    if (records.some((record) => !isSettled(record.status))) openFrom = Math.min(openFrom, index);
  }
  first = Math.min(first, end);
  return { version: HISTORY_VERSION, first, end, count, openFrom: Math.min(openFrom, end) };
}

/**
 * Valid records of a stored chunk, newest first, added to `into` until it holds `atMost`;
 * true when the chunk was used up.
 */
function parseNewestFirst(value: unknown, into: SessionRecord[], atMost: number): boolean {
  if (!Array.isArray(value)) return true;
  for (let i = value.length - 1; i >= 0; i -= 1) {
    if (into.length >= atMost) return false;
    const parsed = z.safeParse(SessionRecordSchema, value[i]);
    if (parsed.success) into.push(parsed.data);
  }
  return true;
}

/** The keys of chunks from..end-1, for one storage.local.get. */
export function chunkKeys(from: number, end: number): string[] {
  return Array.from({ length: Math.max(0, end - from) }, (_, i) => historyChunkKey(from + i));
}

/**
 * `indexes` in consecutive batches of 1, 1, 2, 4, 8… indexes, for walks that usually stop
 * within a chunk or two (the newest sessions, a recent one, the oldest to prune) but may go
 * through hundreds: one storage.local.get per batch, nine for 200 chunks, and never more
 * than twice the chunks the walk needed.
 */
export function* inBatches(indexes: readonly number[]): Generator<number[]> {
  let size = 1;
  for (let at = 0; at < indexes.length; size = at) {
    yield indexes.slice(at, at + size);
    at += size;
  }
}

/** Chunk indexes end-1 down to from. */
export function newestFirst(from: number, end: number): number[] {
  return Array.from({ length: Math.max(0, end - from) }, (_, i) => end - 1 - i);
}

export interface HistoryRead {
  /** Valid stored sessions, newest first. */
  readonly sessions: SessionRecord[];
  /** False when older chunks were left unread (readNewestHistory). */
  readonly complete: boolean;
}

async function storedRange(): Promise<{ first: number; end: number } | undefined> {
  const stored = await browser.storage.local.get(HISTORY_META_KEY);
  return chunkRange(stored[HISTORY_META_KEY]);
}

/**
 * Every valid stored session, newest first, in two reads: the meta, then every chunk at
 * once. With no readable meta the history is empty; the background rebuilds the meta when
 * it next writes.
 */
export async function readHistory(): Promise<SessionRecord[]> {
  const range = await storedRange();
  if (range === undefined || range.end <= range.first) return [];
  const keys = chunkKeys(range.first, range.end);
  const chunks = await browser.storage.local.get(keys);
  const sessions: SessionRecord[] = [];
  for (let i = keys.length - 1; i >= 0; i -= 1) {
    const key = keys[i];
    if (key !== undefined) parseNewestFirst(chunks[key], sessions, Infinity);
  }
  return sessions;
}

/**
 * The newest `atMost` valid sessions: a first screen of History at once, whatever the
 * history's size. Reading all 10,000 sessions takes hundreds of milliseconds, most of it in
 * storage.local itself, against a few for one chunk; checking each record's schema is the
 * next largest part, so only those returned are checked. Chunks are read newest first, in
 * batches (inBatches), until `atMost` sessions are found: usually the newest one or two.
 */
export async function readNewestHistory(atMost: number): Promise<HistoryRead> {
  const range = await storedRange();
  const sessions: SessionRecord[] = [];
  if (range === undefined) return { sessions, complete: true };
  for (const batch of inBatches(newestFirst(range.first, range.end))) {
    if (sessions.length >= atMost) return { sessions, complete: false };
    const keys = batch.map(historyChunkKey);
    const chunks = await browser.storage.local.get(keys);
    for (const key of keys) {
      if (!parseNewestFirst(chunks[key], sessions, atMost)) return { sessions, complete: false };
    }
  }
  return { sessions, complete: true };
}

function isHistoryKey(key: string): boolean {
  return key.startsWith('history:');
}

interface StorageChange {
  readonly oldValue?: unknown;
  readonly newValue?: unknown;
}

/**
 * True when a meta write leaves the sessions as they were: the same chunks and count, only
 * `openFrom` moved (the worker's bookmark for status work, which a reader never uses) or the
 * version (the migration from version 2 rewrites the meta alone).
 */
function sameSessions(change: StorageChange | undefined): boolean {
  const before = metaSessions(change?.oldValue);
  const after = metaSessions(change?.newValue);
  return (
    before !== undefined &&
    after !== undefined &&
    before.first === after.first &&
    before.end === after.end &&
    before.count === after.count
  );
}

/**
 * Calls onChange after every write that changes the stored sessions; returns the
 * unsubscribe function. A status check that only moves the meta's `openFrom`, or the
 * migration of the meta after an update, is no reason to read 10,000 sessions again.
 */
export function watchHistory(onChange: () => void): () => void {
  const listener = (changes: Record<string, StorageChange>, area: string) => {
    if (area !== 'local') return;
    const keys = Object.keys(changes).filter(isHistoryKey);
    if (keys.length === 0) return;
    if (keys.length === 1 && keys[0] === HISTORY_META_KEY && sameSessions(changes[keys[0]])) {
      return;
    }
    onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
