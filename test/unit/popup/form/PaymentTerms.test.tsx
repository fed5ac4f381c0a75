// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Order } from '../../../../lib/order.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../../../lib/settings.ts';
import { CreateForm } from '../../../../entrypoints/popup/form/CreateForm.tsx';
import { freshDraft } from '../../../../entrypoints/popup/view.ts';

/*
 * Payment terms, supply date and client tax ID under More options, as a user meets them:
 * by their names, with the submit (the one call that reaches the background) mocked.
 */

const submitOrder = vi.hoisted(() => vi.fn());
vi.mock('../../../../entrypoints/popup/form/submit.ts', () => ({ submitOrder, dismiss: vi.fn() }));

function renderForm(settings: Settings = DEFAULT_SETTINGS) {
  render(
    <CreateForm
      settings={settings}
      initialDraft={freshDraft(settings)}
      initialError={null}
      onCreated={vi.fn(async () => undefined)}
      onPending={vi.fn()}
    />,
  );
  return userEvent.setup();
}

async function fillItem(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('Item name'), 'Logo design');
  await user.type(screen.getByLabelText('Unit price'), '80');
}

function sentOrder(): Order {
  return submitOrder.mock.calls[0]?.[0] as Order;
}

beforeEach(() => {
  submitOrder.mockReset();
  submitOrder.mockResolvedValue({ kind: 'created', requestId: 'r1', session: { url: 'u' } });
});

afterEach(() => {
  cleanup();
  fakeBrowser.reset();
});

describe('payment terms, supply date and client tax ID', () => {
  it('starts Payment terms at the profile’s and sends the one chosen', async () => {
    const user = renderForm({ ...DEFAULT_SETTINGS, paymentTerms: '14' });
    const terms = screen.getByRole('combobox', { name: 'Payment terms' });
    expect(terms).toHaveProperty('value', '14');
    expect(screen.getByRole('option', { name: 'Net 14' })).toBeTruthy();
    expect(screen.getByRole('option', { name: 'Due on receipt' })).toBeTruthy();
    await fillItem(user);
    await user.selectOptions(terms, 'Net 30');
    await user.click(screen.getByRole('button', { name: 'Create link' }));
    expect(sentOrder().paymentTerms).toBe('30');
  });

  it('takes any number of days through Other…, and refuses more than a year', async () => {
    const user = renderForm();
    await fillItem(user);
    expect(screen.queryByRole('textbox', { name: 'Payment terms in days' })).toBeNull();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Payment terms' }), 'Other…');
    const days = screen.getByRole('textbox', { name: 'Payment terms in days' });
    await user.clear(days);
    await user.type(days, '400');
    await user.click(screen.getByRole('button', { name: 'Create link' }));
    expect(submitOrder).not.toHaveBeenCalled();
    expect(screen.getByText('Enter a whole number of days from 0 to 365.')).toBeTruthy();
    await user.clear(days);
    await user.type(days, '45');
    await user.click(screen.getByRole('button', { name: 'Create link' }));
    expect(sentOrder().paymentTerms).toBe('45');
  });

  it('sends the supply date and the client tax ID, and refuses a date that does not exist', async () => {
    const user = renderForm();
    await fillItem(user);
    await user.type(screen.getByRole('textbox', { name: 'Client tax ID' }), 'DE123456789');
    const supply = screen.getByRole('textbox', { name: 'Supply date' });
    await user.type(supply, '2026-02-30');
    await user.click(screen.getByRole('button', { name: 'Create link' }));
    expect(submitOrder).not.toHaveBeenCalled();
    expect(screen.getByText('Enter a date as YYYY-MM-DD, like 2026-12-07.')).toBeTruthy();
    await user.clear(supply);
    await user.type(supply, '2026-02-28');
    await user.click(screen.getByRole('button', { name: 'Create link' }));
    expect(sentOrder()).toMatchObject({
      supplyDate: '2026-02-28',
      client: { taxId: 'DE123456789' },
    });
  });
});
