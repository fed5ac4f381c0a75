import { t } from '../../lib/i18n.ts';
import type { SessionRecord } from '../../lib/history.ts';
import { isPaid } from '../../lib/ledger.ts';
import type { ResponseFor } from '../../lib/messages.ts';
import { sessionProfileId } from '../../lib/profile-names.ts';
import { findSession, patchSessions } from './history-store.ts';

type VoidResponse = ResponseFor<'voidInvoice'>;

function refused(kind: 'not_found' | 'invalid_request', message: string): VoidResponse {
  return { ok: false, error: { kind, message } };
}

/**
 * Voids the invoice of a History session: every link made for it (same number, same
 * profile) records when and why, so each of its documents prints the void. An issued number
 * is never given back or deleted — in the EU an issued invoice is paid or credited, not
 * removed — so Void is what replaces deleting it. A paid invoice is not voided (it needs a
 * refund and a credit note, not this); voiding twice keeps the first date and reason.
 */
export async function voidInvoice(
  sessionId: string,
  reason: string,
  now: () => number = Date.now,
): Promise<VoidResponse> {
  const target = await findSession(sessionId);
  if (target === undefined) return refused('not_found', t('background.goneFromHistory'));
  const { invoiceNumber } = target;
  if (invoiceNumber === undefined) return refused('invalid_request', t('background.voidNoNumber'));
  const profileId = sessionProfileId(target);
  const sameInvoice = (record: SessionRecord) =>
    record.id === sessionId ||
    (record.invoiceNumber === invoiceNumber && sessionProfileId(record) === profileId);
  let paid = false;
  const written = await patchSessions(sameInvoice, (links) => {
    paid = links.some(isPaid);
    if (paid) return undefined;
    const earlier = links.find((link) => link.voided !== undefined)?.voided;
    return { voided: earlier ?? { at: now(), reason } };
  });
  if (paid) return refused('invalid_request', t('background.voidPaid'));
  const session = written?.find((record) => record.id === sessionId);
  return session === undefined
    ? refused('not_found', t('background.goneFromHistory'))
    : { ok: true, session };
}
