import type { ButtonHTMLAttributes } from 'react';

/** Writes text to the clipboard; false when the browser refused (no focus, no permission). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch (error) {
    console.warn('Copy to the clipboard failed', error);
    return false;
  }
}

interface CopyButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'onClick'> {
  /** What to copy, computed at click time. */
  text: () => string;
  /** Told whether the copy worked, to show the confirmation (or the failure) in a status. */
  onCopied: (copied: boolean) => void;
}

/**
 * A button that copies. Its name never changes ("Copy link" stays "Copy link"): the
 * confirmation goes to a status message of the caller's, so it is announced and tests and
 * users can press the same button again.
 */
export function CopyButton({
  text,
  onCopied,
  type = 'button',
  children,
  ...button
}: CopyButtonProps) {
  return (
    <button
      {...button}
      type={type}
      onClick={() => {
        void copyText(text()).then(onCopied);
      }}
    >
      {children}
    </button>
  );
}
