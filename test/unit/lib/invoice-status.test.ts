import { describe, expect, it } from 'vitest';
import { isCalendarDate, localDate } from '../../../lib/calendar-date.ts';
import {
  dueDateOf,
  invoiceMark,
  invoiceState,
  validateVoidReason,
} from '../../../lib/invoice-status.ts';
import type { SessionRecord } from '../../../lib/history.ts';
import { isReplaced, ledgerOf } from '../../../lib/ledger.ts';
import { session } from '../factories.ts';

const TAIPEI = 'Asia/Taipei'; // UTC+8, no clock changes
const NEW_YORK = 'America/New_York';

describe('dueDateOf', () => {
  it('is the invoice’s own due date when it has one', () => {
    const record = session({ dueDate: '2026-04-13', expiresAt: Date.UTC(2026, 2, 15, 12) });
    expect(dueDateOf(record, TAIPEI)).toBe('2026-04-13');
  });

  it('is the local date the link expired for a record from before terms', () => {
    // 20:00 UTC on 14 March is already 15 March in Taipei, still 14 March in New York.
    const record = session({ expiresAt: Date.UTC(2026, 2, 14, 20) });
    expect(dueDateOf(record, TAIPEI)).toBe('2026-03-15');
    expect(dueDateOf(record, NEW_YORK)).toBe('2026-03-14');
  });

  it('falls back to the expiry when the stored due date is not a calendar date', () => {
    const record = session({ dueDate: '2026-02-30', expiresAt: Date.UTC(2026, 2, 14, 1) });
    expect(dueDateOf(record, 'UTC')).toBe('2026-03-14');
  });
});

describe('invoiceState', () => {
  const due = session({ dueDate: '2026-03-20', expiresAt: Date.UTC(2026, 2, 15) });

  it('is unpaid before and on the due day, overdue the day after (in the user’s zone)', () => {
    // 23:59 on 20 March in Taipei is 15:59 UTC.
    expect(invoiceState(due, Date.UTC(2026, 2, 19, 12), TAIPEI)).toBe('unpaid');
    expect(invoiceState(due, Date.UTC(2026, 2, 19, 16), TAIPEI)).toBe('unpaid');
    expect(invoiceState(due, Date.UTC(2026, 2, 20, 15, 59), TAIPEI)).toBe('unpaid');
    expect(invoiceState(due, Date.UTC(2026, 2, 20, 16, 0), TAIPEI)).toBe('overdue');
  });

  it('decides by the local day: the same instant is overdue in Taipei, not in New York', () => {
    const instant = Date.UTC(2026, 2, 21, 2); // 10:00 on 21 March in Taipei, 22:00 on 20 March in New York
    expect(invoiceState(due, instant, TAIPEI)).toBe('overdue');
    expect(invoiceState(due, instant, NEW_YORK)).toBe('unpaid');
  });

  it('keeps the due day whole across a clock change', () => {
    // New York moves its clocks forward on 8 March 2026: the 8th is 23 hours long.
    const record = session({ dueDate: '2026-03-08' });
    expect(invoiceState(record, Date.UTC(2026, 2, 9, 3, 59), NEW_YORK)).toBe('unpaid');
    expect(invoiceState(record, Date.UTC(2026, 2, 9, 4, 0), NEW_YORK)).toBe('overdue');
  });

  it('is overdue for an old record once the day its link expired is over', () => {
    const old = session({ status: 'expired', expiresAt: Date.UTC(2026, 2, 14, 12) });
    expect(invoiceState(old, Date.UTC(2026, 2, 14, 23), 'UTC')).toBe('unpaid');
    expect(invoiceState(old, Date.UTC(2026, 2, 15, 0), 'UTC')).toBe('overdue');
  });

  it('is paid once its link was paid, even past the due date', () => {
    const paid = session({ ...due, status: 'complete' });
    expect(invoiceState(paid, Date.UTC(2026, 5, 1), TAIPEI)).toBe('paid');
  });

  it('is void once voided, paid or not, due or not', () => {
    const voided = { at: Date.UTC(2026, 2, 16), reason: 'Duplicate' };
    expect(invoiceState(session({ ...due, voided }), Date.UTC(2026, 2, 16), TAIPEI)).toBe('void');
    expect(invoiceState(session({ ...due, voided }), Date.UTC(2026, 5, 1), TAIPEI)).toBe('void');
    const paidThenVoided = session({ ...due, status: 'complete', voided });
    expect(invoiceState(paidThenVoided, Date.UTC(2026, 2, 16), TAIPEI)).toBe('void');
  });
});

describe('dates', () => {
  it('writes an instant’s local date as YYYY-MM-DD', () => {
    expect(localDate(Date.UTC(2026, 0, 5, 18), TAIPEI)).toBe('2026-01-06');
    expect(localDate(Date.UTC(2026, 0, 5, 18), 'UTC')).toBe('2026-01-05');
  });

  it('tells a calendar date from a look-alike', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-3-1')).toBe(false);
    expect(isCalendarDate('')).toBe(false);
  });
});

describe('validateVoidReason', () => {
  it('takes a reason trimmed', () => {
    expect(validateVoidReason('  Issued twice \n')).toEqual({ ok: true, value: 'Issued twice' });
  });

  it('asks for a reason when none is typed, and refuses one too long or with hidden text', () => {
    expect(validateVoidReason('   ')).toEqual({
      ok: false,
      error: 'Say why it is voided; the reason is printed on the invoice.',
    });
    expect(validateVoidReason('x'.repeat(201))).toMatchObject({ ok: false });
    expect(validateVoidReason('Dupli\u202ecate')).toMatchObject({ ok: false });
  });
});

describe('invoiceMark', () => {
  const now = Date.UTC(2026, 2, 21, 12);
  it('marks only numbered invoices, and overdue only on the current link', () => {
    const late = { dueDate: '2026-03-01' };
    const mark = (record: SessionRecord, history: readonly SessionRecord[] = [record]) =>
      invoiceMark(record, isReplaced(record, ledgerOf(history)), now, 'UTC');
    expect(mark(session({ ...late, invoiceNumber: 'INV-1' }))).toBe('overdue');
    expect(mark(session(late))).toBeUndefined();
    expect(mark(session({ ...late, invoiceNumber: 'INV-1', renewedBy: 'cs_2' }))).toBeUndefined();
    // Its newer link is stored; the write naming it in renewedBy is still on its way.
    const earlier = session({ ...late, id: 'cs_1', invoiceNumber: 'INV-1' });
    const newer = session({ ...late, id: 'cs_2', invoiceNumber: 'INV-1' });
    expect(mark(earlier, [newer, earlier])).toBeUndefined();
    expect(mark(newer, [newer, earlier])).toBe('overdue');
    const voided = { at: now, reason: 'x' };
    expect(mark(session({ invoiceNumber: 'INV-1', voided }))).toBe('void');
  });
});
