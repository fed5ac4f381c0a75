import { StatusMessage } from '../../components/StatusMessage.tsx';
import { t } from '../../lib/i18n.ts';
import { DEFAULT_SETTINGS } from '../../lib/settings.ts';
import { noAnswerMessage } from '../../utils/ask.ts';
import { CreateForm } from './form/CreateForm.tsx';
import { totalText } from './history/history-text.ts';
import { NoKey } from './key/NoKey.tsx';
import { Unlock } from './key/Unlock.tsx';
import { lastLink, type Popup } from './popup-reducer.ts';
import { PendingView } from './result/PendingView.tsx';
import { ResultView } from './result/ResultView.tsx';
import type { usePopup } from './usePopup.ts';
import { liveQuestion } from '../../lib/live-question.ts';

type Actions = Omit<ReturnType<typeof usePopup>, 'popup'>;

interface CreatePanelProps {
  popup: Popup;
  actions: Actions;
  /** The first screen is being hydrated (start.tsx). */
  hydrated: boolean;
}

/** The "New link" tab: loading, no key, locked, the form, a create under way or its result. */
export function CreatePanel({ popup, actions, hydrated }: CreatePanelProps) {
  const { state, view, formKey } = popup;
  const settings = state?.settings ?? DEFAULT_SETTINGS;
  const last = lastLink(state);
  switch (view.kind) {
    case 'loading':
      return (
        <p className="loading" aria-busy="true">
          {t('common.loading')}
        </p>
      );
    case 'unreachable':
      return (
        <div className="unreachable">
          <StatusMessage tone="error">{noAnswerMessage()}</StatusMessage>
          <button type="button" className="button" onClick={actions.retry}>
            {t('common.tryAgain')}
          </button>
        </div>
      );
    case 'noKey':
      return <NoKey />;
    case 'locked':
      return <Unlock lockAfterMinutes={settings.lockAfterMinutes} onUnlocked={actions.retry} />;
    case 'form':
      return (
        <CreateForm
          key={formKey}
          profileId={state?.activeProfileId}
          settings={settings}
          initialDraft={view.draft}
          initialError={view.error}
          initialNotice={view.notice}
          onCreated={actions.showCreated}
          onPending={actions.showPending}
          lastLink={last ? { total: totalText(last.session), onShow: actions.showLast } : undefined}
          liveQuestion={state ? liveQuestion(state.key, settings.baseUrl) : undefined}
          hydrated={hydrated && formKey === 0}
        />
      );
    case 'pending':
      return (
        <PendingView
          requestId={view.requestId}
          startedAt={view.startedAt}
          onSettled={actions.pendingSettled}
        />
      );
    case 'result':
      return (
        <ResultView
          session={view.session}
          messageTemplate={settings.messageTemplate}
          autoCopy={view.autoCopy}
        />
      );
  }
}
