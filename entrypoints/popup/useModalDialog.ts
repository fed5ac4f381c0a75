import { useEffect, useRef } from 'react';

/**
 * A modal <dialog> shown while `open`: the browser then keeps focus inside it, closes it on
 * Escape and returns focus to the button that opened it. Closing it any way fires the
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
  return dialog;
}
