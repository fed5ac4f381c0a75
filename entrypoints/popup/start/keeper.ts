import { createContext, useContext } from 'react';
import type { Draft } from '../../../lib/draft.ts';
import {
  FIRST_SCREEN_KEY,
  popupBuild,
  type FirstScreenStamp,
} from '../../../storage/prerendered.ts';
import { uiLocale } from '../../../lib/i18n.ts';
import type { State } from '../../../lib/messages.ts';
import type { View } from '../view.ts';
import { nextFirstScreen, type FirstScreen } from './first-screen.ts';

/** The first screen as HTML (render-first-screen.tsx, loaded on first use). */
export type Render = (screen: FirstScreen) => Promise<string>;

/** Where a keeper writes and when it works: the popup page's, or a test's. */
export interface KeeperPlace {
  readonly storage: Pick<Storage, 'setItem' | 'removeItem'>;
  /** This build and UI language, as popup-boot will check them (storage/prerendered.ts). */
  readonly stamp: () => FirstScreenStamp;
  /** Runs `work` once the popup is idle: rendering must not delay a keystroke. */
  readonly whenIdle: (work: () => void) => void;
}

/** What the popup's screens tell the keeper (App, CreateForm, useDraft). */
export interface FirstScreenMemory {
  rememberState(next: State | null, view: View['kind']): void;
  rememberDraft(next: Draft | null): void;
  rememberStoredDraft(stored: Draft | null): void;
  rememberCreating(creating: boolean): void;
  draftEdited(): boolean;
  editedDraft(): Draft | null | undefined;
}

export function pagePlace(): KeeperPlace {
  return {
    storage: localStorage,
    stamp: () => ({ build: popupBuild(document), lang: uiLocale() }),
    whenIdle: (work) => {
      if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout: 1000 });
      else setTimeout(work, 50);
    },
  };
}

/**
 * Keeps, for the next popup, the form it will open on (first-screen.ts), one per popup page.
 * Every event it is told of is a new generation; a keep renders for the generation it began
 * in and writes only if no event came meanwhile, so a keep begun before Create link was
 * pressed never lands after it (issue 26). The later event has scheduled its own keep, which
 * decides again from what is known then.
 */
export class FirstScreenKeeper implements FirstScreenMemory {
  readonly #render: Render;
  readonly #place: KeeperPlace;
  #state: State | null = null;
  #showing: View['kind'] = 'loading';
  /** Create link pressed and not yet refused: whatever App last showed, the form is leaving. */
  #creating = false;
  /** The draft as stored (null: none, the next form starts empty). */
  #draft: Draft | null = null;
  #edited = false;
  #scheduled = false;
  #generation = 0;

  constructor(render: Render, place: KeeperPlace = pagePlace()) {
    this.#render = render;
    this.#place = place;
  }

  /** The state and the view on screen now (App.tsx). */
  rememberState(next: State | null, view: View['kind']): void {
    this.#state = next;
    this.#showing = view;
    // The create has reached the view (pending, result): from now on the view says it.
    if (view !== 'form') this.#creating = false;
    this.#changed();
  }

  /** The draft as now stored (every edit, and null once cleared). */
  rememberDraft(next: Draft | null): void {
    this.#draft = next;
    this.#edited = true;
    this.#changed();
  }

  /**
   * The draft as the popup's load read it from storage. An edit made since (typing adopted at
   * hydration, before the load's answers came) is newer and stays.
   */
  rememberStoredDraft(stored: Draft | null): void {
    if (this.#edited) return;
    this.#draft = stored;
    this.#changed();
  }

  /**
   * A create is under way (true): the next popup may open on it, pending or with its result,
   * so no form is kept, dropped at once since the popup may close now. It holds until App
   * shows something else than the form, even if App reports the form first (a submit held
   * by popup-boot is pressed before App's first effect). Refused (false): the form stays,
   * and the next popup opens on it again.
   */
  rememberCreating(creating: boolean): void {
    this.#creating = creating;
    if (creating) this.#forget();
    this.#changed();
  }

  /**
   * Whether the form was edited in this popup (typing adopted at hydration, any edit since):
   * a draft read from storage is then older than what the form holds.
   */
  draftEdited(): boolean {
    return this.#edited;
  }

  /** The draft as this popup last stored it (null: cleared), or undefined if not edited here. */
  editedDraft(): Draft | null | undefined {
    return this.#edited ? this.#draft : undefined;
  }

  #changed(): void {
    this.#generation += 1;
    if (this.#scheduled) return;
    this.#scheduled = true;
    this.#place.whenIdle(() => {
      this.#scheduled = false;
      this.#keep().catch((error: unknown) => {
        this.#forget();
        console.warn('Could not prepare the next popup', error);
      });
    });
  }

  async #keep(): Promise<void> {
    const generation = this.#generation;
    const onScreen = this.#creating ? 'pending' : this.#showing;
    const screen = nextFirstScreen(this.#state, onScreen, this.#draft);
    if (!screen) {
      this.#forget();
      return;
    }
    const html = await this.#render(screen);
    if (generation !== this.#generation) return;
    this.#place.storage.setItem(
      FIRST_SCREEN_KEY,
      JSON.stringify({ ...this.#place.stamp(), html, ...screen }),
    );
  }

  #forget(): void {
    try {
      this.#place.storage.removeItem(FIRST_SCREEN_KEY);
    } catch {
      // Storage unavailable: nothing is kept either.
    }
  }
}

/** Told nothing and keeps nothing: a tree rendered to HTML, or without a keeper. */
export const NO_KEEPER: FirstScreenMemory = {
  rememberState: () => undefined,
  rememberDraft: () => undefined,
  rememberStoredDraft: () => undefined,
  rememberCreating: () => undefined,
  draftEdited: () => false,
  editedDraft: () => undefined,
};

/** The popup's keeper, given by start.tsx through PopupRoot. */
export const FirstScreenContext = createContext<FirstScreenMemory>(NO_KEEPER);

export function useFirstScreen(): FirstScreenMemory {
  return useContext(FirstScreenContext);
}
