import { browser } from 'wxt/browser';
import {
  HISTORY_META_KEY,
  HISTORY_VERSION,
  chunkIndexOf,
  parseChunk,
  type HistoryMeta,
} from '../../storage/history.ts';
import { isSettled } from '../../lib/history.ts';
import { LIVE_API_BASE_URL } from '../../lib/settings.ts';

/*
 * Migrations of the stored history, as MetaMask numbers them: each step turns version N - 1
 * into N, has its own test over sample stored data (test/unit/background/fixtures/), and
 * runs once, at worker start, before anything else reads or writes the history.
 */

/** The history's keys (history:meta, history:chunk:<n>) and their stored values. */
export type StoredHistory = Readonly<Record<string, unknown>>;

export interface HistoryMigration {
  /** The version this step produces from the one before it. */
  readonly version: number;
  /** The new stored history. Values it leaves alone keep their identity and are not written. */
  readonly migrate: (history: StoredHistory) => StoredHistory;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The meta of the chunks there are, from their keys and valid records alone: the range they
 * span, how many valid records they hold, and the first chunk holding an open session.
 */
function chunkLayout(history: StoredHistory) {
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
  return { first, end, count, openFrom: Math.min(openFrom, end) };
}

/** A meta for the chunks there are, when the stored one is lost, broken or contradicted. */
export function rebuildMeta(history: StoredHistory): HistoryMeta {
  return { version: HISTORY_VERSION, ...chunkLayout(history) };
}

const ADDED_IN_V2 = ['lastChecked', 'statusChangedAt', 'networkName', 'baseUrl'] as const;

function lacksV2Field(entry: unknown): boolean {
  return isObject(entry) && ADDED_IN_V2.some((field) => !(field in entry));
}

/** A v1 record with what v2 added, from what it has: never checked since it was created. */
function fillV1Record(entry: unknown): unknown {
  if (!isObject(entry) || !lacksV2Field(entry)) return entry;
  const { createdAt, network } = entry;
  return {
    lastChecked: createdAt,
    statusChangedAt: createdAt,
    networkName: network,
    // v1 had no base URL setting: every session was created on the live API.
    baseUrl: LIVE_API_BASE_URL,
    ...entry,
  };
}

/**
 * v1 → v2. v1 kept chunks 0 to `chunks - 1` (no pruning) and records without lastChecked,
 * statusChangedAt, networkName and baseUrl. v2 adds `first` (pruning drops old chunks),
 * `end`, `openFrom`, and those record fields. The meta is rebuilt from the chunk keys, so a
 * lost or broken meta of any version is repaired the same way.
 */
function toVersion2(history: StoredHistory): StoredHistory {
  const next: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(history)) {
    if (chunkIndexOf(key) === undefined) continue;
    next[key] = Array.isArray(value) && value.some(lacksV2Field) ? value.map(fillV1Record) : value;
  }
  const { first, end, count } = chunkLayout(next);
  next[HISTORY_META_KEY] = { version: 2, first, end, count, openFrom: first };
  return next;
}

/**
 * v2 → v3: the same layout, but builds of v2 could leave `openFrom` past an open session
 * (an append to a newest chunk whose sessions were all settled), which was then never
 * checked again. The meta is rebuilt from the chunks, so openFrom is the first chunk that
 * holds an open session; chunks are left as they are.
 */
function toVersion3(history: StoredHistory): StoredHistory {
  return { ...history, [HISTORY_META_KEY]: rebuildMeta(history) };
}

export const MIGRATIONS: readonly HistoryMigration[] = [
  { version: 2, migrate: toVersion2 },
  { version: 3, migrate: toVersion3 },
];

/** The history after every step above version `from`. */
export function runMigrations(history: StoredHistory, from: number): StoredHistory {
  return MIGRATIONS.filter((step) => step.version > from).reduce(
    (state, step) => step.migrate(state),
    history,
  );
}

function storedVersion(meta: unknown): number {
  const version = isObject(meta) ? meta.version : undefined;
  // No meta, or an unreadable one: the oldest format, whose step rebuilds the meta.
  return typeof version === 'number' && Number.isInteger(version) ? version : 1;
}

/** Brings the stored history to HISTORY_VERSION; one read of the meta when it already is. */
export async function migrateHistory(): Promise<void> {
  const meta = (await browser.storage.local.get(HISTORY_META_KEY))[HISTORY_META_KEY];
  const from = storedVersion(meta);
  // A newer version (a downgraded build) is left alone rather than guessed at.
  if (from >= HISTORY_VERSION) return;
  const all = await browser.storage.local.get(null);
  const before = Object.fromEntries(
    Object.entries(all).filter(([key]) => key.startsWith('history:')),
  );
  if (Object.keys(before).length === 0) return;
  const after = runMigrations(before, from);
  // Steps so far only add and change keys; one that drops a key would remove it here.
  const changed = Object.entries(after).filter(([key, value]) => before[key] !== value);
  await browser.storage.local.set(Object.fromEntries(changed));
}
