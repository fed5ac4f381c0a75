import { memo } from 'react';
import { isSettled } from '../../../lib/history.ts';
import { t } from '../../../lib/i18n.ts';
import { invoiceMark, type InvoiceMark } from '../../../lib/invoice-status.ts';
import { timeLeft } from '../../../lib/relative-time.ts';
import { rowLabel } from './history-text.ts';
import {
  RowActions,
  RowHeadline,
  RowReference,
  RowSubject,
  type RowProps,
} from './HistoryRowLines.tsx';
import { rowWords } from './row-words.ts';

/** Every row is this tall (CSS pixels), so the list can be windowed by arithmetic alone. */
export const ROW_HEIGHT = 120;

interface HistoryRowProps extends RowProps {
  position: number;
  setSize: number;
  /** The name of the profile that made it; absent while there is only the one profile. */
  profileName?: string | undefined;
}

/**
 * One session on four lines: status and total; what it was for; its reference and time left;
 * the one action its state calls for (Open: Copy link, Expired: New payment link, Complete: when it was
 * paid), its tags and note, and "More actions" for the rest. The item itself carries its place
 * in the list, which changes when a search's count comes in; its lines do not, so they are
 * drawn again only when the session or what is done with it changes.
 */
export const HistoryRow = memo(function HistoryRow({
  position,
  setSize,
  profileName,
  ...row
}: HistoryRowProps) {
  const mark = invoiceMark(row.session, row.replaced, row.now);
  const label = rowLabel(row.session, row.status, mark);
  return (
    // Explicit roles (here and on the list): `list-style: none` drops them in Safari, and
    // the benchmark finds rows by the attribute.
    <li
      role="listitem"
      className="history-row"
      aria-label={
        profileName === undefined
          ? label
          : `${label} · ${t('profiles.rowProfile', { name: profileName })}`
      }
      aria-posinset={position}
      aria-setsize={setSize}
    >
      <RowLines {...row} mark={mark} profileName={profileName} />
    </li>
  );
});

interface RowLinesProps extends RowProps {
  mark: InvoiceMark | undefined;
  profileName?: string | undefined;
}

const RowLines = memo(function RowLines({ mark, profileName, ...row }: RowLinesProps) {
  const { session, status, now } = row;
  // A voided invoice takes no more money: its link is not handed out again.
  const settled = isSettled(status) || mark === 'void';
  const say = rowWords();
  return (
    <>
      <RowHeadline
        session={session}
        status={status}
        mark={mark}
        replaced={row.replaced}
        now={now}
        say={say}
      />
      <RowSubject session={session} profileName={profileName} />
      <RowReference
        session={session}
        left={settled ? '' : timeLeft(session.expiresAt, now)}
        say={say}
      />
      <RowActions {...row} settled={settled} say={say} />
    </>
  );
});
