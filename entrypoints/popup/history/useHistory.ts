import { useCallback, useEffect, useState } from 'react';
import type { SessionRecord } from '../../../lib/history.ts';
import { readHistory, readNewestHistory, watchHistory } from '../../../storage/history.ts';

export type HistoryLoad =
  | { readonly kind: 'loading' }
  /** `complete` is false while only the newest sessions are read (the rest follows). */
  | {
      readonly kind: 'ready';
      readonly sessions: readonly SessionRecord[];
      readonly complete: boolean;
    }
  | { readonly kind: 'failed' };

/**
 * All the first read returns: the rows in view (about five, nine with the overscan) and as
 * many again, from the newest chunk or two (storage/history.ts). Each is checked against
 * the schema, which in a freshly opened popup costs about 0.1 ms a record (50 took ~6 ms
 * of the ~20 ms a short history takes to show).
 */
const FIRST_SCREEN_SESSIONS = 20;

/**
 * The stored history, newest first, read when the History tab first opens and again each
 * time the background writes it (a new link, a status change, pruning). The first read
 * shows the newest sessions before reading them all, so a long history opens as fast as a
 * short one. Reads never overlap: changes that arrive during a read are picked up by one
 * more read after it.
 */
export function useHistory(): { history: HistoryLoad; retry: () => void } {
  const [history, setHistory] = useState<HistoryLoad>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    let reading = false;
    let stale = false;
    let first = true;

    async function read(): Promise<void> {
      if (reading) {
        stale = true;
        return;
      }
      reading = true;
      try {
        if (first) {
          first = false;
          const newest = await readNewestHistory(FIRST_SCREEN_SESSIONS);
          if (live) setHistory({ kind: 'ready', ...newest });
          // A write during that read still needs the full read below.
          if (newest.complete && !stale) return;
        }
        do {
          stale = false;
          const sessions = await readHistory();
          if (live) setHistory({ kind: 'ready', sessions, complete: true });
        } while (stale && live);
      } catch (error) {
        console.error('Could not read the history', error);
        // A failed re-read keeps what is on screen; only a first read shows the failure.
        if (live) setHistory((before) => (before.kind === 'ready' ? before : { kind: 'failed' }));
      } finally {
        reading = false;
      }
    }

    const unwatch = watchHistory(() => void read());
    void read();
    return () => {
      live = false;
      unwatch();
    };
  }, [attempt]);

  const retry = useCallback(() => {
    setHistory({ kind: 'loading' });
    setAttempt((count) => count + 1);
  }, []);

  return { history, retry };
}
