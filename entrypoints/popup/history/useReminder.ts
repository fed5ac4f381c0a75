import { useCallback, useRef } from 'react';
import { copyText } from '../../../components/CopyButton.tsx';
import type { SessionRecord } from '../../../lib/history.ts';
import { t } from '../../../lib/i18n.ts';
import { dueDateOf } from '../../../lib/invoice-status.ts';
import { fillReminderTemplate } from '../../../lib/reminder-template.ts';
import { canRenew } from '../../../lib/reminders.ts';
import { noAnswerMessage } from '../../../utils/ask.ts';
import { dismiss } from '../form/submit.ts';
import { renewAsking } from './renew-asking.ts';
import type { ConfirmLive } from './useLiveConfirm.ts';
import type { Feedback } from './useHistoryView.ts';

type ShowFeedback = (feedback: Feedback | null) => void;

/**
 * "Copy reminder": the reminder template filled for the invoice, with a link that works. A
 * link that expired, or would before the client could act (the window in which History
 * offers Renew), is first replaced through the worker's renew service, as Renew does: asked
 * about first when it would be the first live link, sent at most once, recorded and polled
 * like any link. The due date stays the invoice's.
 */
export function useReminder(
  template: string | undefined,
  reminderMinutes: number,
  showFeedback: ShowFeedback,
  confirmLive: ConfirmLive,
) {
  const inFlight = useRef(false);

  const remind = useCallback(
    async (session: SessionRecord) => {
      // One at a time: a second click must not make a second link.
      if (inFlight.current) return;
      inFlight.current = true;
      showFeedback(null);
      const due = dueDateOf(session);
      try {
        if (!canRenew(session, Date.now(), reminderMinutes)) {
          const copied = await copyText(fillReminderTemplate(template, session, due));
          showFeedback(
            copied
              ? { tone: 'success', text: t('history.reminder.copied') }
              : { tone: 'info', text: t('history.copyRefused') },
          );
          return;
        }
        const requestId = crypto.randomUUID();
        const answer = await renewAsking(requestId, session.id, confirmLive);
        if (answer === undefined) return;
        // Shown here: the create form need not show the new link again.
        dismiss(requestId);
        if (!answer.ok) {
          showFeedback({ tone: 'error', text: answer.error.message });
          return;
        }
        const copied = await copyText(fillReminderTemplate(template, answer.session, due));
        showFeedback(
          copied
            ? { tone: 'success', text: t('history.reminder.newLinkCopied') }
            : { tone: 'info', text: t('history.reminder.newLinkNotCopied') },
        );
      } catch (error) {
        console.error(error);
        showFeedback({ tone: 'error', text: noAnswerMessage() });
      } finally {
        inFlight.current = false;
      }
    },
    [template, reminderMinutes, showFeedback, confirmLive],
  );
  return useCallback((session: SessionRecord) => void remind(session), [remind]);
}
