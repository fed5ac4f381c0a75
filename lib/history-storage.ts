import { browser } from 'wxt/browser';
import { z } from 'zod/mini';
import { SessionRecordSchema, type SessionRecord } from './history.ts';

/*
 * The history's format in storage.local, and its read side. The history is not secret, so
 * the popup reads it here directly; only the background writes it
 * (entrypoints/background/history-store.ts), through one queue.
 *
 *   history:meta      {version: 2, first, end, count, openFrom}
 *   history:chunk:<n> up to CHUNK_SIZE records, oldest first, for first <= n < end.
 *
 * Why chunks: storage.local rewrites a value whole. With one array, every created link
 * would read, parse and write back the entire history (megabytes at 10,000 sessions). Here
 * an append writes the newest chunk and the meta, a status update the one chunk holding the
 * session, and pruning drops whole chunks from the old end (hence `first`).
 */

export const HISTORY_META_KEY = 'history:meta';
export const CHUNK_SIZE = 200;
/** The format this build writes; older ones go through entrypoints/background/migrations.ts. */
export const HISTORY_VERSION = 2;

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

export const HistoryMetaSchema = z.object({
  version: z.literal(HISTORY_VERSION),
  /** The oldest chunk still stored; those below it were pruned. */
  first: Index,
  /** One past the newest chunk. */
  end: Index,
  /** Records in all chunks. */
  count: Index,
  /**
   * No chunk below this one holds a session stored as open. Sessions never turn open again
   * and new ones go to the newest chunk, so status work reads from here, not from chunk 0.
   */
  openFrom: Index,
});
export type HistoryMeta = z.infer<typeof HistoryMetaSchema>;

/* Version 1 had no pruning: chunks 0 to chunks - 1. Read while a migration is pending. */
const MetaV1Schema = z.object({ version: z.literal(1), chunks: Index });

/** The chunk range of a stored meta of any known version; undefined when there is none. */
function chunkRange(value: unknown): { first: number; end: number } | undefined {
  const current = z.safeParse(HistoryMetaSchema, value);
  if (current.success) return current.data;
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

export interface HistoryRead {
  /** Valid stored sessions, newest first. */
  readonly sessions: SessionRecord[];
  /** False when older chunks were left unread (readNewestHistory). */
  readonly complete: boolean;
}

/**
 * Two reads: the meta, then chunks from `newest` chunks before the end (all by default).
 * Only the newest `atMost` records are checked and returned.
 */
async function readChunks(newest?: number, atMost = Infinity): Promise<HistoryRead> {
  const stored = await browser.storage.local.get(HISTORY_META_KEY);
  const range = chunkRange(stored[HISTORY_META_KEY]);
  if (range === undefined || range.end <= range.first) return { sessions: [], complete: true };
  const from = newest === undefined ? range.first : Math.max(range.first, range.end - newest);
  const keys = chunkKeys(from, range.end);
  const chunks = await browser.storage.local.get(keys);
  const sessions: SessionRecord[] = [];
  let usedUp = true;
  for (let i = keys.length - 1; i >= 0 && usedUp; i -= 1) {
    const key = keys[i];
    if (key !== undefined) usedUp = parseNewestFirst(chunks[key], sessions, atMost);
  }
  return { sessions, complete: usedUp && from === range.first };
}

/**
 * Every valid stored session, newest first. With no readable meta the history is empty;
 * the background rebuilds the meta when it next writes.
 */
export async function readHistory(): Promise<SessionRecord[]> {
  return (await readChunks()).sessions;
}

/**
 * The sessions of the newest `chunks` chunks only, and of those at most the newest
 * `atMost`: a first screen of History at once, whatever the history's size. Reading all
 * 10,000 sessions takes hundreds of milliseconds, most of it in storage.local itself,
 * against a few for one chunk; checking each record's schema is the next largest part, so
 * only those shown first are checked here.
 */
export function readNewestHistory(chunks: number, atMost = Infinity): Promise<HistoryRead> {
  return readChunks(chunks, atMost);
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
 * `openFrom` moved (the worker's bookmark for status work, which a reader never uses).
 */
function sameSessions(change: StorageChange | undefined): boolean {
  const before = z.safeParse(HistoryMetaSchema, change?.oldValue);
  const after = z.safeParse(HistoryMetaSchema, change?.newValue);
  return (
    before.success &&
    after.success &&
    before.data.first === after.data.first &&
    before.data.end === after.data.end &&
    before.data.count === after.data.count
  );
}

/**
 * Calls onChange after every write that changes the stored sessions; returns the
 * unsubscribe function. A status check that only moves the meta's `openFrom` is no reason
 * to read 10,000 sessions again.
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
