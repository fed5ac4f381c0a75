import { correctionPatch } from '../../lib/corrections.ts';
import { t } from '../../lib/i18n.ts';
import type { ResponseFor } from '../../lib/messages.ts';
import { reviseSession } from './history-store.ts';

/**
 * Corrects an Unpaid invoice's client details from History (lib/corrections.ts says what may
 * change). Decided on the record as stored, in the history queue: a link paid or voided since
 * the dialog opened is refused rather than changed after the fact.
 */
export async function correctInvoice(
  sessionId: string,
  fields: Readonly<Record<string, string>>,
  now: number,
): Promise<ResponseFor<'correctInvoice'>> {
  const revised = await reviseSession(sessionId, (record) => correctionPatch(record, fields, now));
  if (revised === undefined) {
    return { ok: false, error: { kind: 'not_found', message: t('background.goneFromHistory') } };
  }
  if (revised.ok) return { ok: true, session: revised.value };
  const refusal = revised.error;
  return refusal.kind === 'not_correctable'
    ? { ok: false, error: { kind: 'invalid_request', message: t('background.onlyCorrectUnpaid') } }
    : {
        ok: false,
        error: {
          kind: 'validation',
          message: t('background.fixCorrection'),
          fields: { ...refusal.fields },
        },
      };
}
