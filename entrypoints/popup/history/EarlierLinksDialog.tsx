import type { SessionRecord } from '../../../lib/history.ts';
import { t } from '../../../lib/i18n.ts';
import { fullTime } from '../../../lib/relative-time.ts';
import { effectiveStatus } from '../../../lib/status.ts';
import { statusWord, totalText } from './history-text.ts';
import { ViewDialog } from './ViewDialog.tsx';

export interface EarlierLinks {
  /** The invoice's row: its current link. */
  readonly current: SessionRecord;
  /** The links made for it before, newest first. */
  readonly links: readonly SessionRecord[];
}

interface EarlierLinksDialogProps {
  /** What is shown; null when the dialog is closed. */
  shown: EarlierLinks | null;
  now: number;
  onClose: () => void;
}

/**
 * The links made for one invoice before its current one, each with when it was made and its
 * status: History has one row per invoice, and these are its details. The links are text,
 * not buttons: an earlier link is never handed out again (its invoice has a newer one).
 */
export function EarlierLinksDialog({ shown, now, onClose }: EarlierLinksDialogProps) {
  return (
    <ViewDialog
      open={shown !== null}
      titleId="earlier-dialog-title"
      title={shown ? t('history.earlier.title', { number: shown.current.invoiceNumber ?? '' }) : ''}
      total={shown ? totalText(shown.current) : ''}
      onClose={onClose}
    >
      {shown && (
        <ul className="earlier-links" aria-label={t('history.earlier.list')}>
          {shown.links.map((link) => (
            <li key={link.id} className="earlier-link">
              <span className="earlier-link-head">
                <time dateTime={new Date(link.createdAt).toISOString()}>
                  {fullTime(link.createdAt)}
                </time>
                <span>{statusWord(effectiveStatus(link, now))}</span>
              </span>
              <span className="qr-dialog-url">{link.url}</span>
            </li>
          ))}
        </ul>
      )}
    </ViewDialog>
  );
}
