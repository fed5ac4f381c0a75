import { isFresh, type Prefill } from '../../../lib/prefill.ts';
import type { Settings } from '../../../lib/settings.ts';
import { draftItem, prefillItem } from '../../../lib/storage.ts';
import { viewWithPrefill } from './prefill.ts';
import { dismiss } from './submit.ts';
import type { View } from '../view.ts';

function logFailure(what: string) {
  return (error: unknown) => console.error(what, error);
}

/**
 * The view with a line item from selected text (the context menu) applied, used once. A
 * prefill that cannot apply yet (no key, locked, a create in flight) waits for a later popup
 * until it is too old; a too old one is dropped.
 */
export function takePrefill(view: View, prefill: Prefill | null, settings: Settings): View {
  if (!prefill) return view;
  const fresh = isFresh(prefill, Date.now());
  const next = fresh ? viewWithPrefill(view, prefill, settings) : undefined;
  if (fresh && !next) return view;
  if (next?.kind === 'form') {
    // Saved before the prefill is removed (writes land in order): a popup closed right away
    // still has the item next time.
    draftItem.setValue(next.draft).catch(logFailure('Could not save the draft'));
    if (view.kind === 'result') dismiss(view.requestId);
  }
  prefillItem.removeValue().catch(logFailure('Could not remove the used prefill'));
  return next ?? view;
}
