// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CreateForm } from '../../../../entrypoints/popup/form/CreateForm.tsx';
import { freshDraft } from '../../../../entrypoints/popup/view.ts';
import { readSavedItems, updateSavedItems } from '../../../../storage/saved-items.ts';
import type { Template } from '../../../../lib/saved-items.ts';
import { DEFAULT_SETTINGS } from '../../../../lib/settings.ts';

/*
 * "Saved items" inside the create form, over fakeBrowser's storage: found by typing, picked
 * with the keyboard into the form's items, and the form's items saved as a template.
 */

vi.mock('../../../../entrypoints/popup/form/submit.ts', () => ({
  submitOrder: vi.fn(),
  dismiss: vi.fn(),
}));

function template(id: string, name: string, unitPrice: string): Template {
  return {
    id,
    name,
    items: [{ name, description: '', unitPrice, quantity: 1 }],
    currency: 'usdt',
    createdAt: 1_700_000_000_000,
  };
}

async function renderForm(templates: Template[] = []) {
  await updateSavedItems(() => templates);
  render(
    <CreateForm
      settings={DEFAULT_SETTINGS}
      initialDraft={freshDraft(DEFAULT_SETTINGS)}
      initialError={null}
      onCreated={vi.fn(async () => undefined)}
      onPending={vi.fn()}
    />,
  );
  return userEvent.setup();
}

afterEach(() => {
  cleanup();
  fakeBrowser.reset();
});

describe('Saved items in the create form', () => {
  it('lists the templates that match what is typed', async () => {
    const user = await renderForm([
      template('a', 'Logo design', '120'),
      template('b', 'Hosting', '15'),
    ]);
    await user.type(screen.getByRole('combobox', { name: 'Saved items' }), 'host');
    const list = await screen.findByRole('listbox', { name: 'Saved items' });
    expect(
      within(list)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Hosting1 item · 15.00 USDT']);
  });

  it('says when nothing matches', async () => {
    const user = await renderForm([template('a', 'Logo design', '120')]);
    await user.type(screen.getByRole('combobox', { name: 'Saved items' }), 'zzz');
    expect(await screen.findByText('No saved item matches “zzz”.')).toBeTruthy();
  });

  it('picks the highlighted template with arrows and Enter, filling the items', async () => {
    const user = await renderForm([
      template('a', 'Hosting', '15'),
      template('b', 'Logo design', '120'),
    ]);
    const combo = screen.getByRole('combobox', { name: 'Saved items' });
    await user.click(combo);
    const list = await screen.findByRole('listbox', { name: 'Saved items' });
    await user.keyboard('{ArrowDown}');
    const second = within(list).getAllByRole('option')[1];
    expect(second?.getAttribute('aria-selected')).toBe('true');
    expect(combo.getAttribute('aria-activedescendant')).toBe(second?.id);
    await user.keyboard('{Enter}');
    expect(screen.getByLabelText('Item name')).toHaveProperty('value', 'Logo design');
    expect(screen.getByLabelText('Unit price')).toHaveProperty('value', '120');
    expect(screen.getByText('Added “Logo design”. Press Enter to create the link.')).toBeTruthy();
    // Enter next creates the link.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Create link' }));
  });

  it('saves the form’s items under the name given', async () => {
    const user = await renderForm();
    await user.type(screen.getByLabelText('Item name'), 'Consulting');
    await user.type(screen.getByLabelText('Unit price'), '90');
    await user.click(screen.getByRole('button', { name: 'Save items' }));
    const name = screen.getByLabelText('Template name');
    expect(name).toHaveProperty('value', 'Consulting');
    await user.clear(name);
    await user.type(name, 'Hourly consulting{Enter}');
    expect(await screen.findByText('Saved “Hourly consulting”.')).toBeTruthy();
    const saved = await readSavedItems();
    expect(saved.map((entry) => [entry.name, entry.items[0]?.unitPrice, entry.currency])).toEqual([
      ['Hourly consulting', '90', 'usdt'],
    ]);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Save items' }));
  });

  it('does not save items with a wrong price: it marks them instead', async () => {
    const user = await renderForm();
    await user.type(screen.getByLabelText('Item name'), 'Consulting');
    await user.click(screen.getByRole('button', { name: 'Save items' }));
    expect(screen.queryByLabelText('Template name')).toBeNull();
    expect(screen.getByText('Fix the marked items, then save them again.')).toBeTruthy();
    expect(screen.getByText('Enter a price.')).toBeTruthy();
    expect(await readSavedItems()).toEqual([]);
  });

  it('asks the currency of a template saved without one, and stores the answer', async () => {
    const user = await renderForm([{ ...template('a', 'Old retainer', '500'), currency: null }]);
    await user.click(screen.getByRole('combobox', { name: 'Saved items' }));
    await screen.findByRole('listbox', { name: 'Saved items' });
    await user.keyboard('{Enter}');
    const currency = screen.getByLabelText('Template currency');
    expect(document.activeElement).toBe(currency);
    expect(currency).toHaveProperty('value', 'usdt');
    expect(screen.getByLabelText('Unit price')).toHaveProperty('value', '');
    await user.click(screen.getByRole('button', { name: 'Use this currency' }));
    expect(await screen.findByText(/^Added “Old retainer”/)).toBeTruthy();
    expect(screen.getByLabelText('Unit price')).toHaveProperty('value', '500');
    expect((await readSavedItems())[0]?.currency).toBe('usdt');
  });
});
