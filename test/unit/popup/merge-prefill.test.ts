import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EMPTY_ITEM, emptyDraft, type Draft } from '../../../lib/draft.ts';
import { MAX_ITEMS } from '../../../lib/order.ts';
import { clip, isFresh, PREFILL_MAX_AGE_MS, type Prefill } from '../../../lib/prefill.ts';
import { DEFAULT_SETTINGS } from '../../../lib/settings.ts';
import { draftItem, prefillItem, readDraft, readPrefill } from '../../../storage/draft.ts';
import {
  isEmptyDraft,
  mergePrefill,
  takePrefill,
  viewWithPrefill,
} from '../../../entrypoints/popup/form/merge-prefill.ts';
import type { View } from '../../../entrypoints/popup/view.ts';
import { session } from '../background/helpers.ts';

const NOW = 1_800_000_000_000;

const PREFILL: Prefill = {
  createdAt: NOW,
  name: 'Acme brief',
  description: 'Logo design — NT$600',
  unitPrice: '600',
  currency: 'twd',
};

const PREFILLED_ITEM = {
  name: 'Acme brief',
  description: 'Logo design — NT$600',
  unitPrice: '600',
  quantity: '1',
};

function draftWith(count: number): Draft {
  return {
    ...emptyDraft(DEFAULT_SETTINGS, 'INV-1'),
    items: Array.from({ length: count }, (_, index) => ({
      ...EMPTY_ITEM,
      name: `Item ${index}`,
      unitPrice: '10',
    })),
  };
}

describe('an empty draft', () => {
  it('is one with nothing typed in any item', () => {
    expect(isEmptyDraft(emptyDraft(DEFAULT_SETTINGS, 'INV-1'))).toBe(true);
  });

  it('is not one with only a price typed', () => {
    const draft = emptyDraft(DEFAULT_SETTINGS, 'INV-1');
    expect(isEmptyDraft({ ...draft, items: [{ ...EMPTY_ITEM, unitPrice: '5' }] })).toBe(false);
  });

  it('is not one with a quantity changed', () => {
    const draft = emptyDraft(DEFAULT_SETTINGS, 'INV-1');
    expect(isEmptyDraft({ ...draft, items: [{ ...EMPTY_ITEM, quantity: '3' }] })).toBe(false);
  });
});

describe('a prefill meeting the form', () => {
  it('replaces an empty draft, in the currency the selection named', () => {
    const draft = emptyDraft(DEFAULT_SETTINGS, 'INV-1');
    const merged = mergePrefill(draft, PREFILL);
    expect(merged.draft).toEqual({ ...draft, items: [PREFILLED_ITEM], currency: 'twd' });
    expect(merged.notice).toMatch(/selected text/);
  });

  it('keeps the form currency when the selection named none', () => {
    const noCurrency: Prefill = { ...PREFILL, currency: undefined };
    const draft = { ...emptyDraft(DEFAULT_SETTINGS, 'INV-1'), currency: 'cny' };
    expect(mergePrefill(draft, noCurrency).draft.currency).toBe('cny');
  });

  it('is added after the items already typed, which stay as they were', () => {
    const draft = draftWith(2);
    const merged = mergePrefill(draft, { ...PREFILL, currency: 'usdt' });
    expect(merged.draft.items).toEqual([...draft.items, PREFILLED_ITEM]);
    expect(merged.draft.currency).toBe(draft.currency);
    expect(merged.notice).toBe('Added the selected text as item 3; your other items are kept.');
  });

  it('never turns NT$600 into 600 USDT: on a half-typed USDT form the item comes without its price, and the notice says why', () => {
    const draft = draftWith(1);
    const merged = mergePrefill(draft, PREFILL);
    expect(merged.draft.currency).toBe('usdt');
    expect(merged.draft.items).toEqual([...draft.items, { ...PREFILLED_ITEM, unitPrice: '' }]);
    expect(merged.notice).toBe(
      'Added the selected text as item 2; your other items are kept. Its price, 600 TWD, was left out: the prices on this link are in USDT — enter it in USDT.',
    );
  });

  it('switches a form with no price typed yet to the currency the selection named, and says so', () => {
    const draft = { ...draftWith(1), items: [{ ...EMPTY_ITEM, name: 'Logo' }] };
    const merged = mergePrefill(draft, PREFILL);
    expect(merged.draft).toEqual({
      ...draft,
      currency: 'twd',
      items: [...draft.items, PREFILLED_ITEM],
    });
    expect(merged.notice).toBe(
      'Added the selected text as item 2; your other items are kept. Currency changed to TWD to match the selected text.',
    );
  });

  it('keeps the price and the form currency when the selection named no currency', () => {
    const draft = draftWith(1);
    const merged = mergePrefill(draft, { ...PREFILL, currency: undefined });
    expect(merged.draft).toEqual({ ...draft, items: [...draft.items, PREFILLED_ITEM] });
  });

  it('is not added to a form at the item limit, and the form says why', () => {
    const draft = draftWith(MAX_ITEMS);
    const merged = mergePrefill(draft, PREFILL);
    expect(merged.draft).toBe(draft);
    expect(merged.notice).toBe(
      `The form already has ${MAX_ITEMS} items, so the selected text was not added.`,
    );
  });
});

describe('the view a prefill opens on', () => {
  const form: View = { kind: 'form', draft: emptyDraft(DEFAULT_SETTINGS, 'INV-1'), error: null };

  it('is the form with the prefill and its notice', () => {
    const view = viewWithPrefill(form, PREFILL, DEFAULT_SETTINGS);
    expect(view).toMatchObject({ kind: 'form', error: null, notice: expect.any(String) });
    expect(view?.kind === 'form' && view.draft.items).toEqual([PREFILLED_ITEM]);
  });

  it('is a new form instead of a finished link, which History keeps', () => {
    const result: View = {
      kind: 'result',
      requestId: 'r1',
      session: session('cs_1'),
      autoCopy: 'none',
    };
    const view = viewWithPrefill(result, PREFILL, DEFAULT_SETTINGS);
    expect(view?.kind === 'form' && view.draft.items).toEqual([PREFILLED_ITEM]);
    expect(view?.kind === 'form' && view.notice).toMatch(/previous link is in History/);
  });

  it.each<View>([
    { kind: 'noKey' },
    { kind: 'locked' },
    { kind: 'pending', requestId: 'r1', startedAt: 1, draft: draftWith(1) },
  ])('waits while the popup shows $kind', (view) => {
    expect(viewWithPrefill(view, PREFILL, DEFAULT_SETTINGS)).toBeUndefined();
  });
});

describe('a prefill taken by the popup', () => {
  const form: View = { kind: 'form', draft: draftWith(1), error: null };

  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
  });

  afterEach(() => vi.useRealTimers());

  it('is saved in the draft and removed, so a closed popup still has it', async () => {
    await prefillItem.setValue(PREFILL);
    const view = takePrefill(form, PREFILL, DEFAULT_SETTINGS);
    await vi.waitFor(async () => expect(await readPrefill()).toBeNull());
    expect(view.kind === 'form' && view.draft.items).toHaveLength(2);
    expect(await readDraft()).toEqual(view.kind === 'form' ? view.draft : undefined);
  });

  it('is dropped without use once older than two minutes', async () => {
    const old = { ...PREFILL, createdAt: NOW - PREFILL_MAX_AGE_MS - 1 };
    await prefillItem.setValue(old);
    expect(takePrefill(form, old, DEFAULT_SETTINGS)).toBe(form);
    await vi.waitFor(async () => expect(await readPrefill()).toBeNull());
    expect(await draftItem.getValue()).toBeNull();
  });

  it('is kept for later while the popup asks for a key', async () => {
    await prefillItem.setValue(PREFILL);
    const noKey: View = { kind: 'noKey' };
    expect(takePrefill(noKey, PREFILL, DEFAULT_SETTINGS)).toBe(noKey);
    expect(await readPrefill()).toEqual(PREFILL);
  });
});

describe('the prefill record', () => {
  it('is fresh for two minutes', () => {
    expect(isFresh(PREFILL, NOW + PREFILL_MAX_AGE_MS)).toBe(true);
    expect(isFresh(PREFILL, NOW + PREFILL_MAX_AGE_MS + 1)).toBe(false);
  });

  it('clips text to the limit with an ellipsis and never splits an emoji', () => {
    expect(clip('  a \n b  ', 10)).toBe('a b');
    expect(clip('abcdef', 4)).toBe('abc…');
    expect(clip('ab😀cd', 4)).toBe('ab…');
  });

  it('is refused from storage when it does not match its schema', async () => {
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set({ prefill: { ...PREFILL, unitPrice: '-5' } });
    expect(await readPrefill()).toBeNull();
  });
});
