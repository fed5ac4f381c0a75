import { StrictMode, useCallback, useEffect, useState } from 'react';
import { copyText } from '../../components/CopyButton.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import type { Draft } from '../../lib/draft.ts';
import type { SessionRecord } from '../../lib/history.ts';
import { t } from '../../lib/i18n.ts';
import type { LastCreate, State } from '../../lib/messages.ts';
import { DEFAULT_SETTINGS } from '../../lib/settings.ts';
import { draftFrom, draftItem, prefillFrom, readDraft } from '../../storage/draft.ts';
import { ask, checkedAnswer, noAnswerMessage } from '../../utils/ask.ts';
import { openSettings } from '../../utils/navigation.ts';
import { CreateForm } from './form/CreateForm.tsx';
import { askFirst, type FirstAnswers } from './start/first-load.ts';
import {
  draftEdited,
  rememberDraft,
  rememberState,
  rememberStoredDraft,
  sameDraft,
  type FirstScreen,
} from './start/first-screen.ts';
import { formErrorFrom } from './form/form-error.ts';
import { takePrefill } from './form/prefill.ts';
import { HistoryView } from './history/HistoryView.tsx';
import { NoKey } from './key/NoKey.tsx';
import { PendingView } from './result/PendingView.tsx';
import { ResultView } from './result/ResultView.tsx';
import { Unlock } from './key/Unlock.tsx';
import {
  draftAfterSwitch,
  profileChangedElsewhere,
  rememberShownProfile,
  switchNotice,
  viewAfterSwitch,
} from './header/profile-switch.ts';
import { ProfileSwitch } from './header/ProfileSwitch.tsx';
import { panelId, PopupTabs, tabId, type Tab } from './header/PopupTabs.tsx';
import { dismiss } from './form/submit.ts';
import { totalText } from './history/history-text.ts';
import {
  afterInvoice,
  formSettings,
  freshDraft,
  initialView,
  liveQuestion,
  type View,
} from './view.ts';

/**
 * Asks the background to re-check open links it has not checked lately, so History is
 * current when opened. Not awaited: the form must not wait for Payfect.
 */
function refreshStaleStatuses(): void {
  ask({ type: 'refreshStatuses', staleOnly: true }).catch((error: unknown) => {
    console.warn('Could not refresh the statuses', error);
  });
}

/** When the popup's form first takes input from React (`npm run bench` reads the mark). */
function markReady(): void {
  if (performance.getEntriesByName('popup-ready').length > 0) return;
  performance.mark('popup-ready');
}

export interface Loaded {
  readonly state: State | null;
  readonly view: View;
}

/**
 * The state, the stored draft and any selected text: what the popup needs to show its form,
 * from answers already asked for (the first time by the entry script: first-load.ts), checked
 * here.
 */
export async function load(first: FirstAnswers = askFirst()): Promise<Loaded> {
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
    const view = takePrefill(shown, prefill, formSettings(state));
    // Selected text changed the stored draft; else it is the stored one, unless typed over.
    if (prefill && view.kind === 'form') rememberDraft(view.draft);
    else rememberStoredDraft(storedDraft);
    // A failure from an earlier popup is now shown on the form; once is enough.
    if (state.lastCreate?.state === 'failed') dismiss(state.lastCreate.requestId);
    return { state, view };
  } catch (error) {
    console.error(error);
    return { state: null, view: { kind: 'unreachable' } };
  }
}

function clearDraft(): void {
  rememberDraft(null);
  draftItem.setValue(null).catch((error: unknown) => {
    console.error('Could not clear the draft', error);
  });
}

/**
 * Whether the form hydrated from a first screen (first-screen.ts) stays when the state and
 * draft come in: unless the popup opens on something else, or on a form the draft drawn is
 * not (selected text added to it, or a draft saved after the first screen was kept, by a
 * popup closed before it kept a new one) and nobody has typed into the drawn one yet.
 */
function keepsDrawnForm(drawn: View, loaded: View): boolean {
  if (drawn.kind !== 'form' || loaded.kind !== 'form') return false;
  if (loaded.error !== null || loaded.notice !== undefined) return false;
  return sameDraft(loaded.draft, drawn.draft) || draftEdited();
}

interface PopupRootProps {
  /** A first screen: rendered from it (render-first-screen.tsx), or hydrated (with firstLoad). */
  screen?: FirstScreen;
  loaded?: Loaded;
  firstLoad?: Promise<Loaded>;
}

/** The popup's React tree, the same whether rendered to HTML, hydrated or mounted. */
export function PopupRoot({ screen, loaded, firstLoad }: PopupRootProps) {
  const drawn: Loaded | undefined = screen && {
    state: screen.state,
    view: { kind: 'form', draft: screen.draft, error: null },
  };
  return (
    <StrictMode>
      <App
        loaded={drawn ?? loaded}
        firstLoad={firstLoad}
        hydrated={drawn !== undefined && firstLoad !== undefined}
      />
    </StrictMode>
  );
}

interface AppProps {
  /**
   * The first load, when it settled before React mounted, or the first screen hydrated: the
   * first render shows its view.
   */
  loaded?: Loaded;
  /**
   * Else the first load still under way, started by start.tsx before React mounts, so the
   * answers travel while React renders instead of after; "Try again" loads anew.
   */
  firstLoad?: Promise<Loaded>;
  /** `loaded` is a first screen being hydrated; `firstLoad` brings the state as it is now. */
  hydrated?: boolean;
}

export function App({ loaded: firstLoaded, firstLoad, hydrated = false }: AppProps) {
  const [state, setState] = useState<State | null>(firstLoaded?.state ?? null);
  const [view, setView] = useState<View>(firstLoaded?.view ?? { kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [tab, setTab] = useState<Tab>('create');
  // History is read only once its tab is first opened: the popup opens as fast with
  // 10,000 links as with none. It then stays mounted, keeping its search and scroll.
  const [historyOpened, setHistoryOpened] = useState(false);
  const settings = state?.settings ?? DEFAULT_SETTINGS;
  // The last link made, once seen: a new form offers it again ("Last link").
  const last = state?.lastCreate?.state === 'done' ? state.lastCreate : null;
  // A new CreateForm after a profile switch, since it reads its draft only when it mounts.
  const [formKey, setFormKey] = useState(0);
  const [switching, setSwitching] = useState(false);

  useEffect(() => {
    if (view.kind !== 'loading') markReady();
  }, [view.kind]);

  // What the next popup opens on, prerendered (first-screen.ts).
  useEffect(() => {
    rememberState(state, view.kind);
  }, [state, view.kind]);

  // A result on screen is seen: the next popup opens on a new form.
  const shownRequest = view.kind === 'result' ? view.requestId : null;
  useEffect(() => {
    if (shownRequest !== null) dismiss(shownRequest);
  }, [shownRequest]);

  useEffect(() => {
    if (attempt === 0 && firstLoaded && !hydrated) return;
    let live = true;
    void (attempt === 0 && firstLoad ? firstLoad : load()).then((loaded) => {
      if (!live) return;
      setState(loaded.state);
      if (attempt === 0 && firstLoaded && hydrated) {
        if (keepsDrawnForm(firstLoaded.view, loaded.view)) return;
        setFormKey((key) => key + 1);
      }
      setView(loaded.view);
    });
    return () => {
      live = false;
    };
  }, [attempt, firstLoad, firstLoaded, hydrated]);

  const showCreated = useCallback(async (requestId: string, session: SessionRecord) => {
    // Copied before the view changes, as close to the click as possible: browsers allow
    // clipboard writes only shortly after a user action.
    const copied = await copyText(session.url);
    clearDraft();
    // As the background now has them: the last link, and its currency and network as the
    // profile's choice for the next form (lib/form-choice.ts).
    setState(
      (current) =>
        current && {
          ...current,
          lastCreate: { state: 'done', requestId, session, seen: true },
          // Its invoice number is taken: the next form's Reference shows the one after.
          settings: afterInvoice(current.settings, session),
          // As the background learns it: a test link says the key is a test one, a live link
          // that the first-live-link question was had.
          key: {
            ...current.key,
            mode: session.isLivemode ? 'live' : 'test',
            ...(session.isLivemode ? { liveLinkMade: true } : {}),
          },
          formChoice: {
            currency: session.itemsCurrency ?? session.currency.toLowerCase(),
            network: session.network,
            defaults: { currency: current.settings.currency, network: current.settings.network },
          },
        },
    );
    setView({ kind: 'result', requestId, session, autoCopy: copied ? 'copied' : 'failed' });
  }, []);

  const showPending = useCallback((requestId: string, startedAt: number, draft: Draft) => {
    setView({ kind: 'pending', requestId, startedAt, draft });
  }, []);

  const pendingSettled = useCallback(
    (outcome: Exclude<LastCreate, { state: 'pending' }> | null) => {
      if (view.kind !== 'pending') return;
      if (outcome?.state === 'done') {
        void showCreated(outcome.requestId, outcome.session);
        return;
      }
      if (outcome?.state === 'failed') dismiss(outcome.requestId);
      setView({
        kind: 'form',
        draft: view.draft,
        error: outcome ? formErrorFrom(outcome.error) : null,
      });
    },
    [view, showCreated],
  );

  function newLink() {
    clearDraft();
    setView({
      kind: 'form',
      draft: freshDraft(state ? formSettings(state) : settings),
      error: null,
    });
  }

  /** "Last link" on a new form: the result again, one click away. */
  function showLast() {
    if (last === null) return;
    setView({ kind: 'result', requestId: last.requestId, session: last.session, autoCopy: 'none' });
  }

  function selectTab(next: Tab) {
    setTab(next);
    if (next === 'history') setHistoryOpened(true);
  }

  /** A click on a tab; "New link" on a finished result starts a new, empty form. */
  function activateTab(next: Tab) {
    if (next === 'create' && view.kind === 'result') newLink();
    selectTab(next);
  }

  /** Another profile: its key and defaults, with what was typed carried over. */
  async function switchProfile(profileId: string) {
    if (state === null || switching) return;
    setSwitching(true);
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
      setState(next);
      setView((current) => viewAfterSwitch(current, next, draft, notice));
      setFormKey((key) => key + 1);
    } catch (error) {
      console.error('Could not switch the profile', error);
    } finally {
      setSwitching(false);
    }
  }

  function retry() {
    setView({ kind: 'loading' });
    setAttempt((count) => count + 1);
  }

  return (
    <div className={tab === 'history' ? 'app app--history' : 'app'}>
      <header className="app-header">
        {/* One line: the tabs, the profile in use and Settings. The product's name is for
            screen readers; the popup's height is for the form. */}
        <div className="app-bar">
          <h1 className="visually-hidden">{t('extName')}</h1>
          <span className="logo" aria-hidden="true" />
          <PopupTabs
            selected={tab}
            onSelect={selectTab}
            onActivate={activateTab}
            hasPanel={(candidate) => candidate === 'create' || historyOpened}
          />
          {state !== null && state.key.mode !== 'unknown' && (
            <span
              className={`mode-badge mode-badge--${state.key.mode}`}
              title={
                state.key.mode === 'live' ? t('popup.live.badgeLive') : t('popup.live.badgeTest')
              }
            >
              {state.key.mode === 'live' ? t('popup.live.live') : t('popup.live.test')}
            </span>
          )}
          {state !== null && (
            <ProfileSwitch
              profiles={state.profiles}
              activeProfileId={state.activeProfileId}
              disabled={switching}
              onSwitch={(profileId) => void switchProfile(profileId)}
            />
          )}
          <button
            type="button"
            className="icon-button"
            onClick={openSettings}
            aria-label={t('common.settings')}
            title={t('common.settings')}
          >
            <GearIcon />
          </button>
        </div>
      </header>
      <main className="app-main">
        <div
          role="tabpanel"
          id={panelId('create')}
          aria-labelledby={tabId('create')}
          className="tab-panel"
          hidden={tab !== 'create'}
        >
          {view.kind === 'loading' && (
            <p className="loading" aria-busy="true">
              {t('common.loading')}
            </p>
          )}
          {view.kind === 'unreachable' && (
            <div className="unreachable">
              <StatusMessage tone="error">{noAnswerMessage()}</StatusMessage>
              <button type="button" className="button" onClick={retry}>
                {t('common.tryAgain')}
              </button>
            </div>
          )}
          {view.kind === 'noKey' && <NoKey />}
          {view.kind === 'locked' && <Unlock onUnlocked={retry} />}
          {view.kind === 'form' && (
            <CreateForm
              key={formKey}
              profileId={state?.activeProfileId}
              settings={settings}
              initialDraft={view.draft}
              initialError={view.error}
              initialNotice={view.notice}
              onCreated={showCreated}
              onPending={showPending}
              lastLink={last ? { total: totalText(last.session), onShow: showLast } : undefined}
              liveQuestion={state ? liveQuestion(state.key, settings.baseUrl) : undefined}
              hydrated={hydrated && formKey === 0}
            />
          )}
          {view.kind === 'pending' && (
            <PendingView
              requestId={view.requestId}
              startedAt={view.startedAt}
              onSettled={pendingSettled}
            />
          )}
          {view.kind === 'result' && (
            <ResultView
              session={view.session}
              messageTemplate={settings.messageTemplate}
              autoCopy={view.autoCopy}
            />
          )}
        </div>
        {historyOpened && (
          <div
            role="tabpanel"
            id={panelId('history')}
            aria-labelledby={tabId('history')}
            className="tab-panel"
            hidden={tab !== 'history'}
          >
            <HistoryView
              messageTemplate={settings.messageTemplate}
              reminderMinutes={settings.reminderMinutes}
              shown={tab === 'history'}
              profiles={state?.profiles}
            />
          </div>
        )}
      </main>
    </div>
  );
}

function GearIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M19.14 12.94a7.49 7.49 0 0 0 .05-.94 7.49 7.49 0 0 0-.05-.94l2.03-1.58a.5.5 0 0 0 .12-.64l-1.92-3.32a.5.5 0 0 0-.6-.22l-2.39.96a7.03 7.03 0 0 0-1.63-.94l-.36-2.54a.5.5 0 0 0-.5-.42h-3.84a.5.5 0 0 0-.49.42l-.36 2.54a7.03 7.03 0 0 0-1.63.94l-2.39-.96a.5.5 0 0 0-.6.22L2.66 8.84a.5.5 0 0 0 .12.64l2.03 1.58a7.49 7.49 0 0 0 0 1.88l-2.03 1.58a.5.5 0 0 0-.12.64l1.92 3.32c.13.22.39.31.6.22l2.39-.96c.5.39 1.05.7 1.63.94l.36 2.54c.04.24.25.42.49.42h3.84c.25 0 .45-.18.49-.42l.36-2.54c.58-.24 1.13-.55 1.63-.94l2.39.96c.22.09.47 0 .6-.22l1.92-3.32a.5.5 0 0 0-.12-.64l-2.03-1.58ZM12 15.5A3.5 3.5 0 1 1 12 8.5a3.5 3.5 0 0 1 0 7Z"
      />
    </svg>
  );
}
