import { useEffect, useRef } from 'react';

/**
 * A modal <dialog> shown while `open`: the browser then keeps focus inside it and returns
 * focus to the button that opened it. Escape closes it; closing it any way fires the
 * element's `close` event, where the owner clears what `open` came from.
 */
export function useModalDialog(open: boolean) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  // The browser's own Escape leaves the key unhandled, and in the toolbar popup Chromium
  // then closes the whole popup with it: the dialog takes the key and closes itself.
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    function closeOnEscape(event: KeyboardEvent) {
      if (event.key !== 'Escape' || event.defaultPrevented || event.isComposing) return;
      event.preventDefault();
      element?.close();
    }
    element.addEventListener('keydown', closeOnEscape);
    return () => element.removeEventListener('keydown', closeOnEscape);
  }, []);
  return dialog;
}
