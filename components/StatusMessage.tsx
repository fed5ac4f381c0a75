import type { ReactNode } from 'react';

interface StatusMessageProps {
  /** `error` is an alert, read out at once; the others are polite status messages. */
  tone?: 'info' | 'success' | 'error';
  className?: string;
  children?: ReactNode;
}

/**
 * A live message. A status region is rendered even while empty, so that screen readers,
 * which listen to regions already on the page, announce the text when it arrives.
 */
export function StatusMessage({ tone = 'info', className, children }: StatusMessageProps) {
  const classes = ['message', `message--${tone}`, className ?? ''].filter(Boolean).join(' ');
  if (tone === 'error') {
    return children ? (
      <div role="alert" className={classes}>
        {children}
      </div>
    ) : null;
  }
  return (
    <div role="status" className={classes}>
      {children}
    </div>
  );
}
