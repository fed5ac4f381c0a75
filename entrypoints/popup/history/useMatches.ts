import { useEffect, useMemo, useState } from 'react';
import type { SessionRecord } from '../../../lib/history.ts';
import { filterSessions, firstMatches, type HistoryQuery } from '../../../lib/history-query.ts';

export interface Matches {
  /** The matches known so far, in order: at least the `wanted` first ones when there are. */
  readonly shown: readonly SessionRecord[];
  /** Every match, once counted; undefined until then. */
  readonly all: readonly SessionRecord[] | undefined;
}

interface Counted {
  readonly sessions: readonly SessionRecord[];
  readonly query: HistoryQuery;
  readonly now: number;
  readonly all: readonly SessionRecord[];
}

/** When the popup has nothing else to do, or after `timeout` ms at the latest. */
function whenIdle(run: () => void, timeout: number): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(run, { timeout });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(run, 0);
  return () => clearTimeout(handle);
}

/**
 * The sessions matching the search, in two steps: at once, the first `wanted` (the rows in
 * view, so a keystroke costs what it shows, not the history's size); then, when the popup is
 * idle, all of them (the count, "No links match", the export). A change before the count
 * is done drops it: typing fast never counts the letters in between. `query` must be the
 * same object as long as it is the same search (useMemo).
 */
export function useMatches(
  sessions: readonly SessionRecord[],
  query: HistoryQuery,
  now: number,
  wanted: number,
): Matches {
  const [counted, setCounted] = useState<Counted | null>(null);
  const countedNow =
    counted !== null &&
    counted.sessions === sessions &&
    counted.query === query &&
    counted.now === now;
  const first = useMemo(
    () => firstMatches(sessions, query, now, wanted),
    [sessions, query, now, wanted],
  );
  const complete = first.complete;

  useEffect(() => {
    if (complete || countedNow) return;
    return whenIdle(() => {
      setCounted({ sessions, query, now, all: filterSessions(sessions, query, now) });
    }, 500);
  }, [sessions, query, now, complete, countedNow]);

  if (complete) return { shown: first.matches, all: first.matches };
  if (countedNow) return { shown: counted.all, all: counted.all };
  return { shown: first.matches, all: undefined };
}
