import { useEffect, useState } from 'react';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { t } from '../../lib/i18n.ts';
import type { State } from '../../lib/messages.ts';
import { ask, noAnswerMessage } from '../../utils/ask.ts';
import { SavedItemsSection } from './SavedItemsSection.tsx';
import { ProfiledSettings } from './ProfilesSection.tsx';

type Loaded = { kind: 'loading' } | { kind: 'ready'; state: State } | { kind: 'unreachable' };

export function App() {
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    ask({ type: 'getState' }).then(
      (state) => live && setLoaded({ kind: 'ready', state }),
      (error: unknown) => {
        console.error(error);
        if (live) setLoaded({ kind: 'unreachable' });
      },
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  return (
    <main className="page">
      <header className="page-header">
        <p className="eyebrow">
          <span className="logo" aria-hidden="true" />
          {t('extName')}
        </p>
        <h1>{t('common.settings')}</h1>
      </header>
      {loaded.kind === 'loading' && <p className="muted">{t('common.loading')}</p>}
      {loaded.kind === 'unreachable' && (
        <div className="unreachable">
          <StatusMessage tone="error">{noAnswerMessage()}</StatusMessage>
          <button
            type="button"
            className="button"
            onClick={() => {
              setLoaded({ kind: 'loading' });
              setAttempt((count) => count + 1);
            }}
          >
            {t('common.tryAgain')}
          </button>
        </div>
      )}
      {loaded.kind === 'ready' && <ProfiledSettings initial={loaded.state} />}
      {loaded.kind === 'ready' && <SavedItemsSection />}
    </main>
  );
}
