// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { appendSession } from '../../../../entrypoints/background/history-store.ts';
import { HistoryView } from '../../../../entrypoints/popup/history/HistoryView.tsx';
import type { Request, RequestOf } from '../../../../lib/messages.ts';
import { session } from '../../factories.ts';

/*
 * New payment link when the worker refuses a first live link unasked: History puts the
 * question in a dialog, sends again with the answer, and sends nothing on Cancel. The worker
 * is a mock of `ask`, the one call that reaches it.
 */

const ask = vi.hoisted(() => vi.fn());
vi.mock('../../../../utils/ask.ts', () => ({ ask, noAnswerMessage: () => 'No answer' }));

const QUESTION = 'This profile’s key is a live key: your client pays real USDT.';
const HOUR = 3_600_000;

function renewals(): RequestOf<'renewCheckout'>[] {
  return ask.mock.calls
    .map((call) => call[0] as Request)
    .filter((request): request is RequestOf<'renewCheckout'> => request.type === 'renewCheckout');
}

beforeEach(async () => {
  fakeBrowser.reset();
  ask.mockReset();
  ask.mockImplementation(async (request: Request) => {
    if (request.type !== 'renewCheckout') return { ok: true, checked: 0, changed: 0, failed: 0 };
    if (request.liveConfirmed !== true) {
      return { ok: false, error: { kind: 'live_unconfirmed', message: QUESTION } };
    }
    return { ok: true, session: session({ id: 'cs_new', invoiceNumber: 'INV-0001' }) };
  });
  await appendSession(
    session({
      id: 'cs_old',
      invoiceNumber: 'INV-0001',
      status: 'expired',
      createdAt: Date.now() - 30 * HOUR,
      expiresAt: Date.now() - 6 * HOUR,
    }),
  );
});

afterEach(() => {
  cleanup();
  fakeBrowser.reset();
});

async function pressNewPaymentLink() {
  render(<HistoryView messageTemplate="{link}" reminderMinutes={60} shown />);
  const list = await screen.findByRole('list', { name: 'Links' });
  const user = userEvent.setup();
  await user.click(within(list).getByRole('button', { name: 'New payment link' }));
  return user;
}

describe('the live question in History', () => {
  it('asks in a dialog, then sends the same request again with the answer', async () => {
    const user = await pressNewPaymentLink();
    const dialog = await screen.findByRole('dialog', { name: 'This creates a real payment link.' });
    expect(within(dialog).getByText(QUESTION)).toBeTruthy();
    const confirm = within(dialog).getByRole('button', { name: 'Create real link' });
    expect(document.activeElement).toBe(confirm);
    await user.click(confirm);
    await vi.waitFor(() => expect(renewals()).toHaveLength(2));
    expect(screen.queryByRole('dialog')).toBeNull();
    const [first, second] = renewals();
    expect(first).not.toHaveProperty('liveConfirmed');
    expect(second).toMatchObject({ requestId: first?.requestId, liveConfirmed: true });
  });

  it('sends nothing more on Cancel', async () => {
    const user = await pressNewPaymentLink();
    const dialog = await screen.findByRole('dialog', { name: 'This creates a real payment link.' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(renewals()).toHaveLength(1);
  });
});
