import { browser } from 'wxt/browser';
import { z } from 'zod/mini';
import { SessionRecordSchema, type SessionRecord } from '../../lib/history.ts';
import { createSerialQueue } from './serial.ts';

/*
 * The history of created sessions, in storage.local as fixed-size chunks:
 *   history:meta      {version: 1, chunks, count}
 *   history:chunk:<n> up to CHUNK_SIZE records, oldest first; chunk 0 is the oldest.
 * Why chunks: storage.local rewrites a value whole. With one array, every created link
 * would read, parse and write back the entire history (megabytes at 10,000 sessions).
 * Here an append writes the newest chunk and the meta, and a status update writes the one
 * chunk holding the session, whatever the size of the history.
 */

export const CHUNK_SIZE = 200;
export const META_KEY = 'history:meta';
const CHUNK_KEY = /^history:chunk:(\d+)$/;

export function chunkKey(index: number): string {
  return `history:chunk:${index}`;
}

const MetaSchema = z.object({
  version: z.literal(1),
  chunks: z.int().check(z.minimum(0)),
  count: z.int().check(z.minimum(0)),
});
type Meta = z.infer<typeof MetaSchema>;

export type SessionPatch = Partial<Omit<SessionRecord, 'id'>>;

// Every write goes through one queue so two concurrent appends never lose one.
const enqueue = createSerialQueue();

/** Valid records of a stored chunk; anything else (a hand edit, an old bug) is dropped. */
function parseChunk(value: unknown): SessionRecord[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown) => {
    const parsed = z.safeParse(SessionRecordSchema, entry);
    return parsed.success ? [parsed.data] : [];
  });
}

interface Chunk {
  readonly records: SessionRecord[];
  /** Stored entries that failed the schema: gone once the chunk is written back. */
  readonly dropped: number;
}

async function readChunk(index: number): Promise<Chunk> {
  const key = chunkKey(index);
  const stored = await browser.storage.local.get(key);
  const value: unknown = stored[key];
  const records = parseChunk(value);
  return { records, dropped: Array.isArray(value) ? value.length - records.length : 0 };
}

/**
 * Rebuilds a lost or corrupt meta from the chunk keys, so the next append cannot overwrite
 * chunk 0. Reads every key, but only runs when the meta is missing (first use) or broken.
 */
async function recoverMeta(): Promise<Meta> {
  const all = await browser.storage.local.get(null);
  let chunks = 0;
  let count = 0;
  for (const [key, value] of Object.entries(all)) {
    const match = CHUNK_KEY.exec(key);
    if (!match) continue;
    chunks = Math.max(chunks, Number(match[1]) + 1);
    count += parseChunk(value).length;
  }
  return { version: 1, chunks, count };
}

async function readMeta(): Promise<Meta> {
  const stored = await browser.storage.local.get(META_KEY);
  const parsed = z.safeParse(MetaSchema, stored[META_KEY]);
  return parsed.success ? parsed.data : recoverMeta();
}

/** Adds a session as the newest entry. */
export function appendSession(record: SessionRecord): Promise<void> {
  return enqueue(async () => {
    const meta = await readMeta();
    const last = meta.chunks - 1;
    const newest: Chunk = last >= 0 ? await readChunk(last) : { records: [], dropped: 0 };
    const startNew = last < 0 || newest.records.length >= CHUNK_SIZE;
    const index = startNew ? last + 1 : last;
    const chunk = startNew ? [record] : [...newest.records, record];
    const count = Math.max(0, meta.count - (startNew ? 0 : newest.dropped)) + 1;
    // One set() for both keys: storage.local applies it as a whole.
    await browser.storage.local.set({
      [chunkKey(index)]: chunk,
      [META_KEY]: { version: 1, chunks: index + 1, count } satisfies Meta,
    });
  });
}

export interface ListOptions {
  /** At most this many, newest first: reads only the newest chunks it needs. */
  readonly limit?: number;
}

/** Every stored session, newest first. */
export async function listSessions(options: ListOptions = {}): Promise<SessionRecord[]> {
  const meta = await readMeta();
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const wanted = Math.min(meta.chunks, Math.ceil(limit / CHUNK_SIZE) + 1);
  const keys = Array.from({ length: wanted }, (_, i) => chunkKey(meta.chunks - 1 - i));
  if (keys.length === 0) return [];
  const stored = await browser.storage.local.get(keys);
  const sessions = keys.flatMap((key) => parseChunk(stored[key]).reverse());
  return sessions.slice(0, limit);
}

/**
 * Changes one session (a new status, a new lastChecked) and returns it, or undefined when
 * no session has that id. A patch that breaks the record's schema is a bug: it throws. Scans newest first: the open sessions worth updating are recent.
 */
export function updateSession(id: string, patch: SessionPatch): Promise<SessionRecord | undefined> {
  return enqueue(async () => {
    const meta = await readMeta();
    for (let index = meta.chunks - 1; index >= 0; index -= 1) {
      const { records, dropped } = await readChunk(index);
      const position = records.findIndex((record) => record.id === id);
      const current = records[position];
      if (current === undefined) continue;
      const parsed = z.safeParse(SessionRecordSchema, { ...current, ...patch, id });
      if (!parsed.success) throw new TypeError(`invalid session patch for ${id}`);
      records[position] = parsed.data;
      const changes: Record<string, unknown> = { [chunkKey(index)]: records };
      if (dropped > 0) {
        changes[META_KEY] = { ...meta, count: Math.max(0, meta.count - dropped) } satisfies Meta;
      }
      await browser.storage.local.set(changes);
      return parsed.data;
    }
    return undefined;
  });
}
