import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { t, uiLocale } from '../../lib/i18n.ts';
import { App, load, type Loaded } from './App.tsx';
import type { FirstAnswers } from './first-load.ts';

/*
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

  const firstLoad = load(first);
  const root = document.getElementById('root');
  let mounted = false;

  function mount(props: { loaded: Loaded } | { firstLoad: Promise<Loaded> }): void {
    if (mounted || !root) return;
    mounted = true;
    const reactRoot = createRoot(root);
    // Rendered now rather than in a scheduler task: nothing else waits, and under load that
    // task came several milliseconds later (bench:profile --trace).
    flushSync(() => {
      reactRoot.render(
        <StrictMode>
          <App {...props} />
        </StrictMode>,
      );
    });
  }

  void firstLoad.then((loaded) => mount({ loaded }));
  setTimeout(() => mount({ firstLoad }), MOUNT_WAIT_MS);
}
