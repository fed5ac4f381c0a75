import { chunkIndexOf, chunkLayout, META_KEY, V1_BASE_URL } from './layout-v3.ts';
import type { StoredHistory } from './stored.ts';

/**
 * History v1 → v2. v1 kept chunks 0 to `chunks - 1` (no pruning) and records without
 * lastChecked, statusChangedAt, networkName and baseUrl. v2 adds `first` (pruning drops old
 * chunks), `end`, `openFrom`, and those record fields. The meta is rebuilt from the chunk
 * keys, so a lost or broken meta of any version is repaired the same way.
 */
export const version = 2;

const ADDED_IN_V2 = ['lastChecked', 'statusChangedAt', 'networkName', 'baseUrl'] as const;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

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
    baseUrl: V1_BASE_URL,
    ...entry,
  };
}

export function migrate(history: StoredHistory): StoredHistory {
  const next: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(history)) {
    if (chunkIndexOf(key) === undefined) continue;
    next[key] = Array.isArray(value) && value.some(lacksV2Field) ? value.map(fillV1Record) : value;
  }
  const { first, end, count } = chunkLayout(next);
  next[META_KEY] = { version: 2, first, end, count, openFrom: first };
  return next;
}
