import { describe, expect, it } from 'vitest';
import { EMPTY_ITEM, emptyDraft, type Draft } from '../../../lib/draft.ts';
import { MAX_ITEMS } from '../../../lib/order.ts';
import { DEFAULT_SETTINGS } from '../../../lib/settings.ts';
import {
  errorsAfterRemoval,
  firstInvalidField,
  strayErrors,
  withItemAdded,
  withItemField,
  withItemRemoved,
  withoutError,
} from '../../../entrypoints/popup/form/draft-edit.ts';

function draftWith(count: number): Draft {
  const draft = emptyDraft(DEFAULT_SETTINGS, 'INV-1');
  return {
    ...draft,
    items: Array.from({ length: count }, (_, index) => ({ ...EMPTY_ITEM, name: `Item ${index}` })),
  };
}

describe('editing the draft', () => {
  it('changes one field of one item and keeps the typed text as is', () => {
    const draft = withItemField(draftWith(2), 1, 'unitPrice', ' 1,000.50 ');
    expect(draft.items[1]?.unitPrice).toBe(' 1,000.50 ');
    expect(draft.items[0]?.unitPrice).toBe('');
  });

  it('adds an empty item with a quantity of one', () => {
    expect(withItemAdded(draftWith(1)).items[1]).toEqual(EMPTY_ITEM);
  });

  it('adds no item beyond the maximum', () => {
    const full = draftWith(MAX_ITEMS);
    expect(withItemAdded(full)).toBe(full);
  });

  it('removes the chosen item', () => {
    const names = withItemRemoved(draftWith(3), 1).items.map((item) => item.name);
    expect(names).toEqual(['Item 0', 'Item 2']);
  });

  it('never removes the last item', () => {
    const single = draftWith(1);
    expect(withItemRemoved(single, 0)).toBe(single);
  });
});

describe('errors beside the fields', () => {
  it('drops the removed item’s errors and moves the later items’ errors up', () => {
    const errors = {
      'items.0.name': 'a',
      'items.1.unitPrice': 'b',
      'items.2.quantity': 'c',
      reference: 'd',
    };
    expect(errorsAfterRemoval(errors, 1)).toEqual({
      'items.0.name': 'a',
      'items.1.quantity': 'c',
      reference: 'd',
    });
  });

  it('clears the error of a field that was edited', () => {
    expect(withoutError({ reference: 'x', network: 'y' }, 'reference')).toEqual({ network: 'y' });
  });

  it('finds the first invalid field in the order of the screen', () => {
    const errors = { successUrl: 'a', 'items.1.name': 'b', 'items.0.quantity': 'c' };
    expect(firstInvalidField(draftWith(2), errors)).toBe('items.0.quantity');
  });

  it('lists the errors the form has no field for', () => {
    expect(strayErrors(draftWith(1), { 'items.0.name': 'a', images: 'b' })).toEqual(['b']);
  });
});
