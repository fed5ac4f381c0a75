import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { saveApiKey } from '../../../entrypoints/background/key-store.ts';
import { getState } from '../../../entrypoints/background/state.ts';
import type { FirstScreenMemory } from '../../../entrypoints/popup/start/keeper.ts';
import { addLatePrefill } from '../../../entrypoints/popup/start/late-prefill.ts';
import { initialView } from '../../../entrypoints/popup/view.ts';
import { emptyDraft, type Draft } from '../../../lib/draft.ts';
import { prefillFromSelection } from '../../../lib/prefill.ts';
import type { State } from '../../../lib/messages.ts';
import { DEFAULT_SETTINGS } from '../../../lib/settings.ts';
import { draftItem, prefillItem } from '../../../storage/draft.ts';

/*
 * Selected text waiting when a popup hydrates its drawn first screen
 * (entrypoints/popup/start/late-prefill.ts): added to what was typed before hydration, never
 * to the draft as the load read it, which would write over the typing.
 */

function draftWith(name: string): Draft {
  return {
    ...emptyDraft(DEFAULT_SETTINGS, ''),
    items: [{ name, description: '', unitPrice: '9.99', quantity: '1' }],
  };
}

/** A keeper's memory: what the form stored in this popup, if anything. */
function memoryWith(typed: Draft | undefined): FirstScreenMemory & { remembered: Draft[] } {
  const remembered: Draft[] = [];
  return {
    remembered,
    rememberState: () => undefined,
    rememberDraft: (next) => {
      if (next) remembered.push(next);
    },
    rememberStoredDraft: () => undefined,
    rememberCreating: () => undefined,
    draftEdited: () => typed !== undefined,
    editedDraft: () => typed,
  };
}

const PREFILL = prefillFromSelection({
  text: 'A brief for the new logo',
  pageTitle: 'Acme logo brief',
  now: Date.now(),
});

let state: State;

beforeEach(async () => {
  fakeBrowser.reset();
  await saveApiKey('pk_test_late_prefill_0001');
  state = await getState();
  await prefillItem.setValue(PREFILL);
});

describe('selected text added once the hydrated form is React’s', () => {
  it('goes with what was typed before hydration, in the view, the stored draft and the keeper', async () => {
    const memory = memoryWith(draftWith('Hosting plan'));
    const loaded = { state, view: initialView(state, draftWith('Hosting')), prefill: PREFILL };
    const view = addLatePrefill(loaded, memory);
    if (view.kind !== 'form') throw new Error(`expected the form, got ${view.kind}`);
    expect(view.draft.items.map((item) => item.name)).toEqual(['Hosting plan', 'Acme logo brief']);
    expect(view.notice).toContain('selected text');
    await expect.poll(() => draftItem.getValue()).toEqual(view.draft);
    expect(await prefillItem.getValue()).toBeNull();
    expect(memory.remembered.at(-1)).toEqual(view.draft);
  });

  it('goes with the stored draft when nothing was typed', () => {
    const loaded = { state, view: initialView(state, draftWith('Hosting')), prefill: PREFILL };
    const view = addLatePrefill(loaded, memoryWith(undefined));
    if (view.kind !== 'form') throw new Error(`expected the form, got ${view.kind}`);
    expect(view.draft.items.map((item) => item.name)).toEqual(['Hosting', 'Acme logo brief']);
  });

  it('leaves a load without selected text as it is', () => {
    const loaded = { state, view: initialView(state, draftWith('Hosting')) };
    expect(addLatePrefill(loaded, memoryWith(draftWith('Hosting plan')))).toBe(loaded.view);
  });
});
