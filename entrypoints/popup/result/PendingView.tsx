import { useEffect, useState } from 'react';
import { z } from 'zod/mini';
import { t } from '../../../lib/i18n.ts';
import { LastCreateSchema, type LastCreate } from '../../../lib/messages.ts';
import { lastCreateItem, readLastCreate } from '../../../storage/last-create.ts';

/** After this long, offer a way back in case the worker was stopped mid-request. */
const SLOW_AFTER_MS = 45_000;

interface PendingViewProps {
  requestId: string;
  startedAt: number;
  /** The create settled — or its record was replaced (null), e.g. from another window. */
  onSettled: (outcome: Exclude<LastCreate, { state: 'pending' }> | null) => void;
}

/** A create asked for by an earlier popup is still on its way: wait for its record. */
export function PendingView({ requestId, startedAt, onSettled }: PendingViewProps) {
  const [slow, setSlow] = useState(() => Date.now() - startedAt > SLOW_AFTER_MS);

  useEffect(() => {
    let settled = false;
    const check = (value: LastCreate | null) => {
      if (settled || (value?.requestId === requestId && value.state === 'pending')) return;
      settled = true;
      onSettled(value?.requestId === requestId && value.state !== 'pending' ? value : null);
    };
    const unwatch = lastCreateItem.watch((value) => {
      const parsed = z.safeParse(z.nullable(LastCreateSchema), value);
      check(parsed.success ? parsed.data : null);
    });
    // It may have settled between getState and the watch starting.
    readLastCreate().then(check, (error: unknown) => console.error(error));
    return () => {
      settled = true;
      unwatch();
    };
  }, [requestId, onSettled]);

  useEffect(() => {
    const left = SLOW_AFTER_MS - (Date.now() - startedAt);
    if (left <= 0) return;
    const timer = setTimeout(() => setSlow(true), left);
    return () => clearTimeout(timer);
  }, [startedAt]);

  return (
    <section className="pending" aria-labelledby="pending-title" aria-busy="true">
      <span className="spinner" aria-hidden="true" />
      <h2 id="pending-title">{t('popup.pending.title')}</h2>
      <p className="muted">{t('popup.pending.canClose')}</p>
      {slow && (
        <div className="pending-slow">
          <p>{t('popup.pending.slow')}</p>
          <button type="button" className="button" onClick={() => onSettled(null)}>
            {t('popup.pending.back')}
          </button>
        </div>
      )}
    </section>
  );
}
