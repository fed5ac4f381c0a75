import { draftFrom, prefillFrom } from '../../storage/draft.ts';
import type { State } from '../../lib/messages.ts';
import { ask, checkedAnswer } from '../../utils/ask.ts';
import { takePrefill } from './form/merge-prefill.ts';
import { dismiss } from './form/submit.ts';
import { profileChangedElsewhere } from './header/profile-switch.ts';
import { askFirst, type FirstAnswers } from './start/first-load.ts';
import type { Prefill } from '../../lib/prefill.ts';
import { sameDraft } from './start/first-screen.ts';
import { NO_KEEPER, type FirstScreenMemory } from './start/keeper.ts';
import { formSettings, initialView, type View } from './view.ts';

export interface Loaded {
  readonly state: State | null;
  readonly view: View;
  /** Selected text not yet added: a hydrated form adds it once React has it (start/late-prefill.ts). */
  readonly prefill?: Prefill;
}

/**
 * Asks the background to re-check open links it has not checked lately, so History is
 * current when opened. Not awaited: the form must not wait for Payfect.
 */
function refreshStaleStatuses(): void {
  ask({ type: 'refreshStatuses', staleOnly: true }).catch((error: unknown) => {
    console.warn('Could not refresh the statuses', error);
  });
}

/**
 * The state, the stored draft and any selected text: what the popup needs to show its form,
 * from answers already asked for (the first time by the entry script: first-load.ts), checked
 * here.
 */
export async function load(
  first: FirstAnswers = askFirst(),
  memory: FirstScreenMemory = NO_KEEPER,
  prefillLater = false,
): Promise<Loaded> {
  try {
    const [state, stored] = await Promise.all([
      checkedAnswer('getState', first.state),
      first.stored,
    ]);
    const storedDraft = draftFrom(stored.draft);
    // Selected text to start an item from (the context menu).
    const prefill = prefillFrom(stored.prefill);
    if (state.key.set) refreshStaleStatuses();
    const opened = initialView(state, storedDraft);
    const changed = profileChangedElsewhere(state);
    const shown =
      changed !== undefined && opened.kind === 'form' && opened.notice === undefined
        ? { ...opened, notice: changed }
        : opened;
    const later = prefillLater && prefill ? prefill : undefined;
    const view = later ? shown : takePrefill(shown, prefill, formSettings(state));
    // Selected text changed the stored draft; else it is the stored one, unless typed over.
    if (prefill && !later && view.kind === 'form') memory.rememberDraft(view.draft);
    else memory.rememberStoredDraft(storedDraft);
    // A failure from an earlier popup is now shown on the form; once is enough.
    if (state.lastCreate?.state === 'failed') dismiss(state.lastCreate.requestId);
    return later ? { state, view, prefill: later } : { state, view };
  } catch (error) {
    console.error(error);
    return { state: null, view: { kind: 'unreachable' } };
  }
}

/**
 * Whether the form hydrated from a first screen (first-screen.ts) stays when the state and
 * draft come in: unless the popup opens on something else, or on a form the draft drawn is
 * not (selected text added to it, or a draft saved after the first screen was kept, by a
 * popup closed before it kept a new one) and nobody has typed into the drawn one yet.
 */
export function keepsDrawnForm(drawn: View, loaded: View, memory: FirstScreenMemory): boolean {
  if (drawn.kind !== 'form' || loaded.kind !== 'form') return false;
  if (loaded.error !== null || loaded.notice !== undefined) return false;
  return sameDraft(loaded.draft, drawn.draft) || memory.draftEdited();
}
