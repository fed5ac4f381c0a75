import { EMPTY_ITEM, type Draft, type DraftItem, type FieldErrors } from '../../../lib/draft.ts';
import { MORE_FIELDS, TOP_FIELDS } from '../../../lib/fields.ts';
import { MAX_ITEMS } from '../../../lib/order.ts';

/* Pure edits of the draft and of its error map, so the form component stays about layout. */

export type ItemField = keyof DraftItem;

export const ITEM_FIELDS: readonly ItemField[] = ['name', 'description', 'unitPrice', 'quantity'];

/** The error key of the whole item list ("Use at most 20 items."), shown by "Add item". */
export const ITEMS_KEY = 'items';

export function itemKey(index: number, field: ItemField): string {
  return `items.${index}.${field}`;
}

export function withItemField(draft: Draft, index: number, field: ItemField, value: string): Draft {
  return {
    ...draft,
    items: draft.items.map((item, at) => (at === index ? { ...item, [field]: value } : item)),
  };
}

export function canAddItem(draft: Draft): boolean {
  return draft.items.length < MAX_ITEMS;
}

export function withItemAdded(draft: Draft): Draft {
  return canAddItem(draft) ? { ...draft, items: [...draft.items, { ...EMPTY_ITEM }] } : draft;
}

/** The draft without item `index`; the last remaining item is never removed. */
export function withItemRemoved(draft: Draft, index: number): Draft {
  if (draft.items.length <= 1) return draft;
  return { ...draft, items: draft.items.filter((_, at) => at !== index) };
}

/** Errors after item `index` was removed: its own go, the later items' move up one. */
export function errorsAfterRemoval(errors: FieldErrors, index: number): FieldErrors {
  const next: FieldErrors = {};
  for (const [key, message] of Object.entries(errors)) {
    const match = /^items\.(\d+)\.(.+)$/.exec(key);
    if (!match) {
      next[key] = message;
      continue;
    }
    const at = Number(match[1]);
    if (at < index) next[key] = message;
    else if (at > index) next[`items.${at - 1}.${match[2] ?? ''}`] = message;
  }
  return next;
}

export function withoutError(errors: FieldErrors, key: string): FieldErrors {
  if (!(key in errors)) return errors;
  return Object.fromEntries(Object.entries(errors).filter(([other]) => other !== key));
}

/** Every error key the form can show beside a field, in the order they appear on screen. */
export function fieldOrder(draft: Draft): string[] {
  return [
    ...draft.items.flatMap((_, index) => ITEM_FIELDS.map((field) => itemKey(index, field))),
    ITEMS_KEY,
    ...TOP_FIELDS,
  ];
}

export function firstInvalidField(draft: Draft, errors: FieldErrors): string | undefined {
  return fieldOrder(draft).find((key) => errors[key] !== undefined);
}

/** Errors the form has no field for: they are listed in the alert instead. */
export function strayErrors(draft: Draft, errors: FieldErrors): string[] {
  const shown = new Set(fieldOrder(draft));
  return Object.entries(errors)
    .filter(([key]) => !shown.has(key))
    .map(([, message]) => message);
}

/** Every field of the form outside the items, in screen order, and those under More options. */
export { MORE_FIELDS, TOP_FIELDS, type FieldKey as TopField } from '../../../lib/fields.ts';

export function hasMoreOptionsError(errors: FieldErrors): boolean {
  return MORE_FIELDS.some((field) => errors[field] !== undefined);
}
