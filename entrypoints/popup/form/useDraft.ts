import { useRef, useState } from 'react';
import type { Draft } from '../../../lib/draft.ts';
import { draftItem } from '../../../storage/draft.ts';
import { useFirstScreen } from '../start/keeper.ts';

/**
 * The form's draft, written to storage on every change: the popup closes whenever focus
 * leaves it, so there is no debounce that could lose the last keystroke (a local storage
 * write is cheap, and writes land in the order they were made).
 */
export function useDraft(initial: Draft) {
  const [draft, setDraft] = useState(initial);
  // The latest draft for event handlers (add then focus, Enter right after a keystroke):
  // the rendered state in their closure could be one edit behind.
  const latest = useRef(initial);
  const firstScreen = useFirstScreen();

  function update(change: (current: Draft) => Draft): void {
    const next = change(latest.current);
    if (next === latest.current) return;
    latest.current = next;
    setDraft(next);
    firstScreen.rememberDraft(next);
    draftItem.setValue(next).catch((error: unknown) => {
      console.error('Could not save the draft', error);
    });
  }

  /** For event handlers only, never during render. */
  function current(): Draft {
    return latest.current;
  }

  return { draft, update, current };
}
