import type { Draft } from '../../lib/draft.ts';
import type { SessionRecord } from '../../lib/history.ts';
import type { State } from '../../lib/messages.ts';
import { DEFAULT_SETTINGS } from '../../lib/settings.ts';
import type { FormError } from './form/form-error.ts';
import { viewAfterSwitch } from './header/profile-switch.ts';
import type { Tab } from './header/PopupTabs.tsx';
import { afterInvoice, formSettings, freshDraft, type View } from './view.ts';

/* The popup's orchestration as pure data: what each event (a load, a create, a tab, a profile
   switch) does to what is on screen. Storage, messages and focus stay in usePopup.ts. */

/** Everything the popup shows, as one value: App renders it, usePopup changes it. */
export interface Popup {
  readonly state: State | null;
  readonly view: View;
  /** Loads asked for: "Try again" and a refused profile switch load anew. */
  readonly attempt: number;
  readonly tab: Tab;
  /**
   * History is read only once its tab is first opened: the popup opens as fast with 10,000
   * links as with none. It then stays mounted, keeping its search and scroll.
   */
  readonly historyOpened: boolean;
  /** A new CreateForm after a profile switch, since it reads its draft only when it mounts. */
  readonly formKey: number;
  readonly switching: boolean;
}

export type PopupAction =
  /**
   * A load came in. `hydration` for the first one under a hydrated first screen: 'kept' when
   * the drawn form stays (only the state is taken), 'replaced' when it is drawn anew.
   */
  | {
      readonly type: 'loaded';
      readonly state: State | null;
      readonly view: View;
      readonly hydration?: 'kept' | 'replaced';
    }
  | { readonly type: 'retry' }
  | {
      readonly type: 'created';
      readonly requestId: string;
      readonly session: SessionRecord;
      readonly copied: boolean;
    }
  | {
      readonly type: 'pending';
      readonly requestId: string;
      readonly startedAt: number;
      readonly draft: Draft;
    }
  /** The create under way ended without a link: back to its form, with its error if any. */
  | { readonly type: 'pendingFailed'; readonly error: FormError | null }
  | { readonly type: 'showLast' }
  /** Arrow keys on the tabs: the tab only. */
  | { readonly type: 'selectTab'; readonly tab: Tab }
  /** A click on a tab: "New link" on a finished result also starts a new form. */
  | { readonly type: 'activateTab'; readonly tab: Tab }
  | { readonly type: 'switching'; readonly switching: boolean }
  /** Another profile is in use: its state, and the draft carried over with its notice. */
  | {
      readonly type: 'switched';
      readonly state: State;
      readonly draft: Draft;
      readonly notice: string | undefined;
    };

/** The popup before anything is loaded, or with what was loaded before React mounted. */
export function initialPopup(loaded?: { state: State | null; view: View }): Popup {
  return {
    state: loaded?.state ?? null,
    view: loaded?.view ?? { kind: 'loading' },
    attempt: 0,
    tab: 'create',
    historyOpened: false,
    formKey: 0,
    switching: false,
  };
}

/** The last link made, once seen: a new form offers it again ("Last link"). */
export function lastLink(state: State | null) {
  return state?.lastCreate?.state === 'done' ? state.lastCreate : null;
}

/**
 * The state as the background has it once `session` was made: the last link, its currency
 * and network as the profile's choice for the next form (lib/form-choice.ts), its invoice
 * number taken, and what the link says of the key (a test link: a test key; a live link: the
 * first-live-link question was had).
 */
export function stateAfterCreate(state: State, requestId: string, session: SessionRecord): State {
  return {
    ...state,
    lastCreate: { state: 'done', requestId, session, seen: true },
    settings: afterInvoice(state.settings, session),
    key: {
      ...state.key,
      mode: session.isLivemode ? 'live' : 'test',
      ...(session.isLivemode ? { liveLinkMade: true } : {}),
    },
    formChoice: {
      currency: session.itemsCurrency ?? session.currency.toLowerCase(),
      network: session.network,
      defaults: { currency: state.settings.currency, network: state.settings.network },
    },
  };
}

function newForm(popup: Popup): Popup {
  const settings = popup.state ? formSettings(popup.state) : DEFAULT_SETTINGS;
  return { ...popup, view: { kind: 'form', draft: freshDraft(settings), error: null } };
}

function withTab(popup: Popup, tab: Tab): Popup {
  return { ...popup, tab, historyOpened: popup.historyOpened || tab === 'history' };
}

export function popupReducer(popup: Popup, action: PopupAction): Popup {
  switch (action.type) {
    case 'loaded':
      if (action.hydration === 'kept') return { ...popup, state: action.state };
      return {
        ...popup,
        state: action.state,
        view: action.view,
        formKey: action.hydration === 'replaced' ? popup.formKey + 1 : popup.formKey,
      };
    case 'retry':
      return { ...popup, view: { kind: 'loading' }, attempt: popup.attempt + 1 };
    case 'created': {
      const { requestId, session } = action;
      return {
        ...popup,
        state: popup.state && stateAfterCreate(popup.state, requestId, session),
        view: { kind: 'result', requestId, session, autoCopy: action.copied ? 'copied' : 'failed' },
      };
    }
    case 'pending':
      return {
        ...popup,
        view: {
          kind: 'pending',
          requestId: action.requestId,
          startedAt: action.startedAt,
          draft: action.draft,
        },
      };
    case 'pendingFailed':
      if (popup.view.kind !== 'pending') return popup;
      return { ...popup, view: { kind: 'form', draft: popup.view.draft, error: action.error } };
    case 'showLast': {
      const last = lastLink(popup.state);
      if (last === null) return popup;
      return {
        ...popup,
        view: {
          kind: 'result',
          requestId: last.requestId,
          session: last.session,
          autoCopy: 'none',
        },
      };
    }
    case 'selectTab':
      return withTab(popup, action.tab);
    case 'activateTab':
      return withTab(
        action.tab === 'create' && popup.view.kind === 'result' ? newForm(popup) : popup,
        action.tab,
      );
    case 'switching':
      return { ...popup, switching: action.switching };
    case 'switched':
      return {
        ...popup,
        state: action.state,
        view: viewAfterSwitch(popup.view, action.state, action.draft, action.notice),
        formKey: popup.formKey + 1,
      };
  }
}
