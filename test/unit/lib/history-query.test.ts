import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../../lib/history.ts';
import { filterSessions, firstMatches, queryWords } from '../../../lib/history-query.ts';
import { HOUR, NOW, session } from '../factories.ts';

const logo = session({ id: 'a', reference: 'INV-042' });
const bundle = session({
  id: 'b',
  amountTotal: '119.88',
  reference: 'ACME-7',
  items: [
    { name: 'Hosting', description: '', unitAmount: '9.99', quantity: 12 },
    { name: '品牌設計', description: '', unitAmount: '0', quantity: 1 },
  ],
  status: 'complete',
});
const lapsed = session({
  id: 'c',
  amountTotal: '5.00',
  reference: 'quick',
  items: [{ name: 'Quick fix', description: '', unitAmount: '5', quantity: 1 }],
  expiresAt: NOW - 1,
});
const all = [logo, bundle, lapsed];

function ids(found: readonly SessionRecord[]): string[] {
  return found.map((record) => record.id);
}

describe('filterSessions', () => {
  it('returns the very same array when there is nothing to filter', () => {
    expect(filterSessions(all, { query: '  ', status: 'all' }, NOW)).toBe(all);
  });

  it('matches any item name, not only the first, ignoring case', () => {
    expect(ids(filterSessions(all, { query: 'HOSTING', status: 'all' }, NOW))).toEqual(['b']);
    expect(ids(filterSessions(all, { query: '品牌', status: 'all' }, NOW))).toEqual(['b']);
  });

  it('matches the reference', () => {
    expect(ids(filterSessions(all, { query: 'inv-04', status: 'all' }, NOW))).toEqual(['a']);
  });

  it("matches the client's name and email, not the address", () => {
    const billed = session({
      id: 'd',
      client: { name: 'Acme Robotics Ltd', email: 'ap@acme-robotics.test', address: 'Quay St 9' },
    });
    const search = (query: string) =>
      ids(filterSessions([logo, billed], { query, status: 'all' }, NOW));
    expect(search('robotics ltd')).toEqual(['d']);
    expect(search('ap@acme-robotics')).toEqual(['d']);
    expect(search('quay')).toEqual([]);
  });

  it('matches an amount by its beginning or any part of it', () => {
    expect(ids(filterSessions(all, { query: '20.5', status: 'all' }, NOW))).toEqual(['a']);
    expect(ids(filterSessions(all, { query: '.88', status: 'all' }, NOW))).toEqual(['b']);
  });

  it('matches the currency', () => {
    expect(ids(filterSessions(all, { query: 'usdt', status: 'all' }, NOW))).toEqual([
      'a',
      'b',
      'c',
    ]);
  });

  it('needs every word to occur, in any field', () => {
    expect(ids(filterSessions(all, { query: 'hosting acme', status: 'all' }, NOW))).toEqual(['b']);
    expect(ids(filterSessions(all, { query: 'hosting inv', status: 'all' }, NOW))).toEqual([]);
  });

  it('filters by the status as shown, so an open link past its expiry counts as expired', () => {
    expect(ids(filterSessions(all, { query: '', status: 'open' }, NOW))).toEqual(['a']);
    expect(ids(filterSessions(all, { query: '', status: 'expired' }, NOW))).toEqual(['c']);
    expect(ids(filterSessions(all, { query: '', status: 'complete' }, NOW))).toEqual(['b']);
  });

  it('combines the words with the status', () => {
    expect(ids(filterSessions(all, { query: 'quick', status: 'open' }, NOW))).toEqual([]);
    expect(ids(filterSessions(all, { query: 'quick', status: 'expired' }, NOW))).toEqual(['c']);
  });

  it('keeps the order it was given (the history is newest first)', () => {
    const reversed = [...all].reverse();
    expect(ids(filterSessions(reversed, { query: 'usdt', status: 'all' }, NOW))).toEqual([
      'c',
      'b',
      'a',
    ]);
  });

  it('finds exactly the right sessions among 10,000', () => {
    const names = ['Logo design', 'Hosting', 'Website audit', 'Consulting', '品牌設計'];
    const statuses = ['open', 'complete', 'expired'] as const;
    const many = Array.from({ length: 10_000 }, (_, i) =>
      session({
        id: `s${i}`,
        amountTotal: `${(i % 500) + 1}.50`,
        reference: `INV-${i}`,
        items: [
          { name: names[i % names.length] ?? '', description: '', unitAmount: '1', quantity: 1 },
        ],
        status: statuses[i % statuses.length],
        // Every seventh open one has lapsed.
        expiresAt: i % 7 === 0 ? NOW - 1 : NOW + HOUR,
      }),
    );
    const found = filterSessions(many, { query: 'logo 12', status: 'all' }, NOW);
    const expected = many.filter(
      (record, i) =>
        i % names.length === 0 &&
        (record.amountTotal.includes('12') || record.reference.includes('12')),
    );
    expect(found.length).toBeGreaterThan(0);
    expect(ids(found)).toEqual(ids(expected));

    const open = filterSessions(many, { query: 'hosting', status: 'open' }, NOW);
    expect(ids(open)).toEqual(
      ids(many.filter((r, i) => i % names.length === 1 && i % 3 === 0 && i % 7 !== 0)),
    );
    // The search text is cached per array: a second query over the same array agrees.
    expect(filterSessions(many, { query: 'INV-9999', status: 'all' }, NOW)).toHaveLength(1);
  });

  it('matches the note and the tags', () => {
    const noted = session({
      id: 'd',
      note: 'Second invoice, paid in two',
      tags: ['retainer', 'q3'],
    });
    const withNotes = [...all, noted];
    expect(ids(filterSessions(withNotes, { query: 'INVOICE', status: 'all' }, NOW))).toEqual(['d']);
    expect(ids(filterSessions(withNotes, { query: 'RETAINER', status: 'all' }, NOW))).toEqual([
      'd',
    ]);
    expect(ids(filterSessions(withNotes, { query: 'q3 invoice', status: 'all' }, NOW))).toEqual([
      'd',
    ]);
  });
});

describe('filterSessions by profile', () => {
  const profiles = [
    { id: 'default', name: 'Default' },
    { id: 'p2', name: 'Shop Beta' },
  ];
  const mine = session({ id: 'm', profileId: 'p2', profileName: 'Old name' });
  const legacy = session({ id: 'l' });
  const orphan = session({ id: 'o', profileId: 'gone', profileName: 'Closed Shop' });
  const all = [mine, legacy, orphan];

  it('matches the current name of the profile that made a link, with other words', () => {
    const query = { query: 'beta INV', status: 'all' as const, profiles };
    expect(filterSessions(all, query, NOW).map((record) => record.id)).toEqual(['m']);
  });

  it('matches the default profile for links from before profiles', () => {
    const query = { query: 'default', status: 'all' as const, profiles };
    expect(filterSessions(all, query, NOW).map((record) => record.id)).toEqual(['l']);
  });

  it('matches the old name of a deleted profile, but not a renamed one’s', () => {
    const closed = { query: 'closed', status: 'all' as const, profiles };
    expect(filterSessions(all, closed, NOW).map((record) => record.id)).toEqual(['o']);
    const old = { query: 'old name', status: 'all' as const, profiles };
    expect(filterSessions(all, old, NOW)).toEqual([]);
  });
});

describe('firstMatches', () => {
  const many = Array.from({ length: 1_000 }, (_, i) =>
    session({ id: `s${i}`, reference: i % 10 === 0 ? `TEN-${i}` : `INV-${i}` }),
  );

  it('gives the first matches in order and says more may follow', () => {
    const found = firstMatches(many, { query: 'ten', status: 'all' }, NOW, 3);
    expect(ids(found.matches)).toEqual(['s0', 's10', 's20']);
    expect(found.complete).toBe(false);
  });

  it('agrees with the full filter, and is complete, once it has looked at every session', () => {
    const all = filterSessions(many, { query: 'ten', status: 'all' }, NOW);
    expect(all).toHaveLength(100);
    const found = firstMatches(many, { query: 'ten', status: 'all' }, NOW, 1_000);
    expect(ids(found.matches)).toEqual(ids(all));
    expect(found.complete).toBe(true);
  });

  it('is complete with what it found when the last session filled the window', () => {
    const found = firstMatches(all, { query: 'usdt', status: 'all' }, NOW, 3);
    expect(ids(found.matches)).toEqual(['a', 'b', 'c']);
    expect(found.complete).toBe(true);
  });

  it('is complete and empty when nothing matches', () => {
    expect(firstMatches(many, { query: 'nowhere', status: 'all' }, NOW, 9)).toEqual({
      matches: [],
      complete: true,
    });
  });

  it('returns the history itself, complete, with nothing to filter', () => {
    const found = firstMatches(many, { query: ' ', status: 'all' }, NOW, 9);
    expect(found.matches).toBe(many);
    expect(found.complete).toBe(true);
  });

  it('finds the same after an early stop left search texts unmade', () => {
    const fresh = [...many];
    expect(ids(firstMatches(fresh, { query: 'inv-1', status: 'all' }, NOW, 1).matches)).toEqual([
      's1',
    ]);
    const expected = fresh.filter((record) => record.reference.startsWith('INV-99'));
    expect(expected).toHaveLength(10);
    expect(ids(filterSessions(fresh, { query: 'inv-99', status: 'all' }, NOW))).toEqual(
      ids(expected),
    );
  });
});

describe('queryWords', () => {
  it('splits on any whitespace and lower-cases', () => {
    expect(queryWords('  Logo\tDESIGN  20 ')).toEqual(['logo', 'design', '20']);
    expect(queryWords('   ')).toEqual([]);
  });
});

describe('one row per invoice', () => {
  // INV-0007's first link expired and was replaced by a new payment link under its number.
  const expired = session({
    id: 'old',
    invoiceNumber: 'INV-0007',
    reference: 'ACME-PO-12',
    status: 'expired',
    expiresAt: NOW - 1,
    renewedBy: 'new',
  });
  const current = session({ id: 'new', invoiceNumber: 'INV-0007', reference: 'ACME-PO-12' });
  const history = [current, logo, expired];

  it('shows the current link only, whatever the search', () => {
    expect(ids(filterSessions(history, { query: '', status: 'all' }, NOW))).toEqual(['new', 'a']);
    expect(ids(filterSessions(history, { query: 'acme-po', status: 'all' }, NOW))).toEqual(['new']);
    expect(
      ids(firstMatches(history, { query: 'inv-0007', status: 'all' }, NOW, 5).matches),
    ).toEqual(['new']);
  });

  it('never shows the replaced link under the Expired filter', () => {
    expect(ids(filterSessions(history, { query: '', status: 'expired' }, NOW))).toEqual([]);
    expect(ids(filterSessions(history, { query: '', status: 'open' }, NOW))).toEqual(['new', 'a']);
  });

  it('keeps an old-style renewal, under its own number, a row of its own', () => {
    const renewedBefore = { ...expired, renewedBy: 'later' };
    const later = session({ id: 'later', invoiceNumber: 'INV-0008', replacesInvoice: 'INV-0007' });
    expect(ids(filterSessions([later, renewedBefore], { query: '', status: 'all' }, NOW))).toEqual([
      'later',
      'old',
    ]);
  });
});

describe('the invoice filters', () => {
  const now = Date.UTC(2026, 2, 14, 12);
  const day = 24 * 3_600_000;
  const invoices = [
    session({ id: 'due', invoiceNumber: 'INV-1', dueDate: '2026-04-13' }),
    session({ id: 'late', invoiceNumber: 'INV-2', status: 'expired', expiresAt: now - 3 * day }),
    session({ id: 'paid', invoiceNumber: 'INV-3', status: 'complete', expiresAt: now - 3 * day }),
    session({ id: 'void', invoiceNumber: 'INV-4', voided: { at: now, reason: 'Duplicate' } }),
    // A link made before invoice numbers is not an invoice: never Overdue.
    session({ id: 'old', status: 'expired', expiresAt: now - 3 * day }),
    // An invoice carried on by a newer link is overdue there, not here.
    session({ id: 'renewed', invoiceNumber: 'INV-5', expiresAt: now - 3 * day, renewedBy: 'x' }),
  ];
  const ids = (status: 'overdue' | 'void') =>
    filterSessions(invoices, { query: '', status }, now).map((record) => record.id);

  it('Overdue finds the unpaid invoices whose due date has passed', () => {
    expect(ids('overdue')).toEqual(['late']);
  });

  it('Void finds the voided invoices', () => {
    expect(ids('void')).toEqual(['void']);
  });
});
