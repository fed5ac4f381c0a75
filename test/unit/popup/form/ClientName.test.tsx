// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CreateForm } from '../../../../entrypoints/popup/form/CreateForm.tsx';
import { freshDraft } from '../../../../entrypoints/popup/view.ts';
import type { Order } from '../../../../lib/order.ts';
import { DEFAULT_SETTINGS } from '../../../../lib/settings.ts';
import { recentClientsItem } from '../../../../storage/recent-clients.ts';

/*
 * "Client name" in the create form as a keyboard user meets it: a combobox whose suggestions
 * (the clients of earlier links, in fakeBrowser's storage) are options. Enter picks the
 * highlighted one and does not create the link; with nothing highlighted, Enter creates.
 */

const submitOrder = vi.hoisted(() => vi.fn());
vi.mock('../../../../entrypoints/popup/form/submit.ts', () => ({ submitOrder, dismiss: vi.fn() }));

const ACME = { name: 'Acme Robotics Ltd', email: 'ap@acme-robotics.test', address: 'Quay St 9' };
const ACORN = { name: 'Acorn Studio', email: 'hi@acorn.test', address: '' };

async function renderForm() {
  await recentClientsItem.setValue([ACME, ACORN, { name: 'Mia Studio', email: '', address: '' }]);
  render(
    <CreateForm
      settings={DEFAULT_SETTINGS}
      initialDraft={freshDraft(DEFAULT_SETTINGS)}
      initialError={null}
      onCreated={vi.fn(async () => undefined)}
      onPending={vi.fn()}
    />,
  );
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Item name'), 'Logo design');
  await user.type(screen.getByLabelText('Unit price'), '80');
  return user;
}

const clientName = () => screen.getByRole('combobox', { name: 'Client name' });

function sentOrder(): Order {
  expect(submitOrder).toHaveBeenCalledTimes(1);
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

describe('Client name', () => {
  it('is a combobox whose suggestions are options of a listbox', async () => {
    const user = await renderForm();
    await user.type(clientName(), 'Ac');
    const list = await screen.findByRole('listbox', { name: 'Recent clients' });
    expect(
      within(list)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Acme Robotics Ltd', 'Acorn Studio']);
    expect(clientName().getAttribute('aria-expanded')).toBe('true');
    expect(clientName().getAttribute('aria-controls')).toBe(list.id);
    expect(clientName().getAttribute('aria-activedescendant')).toBeNull();
  });

  it('moves through the suggestions with ↓ and ↑, wrapping round', async () => {
    const user = await renderForm();
    await user.type(clientName(), 'Ac');
    await screen.findByRole('listbox');
    const highlighted = () =>
      document.getElementById(clientName().getAttribute('aria-activedescendant') ?? '')
        ?.textContent;
    await user.keyboard('{ArrowDown}');
    expect(highlighted()).toBe('Acme Robotics Ltd');
    expect(screen.getByRole('option', { name: 'Acme Robotics Ltd', selected: true })).toBeTruthy();
    await user.keyboard('{ArrowDown}');
    expect(highlighted()).toBe('Acorn Studio');
    await user.keyboard('{ArrowDown}');
    expect(highlighted()).toBe('Acme Robotics Ltd');
    await user.keyboard('{ArrowUp}');
    expect(highlighted()).toBe('Acorn Studio');
  });

  it('picks the highlighted client with Enter, fills its email and address, and does not create', async () => {
    const user = await renderForm();
    await user.type(clientName(), 'Acm');
    await screen.findByRole('option', { name: 'Acme Robotics Ltd' });
    await user.keyboard('{ArrowDown}{Enter}');
    expect(clientName()).toHaveProperty('value', 'Acme Robotics Ltd');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(submitOrder).not.toHaveBeenCalled();
    await user.click(screen.getByText('More options'));
    expect(screen.getByLabelText('Client email')).toHaveProperty('value', ACME.email);
    expect(screen.getByLabelText('Client address')).toHaveProperty('value', ACME.address);

    await user.click(clientName());
    await user.keyboard('{Enter}');
    expect(sentOrder().client).toEqual(ACME);
  });

  it('keeps the typed text and creates the link on Enter with nothing highlighted', async () => {
    const user = await renderForm();
    await user.type(clientName(), 'Acm');
    await screen.findByRole('option', { name: 'Acme Robotics Ltd' });
    await user.keyboard('{Enter}');
    expect(sentOrder().client?.name).toBe('Acm');
  });

  it('closes the list with Escape and keeps what was typed', async () => {
    const user = await renderForm();
    await user.type(clientName(), 'Acm');
    await screen.findByRole('listbox');
    await user.keyboard('{ArrowDown}{Escape}');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(clientName()).toHaveProperty('value', 'Acm');
    expect(clientName().getAttribute('aria-expanded')).toBe('false');
    // Closed, Enter creates with the typed text: the highlight went with the list.
    await user.keyboard('{Enter}');
    expect(sentOrder().client?.name).toBe('Acm');
  });

  it('picks a client by clicking its option', async () => {
    const user = await renderForm();
    await user.type(clientName(), 'studio');
    await user.click(await screen.findByRole('option', { name: 'Acorn Studio' }));
    expect(clientName()).toHaveProperty('value', 'Acorn Studio');
    expect(document.activeElement).toBe(clientName());
    await user.click(screen.getByText('More options'));
    expect(screen.getByLabelText('Client email')).toHaveProperty('value', ACORN.email);
  });
});
