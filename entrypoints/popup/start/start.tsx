import '../../../utils/ui-language.ts';
import { flushSync } from 'react-dom';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { t, uiLocale } from '../../../lib/i18n.ts';
import { load, PopupRoot, type Loaded } from '../App.tsx';
import type { FirstAnswers } from './first-load.ts';
import { drawnFirstScreen } from './first-screen.ts';
import { FirstScreenKeeper } from './keeper.ts';

/*
 * A first screen drawn by popup-boot (first-screen.ts) is hydrated at once, from the state
 * and draft it was rendered from; the answers asked for meanwhile update it. Without one,
 * React mounts once the state, the draft and any selected text are in: the first render is
 * then the form (or the no-key, locked or pending view) itself, not "Loading…" and a second
 * render. An answer slower than MOUNT_WAIT_MS (a worker starting cold, a busy machine)
 * mounts with "Loading…" instead.
 */
const MOUNT_WAIT_MS = 100;

export function start(first: FirstAnswers): void {
  // The page speaks the browser's UI language (screen readers' voice, CJK fonts, hyphenation).
  document.documentElement.lang = uiLocale();
  document.title = t('extName');
  // One per popup page: what it keeps for the next popup (keeper.ts).
  const keeper = new FirstScreenKeeper((screen) =>
    import('./render-first-screen.tsx').then((module) => module.renderFirstScreen(screen)),
  );

  const root = document.getElementById('root');
  const drawn = root && drawnFirstScreen(root);
  // Selected text waits for the hydrated form: it goes with what is typed into it meanwhile.
  const firstLoad = load(first, keeper, drawn !== null);
  if (!root) return;
  if (drawn) {
    hydrateRoot(root, <PopupRoot screen={drawn} firstLoad={firstLoad} keeper={keeper} />);
    return;
  }

  let mounted = false;
  function mount(props: { loaded: Loaded } | { firstLoad: Promise<Loaded> }): void {
    if (mounted || !root) return;
    mounted = true;
    const reactRoot = createRoot(root);
    // Rendered now rather than in a scheduler task: nothing else waits, and under load that
    // task came several milliseconds later (bench:profile --trace).
    flushSync(() => {
      reactRoot.render(<PopupRoot {...props} keeper={keeper} />);
    });
  }

  void firstLoad.then((loaded) => mount({ loaded }));
  setTimeout(() => mount({ firstLoad }), MOUNT_WAIT_MS);
}
