import { describe, expect, it } from 'vitest';
import {
  countLine,
  itemsLine,
  refreshReport,
  rowLabel,
} from '../../../entrypoints/popup/history/history-text.ts';
import { visibleRange } from '../../../entrypoints/popup/history/useVirtualWindow.ts';
import { session } from '../factories.ts';

describe('History rows', () => {
  it('are named by first item, total and status', () => {
    expect(rowLabel(session(), 'open')).toBe('Logo design, 20.50 USDT, Open');
  });

  it('show a status Payfect added after its docs as received', () => {
    expect(rowLabel(session(), 'processing')).toBe('Logo design, 20.50 USDT, processing');
  });

  it('name the first item and count the others', () => {
    const items = [
      { name: 'Logo design', description: '', unitAmount: '1', quantity: 1 },
      { name: 'Hosting', description: '', unitAmount: '1', quantity: 1 },
      { name: 'SEO', description: '', unitAmount: '1', quantity: 1 },
    ];
    expect(itemsLine(items)).toEqual({ first: 'Logo design', more: 'and 2 more' });
    expect(itemsLine(items.slice(0, 1))).toEqual({ first: 'Logo design', more: '' });
  });
});

describe('countLine', () => {
  it('counts all links, or the matches among them', () => {
    expect(countLine(3, 3)).toBe('3 links');
    expect(countLine(1, 1)).toBe('1 link');
    expect(countLine(1, 3)).toBe('1 of 3 links');
    expect(countLine(1_234, 10_000)).toBe('1,234 of 10,000 links');
  });
});

describe('refreshReport', () => {
  it('sums up a refresh', () => {
    expect(refreshReport({ ok: true, checked: 3, changed: 1, failed: 0 })).toEqual({
      tone: 'success',
      text: 'Checked 3 open links · 1 status changed',
    });
    expect(refreshReport({ ok: true, checked: 0, changed: 0, failed: 0 }).text).toBe(
      'No open links to check',
    );
  });

  it('says which links Payfect did not find and that they stay open until they expire', () => {
    expect(refreshReport({ ok: true, checked: 3, changed: 0, failed: 0, notFound: 1 })).toEqual({
      tone: 'success',
      text: 'Checked 3 open links · no change · 1 link not found at Payfect: shown as Open until it expires.',
    });
    expect(
      refreshReport({ ok: true, checked: 2, changed: 0, failed: 0, notFound: 2 }).text,
    ).toMatch(/2 links not found at Payfect: shown as Open until they expire\.$/);
  });

  it('is an error with the reason when some or all checks failed', () => {
    const error = { kind: 'network', message: 'Payfect could not be reached.' } as const;
    expect(refreshReport({ ok: true, checked: 2, changed: 0, failed: 2, error })).toEqual({
      tone: 'error',
      text: 'Checked 2 open links · no change · 2 failed. Payfect could not be reached.',
    });
    expect(refreshReport({ ok: false, error })).toEqual({
      tone: 'error',
      text: 'Payfect could not be reached.',
    });
  });
});

describe('visibleRange', () => {
  it('renders the rows in view and a few more on each side', () => {
    expect(visibleRange(10_000, 100, 5_000, 400, 4)).toEqual({ start: 46, end: 58 });
  });

  it('stays within the list', () => {
    expect(visibleRange(3, 100, 0, 400, 4)).toEqual({ start: 0, end: 3 });
    expect(visibleRange(0, 100, 0, 400, 4)).toEqual({ start: 0, end: 0 });
  });

  it('with no count yet, says how many rows from the top the view needs (what a filter finds first)', () => {
    expect(visibleRange(Infinity, 100, 0, 400, 4)).toEqual({ start: 0, end: 8 });
    expect(visibleRange(Infinity, 100, 5_000, 400, 4).end).toBe(58);
  });
});
