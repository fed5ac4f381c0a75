import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { saveApiKey } from '../../../entrypoints/background/key-store.ts';
import { getState } from '../../../entrypoints/background/state.ts';
import type { FirstScreen } from '../../../entrypoints/popup/start/first-screen.ts';
import { FirstScreenKeeper } from '../../../entrypoints/popup/start/keeper.ts';
import { emptyDraft, type Draft } from '../../../lib/draft.ts';
import { FIRST_SCREEN_KEY } from '../../../storage/prerendered.ts';
import type { State } from '../../../lib/messages.ts';
import { DEFAULT_SETTINGS } from '../../../lib/settings.ts';
import { session } from '../factories.ts';

/*
 * What a popup keeps for the next one (entrypoints/popup/start/keeper.ts), against a storage,
 * an idle queue and a renderer the test drives: a keep that began before an event never
 * writes after it (issue 26).
 */

function draftWith(name: string): Draft {
  return {
    ...emptyDraft(DEFAULT_SETTINGS, ''),
    items: [{ name, description: '', unitPrice: '10', quantity: '1' }],
  };
}

interface Rendering {
  readonly screen: FirstScreen;
  readonly finish: () => Promise<void>;
}

/** A keeper whose renders wait for the test, with what it has stored. */
function keeperUnderTest() {
  const stored = new Map<string, string>();
  const idle: (() => void)[] = [];
  const renders: Rendering[] = [];
  const keeper = new FirstScreenKeeper(
    (screen) =>
      new Promise<string>((resolve) => {
        renders.push({
          screen,
          finish: async () => {
            resolve(`<form>${screen.draft.items[0]?.name ?? ''}</form>`);
            // Lets the keep's await and its write run.
            await new Promise((settled) => setTimeout(settled, 0));
          },
        });
      }),
    {
      storage: {
        setItem: (key, value) => stored.set(key, value),
        removeItem: (key) => stored.delete(key),
      },
      stamp: () => ({ build: '/chunks/popup-test.js', lang: 'en-US' }),
      whenIdle: (work) => idle.push(work),
    },
  );
  return {
    keeper,
    renders,
    /** Runs what waited for the popup to be idle. */
    idle: () => idle.splice(0).forEach((work) => work()),
    /** The stored first screen's draft, or null when nothing is kept. */
    keptDraft: (): Draft | null => {
      const value = stored.get(FIRST_SCREEN_KEY);
      return value === undefined ? null : (JSON.parse(value) as FirstScreen).draft;
    },
    /** Puts a first screen kept by an earlier popup. */
    keepEarlier: (draft: Draft) => stored.set(FIRST_SCREEN_KEY, JSON.stringify({ draft })),
  };
}

let state: State;

beforeEach(async () => {
  fakeBrowser.reset();
  await saveApiKey('pk_test_keeper_0001');
  state = await getState();
});

describe('the first screen a popup keeps for the next one', () => {
  it('is the form as stored, written once its render is done', async () => {
    const { keeper, renders, idle, keptDraft } = keeperUnderTest();
    keeper.rememberState(state, 'form');
    keeper.rememberStoredDraft(draftWith('Logo'));
    idle();
    expect(renders).toHaveLength(1);
    expect(keptDraft()).toBeNull();
    await renders[0]?.finish();
    expect(keptDraft()?.items[0]?.name).toBe('Logo');
  });

  it('is never written by a keep begun before Create link was pressed', async () => {
    const { keeper, renders, idle, keptDraft, keepEarlier } = keeperUnderTest();
    keepEarlier(draftWith('Earlier'));
    keeper.rememberState(state, 'form');
    keeper.rememberDraft(draftWith('Logo'));
    idle();
    // The keep has decided on the form and is rendering it: Create link is pressed now.
    keeper.rememberCreating(true);
    expect(keptDraft(), 'dropped as the create starts').toBeNull();
    await renders[0]?.finish();
    expect(keptDraft(), 'the form rendered before the create').toBeNull();
    idle();
    expect(renders).toHaveLength(1);
    expect(keptDraft()).toBeNull();
  });

  it('stays dropped when App reports the form after a create was pressed (a submit held before hydration)', async () => {
    const { keeper, renders, idle, keptDraft } = keeperUnderTest();
    keeper.rememberDraft(draftWith('Logo'));
    keeper.rememberCreating(true);
    // App's first effect, after the form's: the view is still the form.
    keeper.rememberState(state, 'form');
    idle();
    expect(renders).toHaveLength(0);
    expect(keptDraft()).toBeNull();

    // The link is made and shown: the next popup opens on a new form, the result seen.
    const made = session({ amountTotal: '10.00', currency: 'usdt' });
    keeper.rememberDraft(null);
    keeper.rememberState(
      { ...state, lastCreate: { state: 'done', requestId: 'r1', session: made, seen: true } },
      'result',
    );
    idle();
    expect(renders).toHaveLength(1);
    await renders[0]?.finish();
    expect(keptDraft()?.items[0]?.name).toBe('');
  });

  it('is the form again once the create is refused', async () => {
    const { keeper, renders, idle, keptDraft } = keeperUnderTest();
    keeper.rememberState(state, 'form');
    keeper.rememberDraft(draftWith('Logo'));
    keeper.rememberCreating(true);
    idle();
    keeper.rememberCreating(false);
    idle();
    expect(renders).toHaveLength(1);
    await renders[0]?.finish();
    expect(keptDraft()?.items[0]?.name).toBe('Logo');
  });

  it('holds the newest draft: a render overtaken by an edit writes nothing, the next one writes', async () => {
    const { keeper, renders, idle, keptDraft, keepEarlier } = keeperUnderTest();
    keepEarlier(draftWith('Earlier'));
    keeper.rememberState(state, 'form');
    keeper.rememberDraft(draftWith('Log'));
    idle();
    keeper.rememberDraft(draftWith('Logo'));
    await renders[0]?.finish();
    expect(keptDraft()?.items[0]?.name).toBe('Earlier');
    idle();
    await renders[1]?.finish();
    expect(keptDraft()?.items[0]?.name).toBe('Logo');
  });

  it('takes a draft read from storage only while the form was not edited here', () => {
    const { keeper, renders, idle } = keeperUnderTest();
    keeper.rememberState(state, 'form');
    expect(keeper.draftEdited()).toBe(false);
    keeper.rememberDraft(draftWith('Typed before the load'));
    keeper.rememberStoredDraft(draftWith('Stored'));
    expect(keeper.draftEdited()).toBe(true);
    idle();
    expect(renders[0]?.screen.draft.items[0]?.name).toBe('Typed before the load');
  });
});
