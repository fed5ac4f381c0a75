// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CorrectDialog } from '../../../../entrypoints/popup/history/CorrectDialog.tsx';
import { session } from '../../factories.ts';

/*
 * "Correct details" as the user fills it, without a browser: the fields by label, checked
 * before anything is sent, and only the checked values handed to the background (a mock).
 */

const ask = vi.hoisted(() => vi.fn());
vi.mock('../../../../utils/ask.ts', () => ({ ask, noAnswerMessage: () => 'No answer' }));

const unpaid = session({
  invoiceNumber: 'INV-0001',
  reference: 'INV-0001',
  client: { name: 'Acm', email: '', address: '' },
});

function renderDialog() {
  const onSaved = vi.fn();
  const onClose = vi.fn();
  render(<CorrectDialog session={unpaid} onClose={onClose} onSaved={onSaved} />);
  return { onSaved, user: userEvent.setup() };
}

beforeEach(() => {
  ask.mockReset();
  ask.mockResolvedValue({ ok: true, session: unpaid });
});
afterEach(cleanup);

describe('Correct details', () => {
  it('starts from the invoice as stored, titled by its number', () => {
    renderDialog();
    expect(screen.getByRole('heading', { name: 'Correct INV-0001' })).toBeTruthy();
    expect(screen.getByLabelText('Client name')).toHaveProperty('value', 'Acm');
    expect(screen.getByLabelText('PO number')).toHaveProperty('value', '');
  });

  it('marks a wrong email and sends nothing', async () => {
    const { user, onSaved } = renderDialog();
    await user.type(screen.getByLabelText('Client email'), 'not an email');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByLabelText('Client email').getAttribute('aria-invalid')).toBe('true');
    expect(ask).not.toHaveBeenCalled();
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('sends the corrected values, trimmed, for this invoice', async () => {
    const { user, onSaved } = renderDialog();
    await user.clear(screen.getByLabelText('Client name'));
    await user.type(screen.getByLabelText('Client name'), 'Acme Robotics Ltd ');
    await user.type(screen.getByLabelText('PO number'), 'PO-7781');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(ask).toHaveBeenCalledWith({
      type: 'correctInvoice',
      sessionId: unpaid.id,
      fields: {
        clientName: 'Acme Robotics Ltd',
        clientEmail: '',
        clientAddress: '',
        clientTaxId: '',
        poNumber: 'PO-7781',
        supplyDate: '',
      },
    });
    expect(onSaved).toHaveBeenCalledOnce();
  });

  it('shows why the background refused, and stays open', async () => {
    ask.mockResolvedValue({
      ok: false,
      error: {
        kind: 'invalid_request',
        message: 'Only an unpaid invoice that is not void can be corrected.',
      },
    });
    const { user, onSaved } = renderDialog();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/Only an unpaid invoice/)).toBeTruthy();
    expect(onSaved).not.toHaveBeenCalled();
  });
});
