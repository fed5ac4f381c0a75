// @vitest-environment happy-dom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { appendSession } from '../../../../entrypoints/background/history-store.ts';
import { HistoryView } from '../../../../entrypoints/popup/history/HistoryView.tsx';
import { session } from '../../factories.ts';

/*
 * History as a user meets it (issue 23): one row per invoice, its current link's word, and
 * its earlier links among its details. Stored as the worker stores links, oldest first.
 */

const HOUR = 3_600_000;
const now = Date.now();

beforeEach(async () => {
  fakeBrowser.reset();
  const expired = session({
    id: 'cs_first',
    invoiceNumber: 'INV-0001',
    reference: 'INV-0001',
    status: 'expired',
    createdAt: now - 30 * HOUR,
    expiresAt: now - 6 * HOUR,
    renewedBy: 'cs_second',
  });
  const other = session({
    id: 'cs_other',
    invoiceNumber: 'INV-0002',
    reference: 'INV-0002',
    items: [{ name: 'Hosting', description: '', unitAmount: '9.99', quantity: 1 }],
    createdAt: now - 2 * HOUR,
    expiresAt: now + 20 * HOUR,
  });
  const current = session({
    id: 'cs_second',
    invoiceNumber: 'INV-0001',
    reference: 'INV-0001',
    createdAt: now - HOUR,
    expiresAt: now + 23 * HOUR,
  });
  for (const record of [expired, other, current]) await appendSession(record);
});

/**
 * What "More actions" makes the browser do: happy-dom has no popover, so its event is sent
 * as Chromium sends it (the e2e tests open the real menus).
 */
function openMenu(row: HTMLElement): void {
  const menu = within(row).getByRole('menu', { name: 'More actions', hidden: true });
  act(() => {
    menu.dispatchEvent(
      Object.assign(new Event('beforetoggle'), { newState: 'open', oldState: 'closed' }),
    );
  });
}

afterEach(() => {
  cleanup();
  fakeBrowser.reset();
});

describe('History', () => {
  it('shows one row per invoice, the earlier link only among its details', async () => {
    render(<HistoryView messageTemplate="{link}" reminderMinutes={60} shown />);
    const list = await screen.findByRole('list', { name: 'Links' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows).toHaveLength(2);
    const [invoice, hosting] = rows;
    expect(invoice?.textContent).toContain('INV-0001');
    expect(invoice?.textContent).toContain('Open');
    expect(invoice?.textContent).not.toContain('Expired');
    // A row's menu draws its items once opened.
    for (const row of [invoice, hosting]) openMenu(row as HTMLElement);
    expect(
      await within(invoice as HTMLElement).findByRole('menuitem', { name: 'Earlier links (1)' }),
    ).toBeDefined();
    expect(within(hosting as HTMLElement).getByRole('menuitem', { name: 'Note' })).toBeDefined();
    expect(
      within(hosting as HTMLElement).queryByRole('menuitem', { name: /Earlier links/ }),
    ).toBeNull();
    expect(screen.getByText('2 links')).toBeDefined();
  });

  it('says an invoice paid through its earlier link was renewed before that link names its successor', async () => {
    // The new link is stored; the write that names it in the paid link's renewedBy is not.
    await appendSession(
      session({
        id: 'cs_paid',
        invoiceNumber: 'INV-0003',
        reference: 'INV-0003',
        status: 'complete',
        createdAt: now - 28 * HOUR,
        expiresAt: now - 4 * HOUR,
      }),
    );
    await appendSession(
      session({
        id: 'cs_unneeded',
        invoiceNumber: 'INV-0003',
        reference: 'INV-0003',
        createdAt: now - 30 * 60_000,
        expiresAt: now + 23 * HOUR,
      }),
    );
    render(<HistoryView messageTemplate="{link}" reminderMinutes={60} shown />);
    const list = await screen.findByRole('list', { name: 'Links' });
    const paid = within(list)
      .getAllByRole('listitem')
      .find((row) => row.textContent.includes('INV-0003'));
    expect(paid?.textContent).toContain('Complete');
    expect(
      within(paid as HTMLElement).getByTitle('A new link with the same items was made'),
    ).toBeDefined();
  });
});
