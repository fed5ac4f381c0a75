import { takePrefill } from '../form/merge-prefill.ts';
import type { Loaded } from '../App.tsx';
import { formSettings, type View } from '../view.ts';
import type { FirstScreenMemory } from './keeper.ts';

/**
 * The first load's view, with selected text (the context menu's prefill) added. A popup
 * hydrating a drawn first screen loads it without (App.tsx `load`, prefillLater) and adds it
 * here, once React has the form: to the draft as typed before hydration, not as stored when
 * the load read it, which would have written over the typing.
 */
export function addLatePrefill(loaded: Loaded, memory: FirstScreenMemory): View {
  const { state, view, prefill } = loaded;
  if (prefill === undefined || state === null) return view;
  const typed = memory.editedDraft();
  const base = view.kind === 'form' && typed ? { ...view, draft: typed } : view;
  const next = takePrefill(base, prefill, formSettings(state));
  if (next.kind === 'form') memory.rememberDraft(next.draft);
  return next;
}
