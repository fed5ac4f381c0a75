// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Order } from '../../../../lib/order.ts';
import { DEFAULT_SETTINGS } from '../../../../lib/settings.ts';
import { CreateForm } from '../../../../entrypoints/popup/form/CreateForm.tsx';
import { freshDraft } from '../../../../entrypoints/popup/view.ts';

/*
 * The create form as a user meets it, without a browser: typed into by label, buttons by
 * name. The background is not involved: submitOrder (the one call that reaches it) is a mock.
 */

const submitOrder = vi.hoisted(() => vi.fn());
vi.mock('../../../../entrypoints/popup/form/submit.ts', () => ({ submitOrder, dismiss: vi.fn() }));

const SESSION_URL = 'https://pay.example/s/1';

function renderForm() {
  const onCreated = vi.fn(async () => undefined);
  const onPending = vi.fn();
  render(
    <CreateForm
      settings={DEFAULT_SETTINGS}
      initialDraft={freshDraft(DEFAULT_SETTINGS)}
      initialError={null}
      onCreated={onCreated}
      onPending={onPending}
    />,
  );
  return { onCreated, onPending, user: userEvent.setup() };
}

beforeEach(() => {
  submitOrder.mockReset();
  submitOrder.mockResolvedValue({
    kind: 'created',
    requestId: 'r1',
    session: { url: SESSION_URL },
  });
});

afterEach(() => {
  cleanup();
  fakeBrowser.reset();
});

describe('the create form', () => {
  it('shows what is typed, and the total of the priced items', async () => {
    const { user } = renderForm();
    await user.type(screen.getByLabelText('Item name'), 'Logo design');
    await user.type(screen.getByLabelText('Unit price'), '120.50');
    await user.clear(screen.getByLabelText('Quantity'));
    await user.type(screen.getByLabelText('Quantity'), '2');
    expect(screen.getByLabelText('Item name')).toHaveProperty('value', 'Logo design');
    expect(screen.getByText(/^Total/).textContent).toMatch(/241\.00 USDT/);
  });

  it('says what is wrong with a price as its field is left, not before', async () => {
    const { user } = renderForm();
    const price = screen.getByLabelText('Unit price');
    await user.type(price, '-5');
    expect(screen.queryByText('The price cannot be negative.')).toBeNull();
    await user.tab();
    expect(screen.getByText('The price cannot be negative.')).toBeTruthy();
    expect(price.getAttribute('aria-invalid')).toBe('true');
    await user.clear(price);
    expect(screen.queryByText('The price cannot be negative.')).toBeNull();
  });

  it('refuses hidden characters in an item name as the field is left, never emoji', async () => {
    const { user } = renderForm();
    const name = screen.getByLabelText('Item name');
    const hidden = /Remove the invisible characters/;
    await user.type(name, 'Dev support 👩🏽‍💻');
    await user.tab();
    expect(screen.queryByText(hidden)).toBeNull();
    await user.clear(name);
    // A direction override: "Logo exe.gpj" shows as "Logo gpj.exe".
    await user.type(name, 'Logo \u202Egpj.exe');
    expect(screen.queryByText(hidden)).toBeNull();
    await user.tab();
    expect(screen.getByText(hidden)).toBeTruthy();
    expect(name.getAttribute('aria-invalid')).toBe('true');
    await user.clear(name);
    await user.type(name, 'Logo\u200Bdesign');
    await user.tab();
    expect(screen.getByText(hidden)).toBeTruthy();
  });

  it('adds an item with Add item and moves focus to its name', async () => {
    const { user } = renderForm();
    await user.click(screen.getByRole('button', { name: 'Add item' }));
    const names = screen.getAllByLabelText('Item name');
    expect(names).toHaveLength(2);
    expect(document.activeElement).toBe(names[1]);
    expect(screen.getByRole('group', { name: 'Item 2' })).toBeTruthy();
    expect(screen.getAllByRole('button', { name: 'Remove item' })).toHaveLength(2);
  });

  it('hands the draft to the submit on Create link, and the outcome to onCreated', async () => {
    const { user, onCreated } = renderForm();
    await user.type(screen.getByLabelText('Item name'), 'Logo design');
    await user.type(screen.getByLabelText('Unit price'), '80');
    await user.type(screen.getByLabelText('Reference'), 'PO-7');
    await user.click(screen.getByRole('button', { name: 'Create link' }));
    expect(submitOrder).toHaveBeenCalledTimes(1);
    const order = submitOrder.mock.calls[0]?.[0] as Order;
    expect(order.items).toEqual([
      expect.objectContaining({ name: 'Logo design', unitAmount: '80', quantity: 1 }),
    ]);
    expect(order.reference).toBe('PO-7');
    expect(onCreated).toHaveBeenCalledWith('r1', { url: SESSION_URL });
  });

  it('does not submit an empty item: it marks it and focuses the first wrong field', async () => {
    const { user } = renderForm();
    await user.click(screen.getByRole('button', { name: 'Create link' }));
    expect(submitOrder).not.toHaveBeenCalled();
    expect(screen.getByText('Enter what the client pays for.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('Item name'));
  });

  it('opens More options to show an error in one of its fields', async () => {
    const { user } = renderForm();
    const more = screen.getByText('More options').closest('details');
    expect(more?.open).toBe(false);
    await user.type(screen.getByLabelText('Item name'), 'Logo design');
    await user.type(screen.getByLabelText('Unit price'), '80');
    // Typed while closed: the field is in the DOM, only hidden.
    await user.type(screen.getByLabelText('Client email'), 'not-an-email');
    await user.click(screen.getByRole('button', { name: 'Create link' }));
    expect(submitOrder).not.toHaveBeenCalled();
    expect(more?.open).toBe(true);
    const email = screen.getByLabelText('Client email');
    expect(document.activeElement).toBe(email);
    expect(within(more as HTMLElement).getByText(/Enter an email address/)).toBeTruthy();
  });

  it('shows a failed create as an alert and lets Create link be pressed again', async () => {
    submitOrder.mockResolvedValue({
      kind: 'failed',
      error: { kind: 'auth', message: 'The API key was refused.', fields: {} },
    });
    const { user, onCreated } = renderForm();
    await user.type(screen.getByLabelText('Item name'), 'Logo design');
    await user.type(screen.getByLabelText('Unit price'), '80');
    await user.click(screen.getByRole('button', { name: 'Create link' }));
    expect(screen.getByRole('alert').textContent).toContain('The API key was refused.');
    expect(onCreated).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Create link' })).toHaveProperty('disabled', false);
  });
});
