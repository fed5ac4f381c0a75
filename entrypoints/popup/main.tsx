import '../../components/theme.css';
import './style.css';
import { askFirst } from './first-load.ts';

/*
 * The popup's entry: it asks for the state, the draft and any selected text first, then
 * loads the rest of its code (start.tsx), so the answers arrive while that code is being
 * compiled. The stylesheets stay here, linked from popup.html, so nothing renders unstyled.
 */
const first = askFirst();
import('./start.tsx')
  .then(({ start }) => start(first))
  .catch((error: unknown) => {
    console.error('The popup could not load', error);
  });
