import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { startHistory } from '../../../entrypoints/background/history-store.ts';
import { createMessageHandler } from '../../../entrypoints/background/router.ts';
import { filterSessions } from '../../../lib/history-query.ts';
import { earlierLinks, ledgerOf } from '../../../lib/ledger.ts';
import { readHistory } from '../../../storage/history.ts';
import { ask } from '../background/helpers.ts';
import { NOW } from '../factories.ts';
import stored from './fixtures/history-v3-renewals.json';

/*
 * Issue 23, item 1: a history written by the build before invoices kept their number across
 * new links (history version 3; each renewal issued a new number, "INV-0002-R2" under
 * INV-0003) opens with every link under the number it was issued, nothing renumbered, and
 * nothing rewritten: each old-style renewal stays an invoice of its own, as its PDF says.
 */

type StoredRecord = { id: string; invoiceNumber?: string };

const records = [...stored['history:chunk:0'], ...stored['history:chunk:1']] as StoredRecord[];
const numbers = Object.fromEntries(records.map((record) => [record.id, record.invoiceNumber]));

beforeEach(async () => {
  fakeBrowser.reset();
  await browser.storage.local.set(stored);
  await startHistory();
});

describe('a version 3 history with renewals under their own numbers', () => {
  it('is not rewritten', async () => {
    expect(await browser.storage.local.get(null)).toEqual(stored);
  });

  it('reads every link with the number it was issued', async () => {
    const history = await readHistory();
    expect(history).toHaveLength(records.length);
    expect(Object.fromEntries(history.map((record) => [record.id, record.invoiceNumber]))).toEqual(
      numbers,
    );
  });

  it('shows every link as its own invoice in History, none with earlier links', async () => {
    const history = await readHistory();
    const rows = filterSessions(history, { query: '', status: 'all' }, NOW);
    expect(rows.map((record) => record.id).sort()).toEqual(records.map(({ id }) => id).sort());
    expect(ledgerOf(history).earlier.size).toBe(0);
    for (const record of history) expect(earlierLinks(history, record)).toEqual([]);
  });

  it('opens each link’s own invoice, under its own number', async () => {
    const handle = createMessageHandler();
    for (const { id } of records) {
      const answer = await ask(handle, { type: 'getInvoice', sessionId: id });
      const session = (answer as { session?: StoredRecord }).session;
      expect(session?.id).toBe(id);
      expect(session?.invoiceNumber).toBe(numbers[id]);
    }
  });
});
