import { chunkLayout, META_KEY } from './layout-v3.ts';
import type { StoredHistory } from './stored.ts';

/**
 * History v2 → v3: the same layout, but builds of v2 could leave `openFrom` past an open
 * session (an append to a newest chunk whose sessions were all settled), which was then never
 * checked again. The meta is rebuilt from the chunks, so openFrom is the first chunk that
 * holds an open session; chunks are left as they are.
 */
export const version = 3;

export function migrate(history: StoredHistory): StoredHistory {
  return { ...history, [META_KEY]: { version: 3, ...chunkLayout(history) } };
}
