/*
 * The popup's first screen, drawn before any of its modules run (entrypoints/popup-boot.ts)
 * from HTML the previous popup rendered for it (entrypoints/popup/start/first-screen.ts), then
 * hydrated. What both sides agree on lives here, with no imports: the boot script is loaded
 * before anything else and must stay tiny.
 */

/** The popup's own localStorage: synchronous, and private to the extension's pages. */
export const FIRST_SCREEN_KEY = 'popup:firstScreen';

/** The parts of the stored first screen the boot script checks before drawing it. */
export interface FirstScreenStamp {
  /** The popup's entry script (its file name has the build's hash): HTML of another build would not hydrate. */
  readonly build: string;
  /** The UI language it was rendered in. */
  readonly lang: string;
}

/** This build's popup, as named in popup.html. */
export function popupBuild(doc: Document): string {
  return doc.querySelector('script[type="module"][src]')?.getAttribute('src') ?? '';
}

/** Whether HTML rendered with `stamp` is this popup's first screen now. */
export function stampHolds(stamp: FirstScreenStamp, doc: Document, lang: string): boolean {
  return stamp.build !== '' && stamp.build === popupBuild(doc) && stamp.lang === lang;
}

/**
 * Drops the stored first screen: the next popup renders as usual. The options page does so on
 * any stored change (a key removed or locked there makes the form the wrong screen).
 */
export function forgetFirstScreen(): void {
  try {
    localStorage.removeItem(FIRST_SCREEN_KEY);
  } catch {
    // Storage unavailable: nothing is kept either.
  }
}
