import { renderToString } from 'react-dom/server';
import { PopupRoot } from '../App.tsx';
import type { FirstScreen } from './first-screen.ts';

/** The next popup's first screen as HTML: what start.tsx then hydrates, element for element. */
export function renderFirstScreen(screen: FirstScreen): string {
  return renderToString(<PopupRoot screen={screen} />);
}
