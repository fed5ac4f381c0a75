import { t } from './i18n.ts';
import { FIELDS, keptValue, type Field, type FieldSpec } from './fields.ts';
import type { SessionRecord } from './history.ts';
import { EMPTY_CLIENT } from './invoice.ts';
import { err, ok, type Result } from './result.ts';

/*
 * Correcting an issued invoice (issue 23, item 10): a wrong client name, email or address, PO
 * number or supply date on an Unpaid invoice is put right from History with its number kept,
 * and the change is dated in the record's `corrections`, so the document can say it was
 * corrected and the earlier values are not lost. What Payfect was sent (items, amounts) is
 * never correctable: that needs a new invoice. Which fields can be corrected is a flag of
 * the registry (lib/fields.ts `correctable`), so fields added later join by saying so.
 */

export type CorrectableField = Extract<Field, { correctable: true }>;
export type CorrectableKey = CorrectableField['key'];

/** Every correctable field, in the order of the form. */
export const CORRECTABLE_FIELDS: readonly CorrectableField[] = FIELDS.filter(
  (field): field is CorrectableField => 'correctable' in field,
);

/** One correction as stored: when, and each changed field's value before it (by field key). */
export interface Correction {
  readonly at: number;
  readonly fields: Readonly<Record<string, string>>;
}

/**
 * Whether the invoice of this link can still be corrected: it has a number, it is not paid
 * (an open or expired link; Overdue is still unpaid), it is not void, and it is the invoice's
 * current link: `replaced` (lib/ledger.ts isReplaced) says a newer one carries it on, and
 * that one is corrected instead.
 */
export function isCorrectable(record: SessionRecord, replaced: boolean): boolean {
  const unpaid = record.status === 'open' || record.status === 'expired';
  // `voided` is the Void action's (issue 23, item 5): read liberally, whoever writes it.
  const voided = 'voided' in record && record.voided !== undefined;
  return (record.invoiceNumber ?? '') !== '' && unpaid && !voided && !replaced;
}

/**
 * The fields the dialog offers for this record: every correctable one, also where the record
 * lacks it (a client named after the fact, the PO number accounts payable asked for later).
 */
export function correctableFields(_record: SessionRecord): readonly CorrectableField[] {
  return CORRECTABLE_FIELDS;
}

/** The record's value of each field it offers, as the dialog starts. */
export function correctionValues(record: SessionRecord): Record<string, string> {
  return Object.fromEntries(
    correctableFields(record).map((field) => [field.key, keptValue(record, field) ?? '']),
  );
}

/** Why a correction is refused: the invoice is paid or void, or fields are wrong (by key). */
export type CorrectionRefusal =
  | { readonly kind: 'not_correctable' }
  | { readonly kind: 'invalid'; readonly fields: Readonly<Record<string, string>> };

/** The typed values, checked as the form checks them; trimmed as they will be stored. */
export function checkCorrection(
  record: SessionRecord,
  typed: Readonly<Record<string, string>>,
): Result<Record<string, string>, Readonly<Record<string, string>>> {
  const offered = correctableFields(record);
  const errors: Record<string, string> = {};
  const values: Record<string, string> = {};
  for (const [key, raw] of Object.entries(typed)) {
    const field = offered.find((candidate) => candidate.key === key);
    // A key the dialog never offered (another build, a forged message) is refused, not dropped.
    if (field === undefined) {
      errors[key] = 'not correctable';
      continue;
    }
    const value = raw.trim();
    // Read as the registry's general check, which some fields' own ignore the context of.
    const check: FieldSpec['check'] = field.check;
    const wrong = check(value, { baseUrl: record.baseUrl });
    if (wrong === undefined) values[key] = value;
    else errors[key] = wrong;
  }
  // A reverse-charge invoice stands on the client's tax ID: it cannot be corrected away.
  if (record.taxMode === 'reverse' && values.clientTaxId === '') {
    errors.clientTaxId = t('validation.reverseChargeNeedsTaxId');
  }
  return Object.keys(errors).length > 0 ? err(errors) : ok(values);
}

/**
 * What correcting `record` with `typed` changes, dated `at`: the new values and one more
 * entry in `corrections` holding the values they replace; null when nothing changed.
 */
export function correctionPatch(
  record: SessionRecord,
  typed: Readonly<Record<string, string>>,
  at: number,
): Result<Partial<SessionRecord> | null, CorrectionRefusal> {
  // Decided by the worker on the record as stored, without the history: there `renewedBy` is
  // written by the same worker right after the renewal it names, so it is the fact at hand.
  if (!isCorrectable(record, record.renewedBy !== undefined)) {
    return err({ kind: 'not_correctable' });
  }
  const checked = checkCorrection(record, typed);
  if (!checked.ok) return err({ kind: 'invalid', fields: checked.error });
  const before: Record<string, string> = {};
  const client: Record<string, string> = { ...(record.client ?? EMPTY_CLIENT) };
  const top: Record<string, string> = {};
  for (const field of CORRECTABLE_FIELDS) {
    const value = checked.value[field.key];
    const was = keptValue(record, field) ?? '';
    if (value === undefined || value === was) continue;
    before[field.key] = was;
    if (field.kept === 'client') client[field.as] = value;
    else top[field.as] = value;
  }
  if (Object.keys(before).length === 0) return ok(null);
  const correction: Correction = { at, fields: before };
  return ok({
    ...top,
    ...(record.client !== undefined || Object.values(client).some((v) => v !== '')
      ? { client: { ...EMPTY_CLIENT, ...client } }
      : {}),
    corrections: [...(record.corrections ?? []), correction],
  });
}

/** When the invoice was last corrected (unix ms), or undefined when it never was. */
export function lastCorrectedAt(record: SessionRecord): number | undefined {
  const corrections = record.corrections ?? [];
  return corrections.length === 0 ? undefined : Math.max(...corrections.map(({ at }) => at));
}
