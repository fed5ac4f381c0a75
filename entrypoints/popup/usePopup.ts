import { useCallback, useEffect, useReducer } from 'react';
import { copyText } from '../../components/CopyButton.tsx';
import type { Draft } from '../../lib/draft.ts';
import type { SessionRecord } from '../../lib/history.ts';
import type { LastCreate } from '../../lib/messages.ts';
import { draftItem, readDraft } from '../../storage/draft.ts';
import { ask } from '../../utils/ask.ts';
import { formErrorFrom } from './form/form-error.ts';
import { dismiss } from './form/submit.ts';
import { draftAfterSwitch, rememberShownProfile, switchNotice } from './header/profile-switch.ts';
import type { Tab } from './header/PopupTabs.tsx';
import { keepsDrawnForm, load, type Loaded } from './load.ts';
import { initialPopup, popupReducer, type Popup, type PopupAction } from './popup-reducer.ts';
import { askFirst } from './start/first-load.ts';
import { useFirstScreen, type FirstScreenMemory } from './start/keeper.ts';
import { addLatePrefill } from './start/late-prefill.ts';
import { formSettings } from './view.ts';

/** When the popup's form first takes input from React (`npm run bench` reads the mark). */
function markReady(): void {
  if (performance.getEntriesByName('popup-ready').length > 0) return;
  performance.mark('popup-ready');
}

function clearDraft(memory: FirstScreenMemory): void {
  memory.rememberDraft(null);
  draftItem.setValue(null).catch((error: unknown) => {
    console.error('Could not clear the draft', error);
  });
}

export interface PopupLoad {
  /** The first load, settled before React mounted, or the first screen being hydrated. */
  loaded?: Loaded | undefined;
  /** Else the first load still under way (start.tsx); "Try again" loads anew. */
  firstLoad?: Promise<Loaded> | undefined;
  /** `loaded` is a first screen being hydrated; `firstLoad` brings the state as it is now. */
  hydrated: boolean;
}

/** Loads (again), and what the next popup opens on and what this one has seen. */
function usePopupEffects(
  popup: Popup,
  dispatch: (action: PopupAction) => void,
  first: PopupLoad,
  firstScreen: FirstScreenMemory,
) {
  const { state, view, attempt } = popup;
  const { loaded: firstLoaded, firstLoad, hydrated } = first;

  useEffect(() => {
    if (view.kind !== 'loading') markReady();
  }, [view.kind]);

  // What the next popup opens on, prerendered (first-screen.ts).
  useEffect(() => {
    firstScreen.rememberState(state, view.kind);
  }, [firstScreen, state, view.kind]);

  // A result on screen is seen: the next popup opens on a new form.
  const shownRequest = view.kind === 'result' ? view.requestId : null;
  useEffect(() => {
    if (shownRequest !== null) dismiss(shownRequest);
  }, [shownRequest]);

  useEffect(() => {
    if (attempt === 0 && firstLoaded && !hydrated) return;
    let live = true;
    const loading = attempt === 0 && firstLoad ? firstLoad : load(askFirst(), firstScreen);
    void loading.then((loaded) => {
      if (!live) return;
      // Selected text held back while a first screen hydrated is added to what was typed.
      const view = addLatePrefill(loaded, firstScreen);
      const hydration =
        attempt === 0 && firstLoaded && hydrated
          ? keepsDrawnForm(firstLoaded.view, view, firstScreen)
            ? 'kept'
            : 'replaced'
          : undefined;
      dispatch({ type: 'loaded', state: loaded.state, view, ...(hydration ? { hydration } : {}) });
    });
    return () => {
      live = false;
    };
  }, [attempt, firstLoad, firstLoaded, hydrated, dispatch, firstScreen]);
}

/**
 * The popup's orchestration: popup-reducer.ts says what each event shows; this hook does
 * what comes with it (storage, messages to the background, the clipboard).
 */
export function usePopup(first: PopupLoad) {
  const [popup, dispatch] = useReducer(popupReducer, first.loaded, initialPopup);
  const firstScreen = useFirstScreen();
  usePopupEffects(popup, dispatch, first, firstScreen);
  const { state, view, switching } = popup;

  const showCreated = useCallback(
    async (requestId: string, session: SessionRecord) => {
      // Copied before the view changes, as close to the click as possible: browsers allow
      // clipboard writes only shortly after a user action.
      const copied = await copyText(session.url);
      clearDraft(firstScreen);
      dispatch({ type: 'created', requestId, session, copied });
    },
    [firstScreen],
  );

  const showPending = useCallback((requestId: string, startedAt: number, draft: Draft) => {
    dispatch({ type: 'pending', requestId, startedAt, draft });
  }, []);

  const pendingSettled = useCallback(
    (outcome: Exclude<LastCreate, { state: 'pending' }> | null) => {
      if (view.kind !== 'pending') return;
      if (outcome?.state === 'done') {
        void showCreated(outcome.requestId, outcome.session);
        return;
      }
      if (outcome?.state === 'failed') dismiss(outcome.requestId);
      dispatch({ type: 'pendingFailed', error: outcome ? formErrorFrom(outcome.error) : null });
    },
    [view, showCreated],
  );

  function retry() {
    dispatch({ type: 'retry' });
  }

  /** Another profile: its key and defaults, with what was typed carried over. */
  async function switchProfile(profileId: string) {
    if (state === null || switching) return;
    dispatch({ type: 'switching', switching: true });
    try {
      const answer = await ask({ type: 'switchProfile', profileId });
      if (!answer.ok) {
        // Deleted in another window, most likely: draw what there is now.
        retry();
        return;
      }
      const next = answer.state;
      rememberShownProfile(next.activeProfileId);
      const stored = await readDraft();
      const draft = draftAfterSwitch(stored, formSettings(state), formSettings(next));
      const name = next.profiles.find((profile) => profile.id === next.activeProfileId)?.name;
      const notice = switchNotice(stored, formSettings(state), formSettings(next), name ?? '');
      // Kept for the next popup too, with the new profile's defaults.
      if (stored !== null) await draftItem.setValue(draft);
      dispatch({ type: 'switched', state: next, draft, notice });
    } catch (error) {
      console.error('Could not switch the profile', error);
    } finally {
      dispatch({ type: 'switching', switching: false });
    }
  }

  return {
    popup,
    showCreated,
    showPending,
    pendingSettled,
    retry,
    showLast: () => dispatch({ type: 'showLast' }),
    selectTab: (tab: Tab) => dispatch({ type: 'selectTab', tab }),
    /** A click on a tab; "New link" on a finished result starts a new, empty form. */
    activateTab(tab: Tab) {
      if (tab === 'create' && view.kind === 'result') clearDraft(firstScreen);
      dispatch({ type: 'activateTab', tab });
    },
    switchProfile: (profileId: string) => void switchProfile(profileId),
  };
}
