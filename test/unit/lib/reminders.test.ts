import { describe, expect, it } from 'vitest';
import { canRenew, durationText, needsReminder, reminderMessage } from '../../../lib/reminders.ts';
import { ledgerOf } from '../../../lib/ledger.ts';
import { NOW, session } from '../factories.ts';

const NO_LEDGER = ledgerOf([]);

const MINUTE = 60_000;

describe('needsReminder', () => {
  const soon = session({ expiresAt: NOW + 45 * MINUTE });

  it('fires for an open link within the window before expiry', () => {
    expect(needsReminder(soon, NO_LEDGER, NOW, 60)).toBe(true);
    expect(needsReminder(session({ expiresAt: NOW + 60 * MINUTE }), NO_LEDGER, NOW, 60)).toBe(true);
  });

  it('waits while more than the window is left', () => {
    expect(needsReminder(session({ expiresAt: NOW + 61 * MINUTE }), NO_LEDGER, NOW, 60)).toBe(
      false,
    );
  });

  it('fires once: not again after remindedAt is set', () => {
    expect(needsReminder({ ...soon, remindedAt: NOW - MINUTE }, NO_LEDGER, NOW, 60)).toBe(false);
  });

  it('never fires for a paid, expired, past-expiry or renewed link', () => {
    expect(needsReminder({ ...soon, status: 'complete' }, NO_LEDGER, NOW, 60)).toBe(false);
    expect(needsReminder({ ...soon, status: 'expired' }, NO_LEDGER, NOW, 60)).toBe(false);
    expect(needsReminder(session({ expiresAt: NOW }), NO_LEDGER, NOW, 60)).toBe(false);
    expect(needsReminder({ ...soon, renewedBy: 'cs_2' }, NO_LEDGER, NOW, 60)).toBe(false);
  });

  it('never fires once a newer link of its invoice is stored, before renewedBy names it', () => {
    const first = { ...soon, id: 'cs_1', invoiceNumber: 'INV-0001' };
    const second = session({ id: 'cs_2', invoiceNumber: 'INV-0001', expiresAt: NOW + 45 * MINUTE });
    expect(needsReminder(first, ledgerOf([first]), NOW, 60)).toBe(true);
    expect(needsReminder(first, ledgerOf([second, first]), NOW, 60)).toBe(false);
    expect(needsReminder(second, ledgerOf([second, first]), NOW, 60)).toBe(true);
  });

  it('never fires when reminders are off (0 minutes)', () => {
    expect(needsReminder(session({ expiresAt: NOW + MINUTE }), NO_LEDGER, NOW, 0)).toBe(false);
  });
});

describe('reminderMessage', () => {
  it('names the item, the total and the time left', () => {
    expect(reminderMessage(session({ expiresAt: NOW + 45 * MINUTE }), NOW)).toBe(
      'Logo design — 20.50 USDT expires in 45 min',
    );
  });

  it.each([
    [30_000, '1 min'],
    [59 * MINUTE, '59 min'],
    [60 * MINUTE, '1 h'],
    [125 * MINUTE, '2 h 5 min'],
  ])('writes %i ms as "%s"', (ms, text) => {
    expect(durationText(ms)).toBe(text);
  });
});

describe('canRenew', () => {
  it('offers an expired link, by status or by the clock', () => {
    expect(canRenew(session({ status: 'expired' }), NOW, 60)).toBe(true);
    expect(canRenew(session({ expiresAt: NOW - 1 }), NOW, 60)).toBe(true);
  });

  it('offers an open link only inside the reminder window', () => {
    expect(canRenew(session({ expiresAt: NOW + 59 * MINUTE }), NOW, 60)).toBe(true);
    expect(canRenew(session({ expiresAt: NOW + 2 * 60 * MINUTE }), NOW, 60)).toBe(false);
    expect(canRenew(session({ expiresAt: NOW + 2 * 60 * MINUTE }), NOW, 180)).toBe(true);
  });

  it('keeps an hour’s window for Renew when reminders are off', () => {
    expect(canRenew(session({ expiresAt: NOW + 59 * MINUTE }), NOW, 0)).toBe(true);
  });

  it("never offers a paid link (whether a newer one replaced it is the caller's to know)", () => {
    expect(canRenew(session({ status: 'complete', expiresAt: NOW - 1 }), NOW, 60)).toBe(false);
  });
});
