import { StrictMode } from 'react';
import { DEFAULT_SETTINGS } from '../../lib/settings.ts';
import { CreatePanel } from './CreatePanel.tsx';
import { AppBar } from './header/AppBar.tsx';
import { panelId, tabId } from './header/PopupTabs.tsx';
import { HistoryView } from './history/HistoryView.tsx';
import type { Loaded } from './load.ts';
import type { FirstScreen } from './start/first-screen.ts';
import { FirstScreenContext, NO_KEEPER, type FirstScreenMemory } from './start/keeper.ts';
import { usePopup } from './usePopup.ts';

// start/ and its tests read the first load from here.
export { load, type Loaded } from './load.ts';

interface PopupRootProps {
  /** A first screen: rendered from it (render-first-screen.tsx), or hydrated (with firstLoad). */
  screen?: FirstScreen;
  loaded?: Loaded;
  firstLoad?: Promise<Loaded>;
  /** What keeps the next popup's first screen (start.tsx); none when rendered to HTML. */
  keeper?: FirstScreenMemory;
}

/** The popup's React tree, the same whether rendered to HTML, hydrated or mounted. */
export function PopupRoot({ screen, loaded, firstLoad, keeper = NO_KEEPER }: PopupRootProps) {
  const drawn: Loaded | undefined = screen && {
    state: screen.state,
    view: { kind: 'form', draft: screen.draft, error: null },
  };
  return (
    <StrictMode>
      <FirstScreenContext value={keeper}>
        <App
          loaded={drawn ?? loaded}
          firstLoad={firstLoad}
          hydrated={drawn !== undefined && firstLoad !== undefined}
        />
      </FirstScreenContext>
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

/** The popup: its bar, and the New link and History tabs (usePopup says what they show). */
export function App({ loaded, firstLoad, hydrated = false }: AppProps) {
  const { popup, ...actions } = usePopup({ loaded, firstLoad, hydrated });
  const { state, tab, historyOpened } = popup;
  const settings = state?.settings ?? DEFAULT_SETTINGS;
  return (
    <div className={tab === 'history' ? 'app app--history' : 'app'}>
      <AppBar
        tab={tab}
        historyOpened={historyOpened}
        state={state}
        switching={popup.switching}
        onSelectTab={actions.selectTab}
        onActivateTab={actions.activateTab}
        onSwitchProfile={actions.switchProfile}
      />
      <main className="app-main">
        <div
          role="tabpanel"
          id={panelId('create')}
          aria-labelledby={tabId('create')}
          className="tab-panel"
          hidden={tab !== 'create'}
        >
          <CreatePanel popup={popup} actions={actions} hydrated={hydrated} />
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
              reminderTemplate={settings.reminderTemplate}
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
