import { z } from 'zod/mini';
import { hasHiddenCharacters } from './safe-text.ts';
import {
  EMPTY_ITEM,
  hasPricedItems,
  validateItems,
  type Draft,
  type FieldErrors,
} from './draft.ts';
import { formatAmount } from './format.ts';
import { t } from './i18n.ts';
import { formatDecimal, isZero, multiply, parseDecimal, sum } from './money.ts';
import {
  MAX_DESCRIPTION_LENGTH,
  MAX_ITEMS,
  MAX_NAME_LENGTH,
  MAX_QUANTITY,
  type OrderItem,
} from './order.ts';
import { err, ok, type Result } from './result.ts';
import { CURRENCIES } from './settings.ts';

/*
 * Saved items: named templates of line items that fill the popup's form in one pick. Pure
 * functions over a list; storage/saved-items.ts stores the list, the popup and options page edit it.
 */

export const MAX_TEMPLATE_NAME_LENGTH = 60;
export const MAX_TEMPLATES = 500;
export const MAX_IMPORT_BYTES = 1_000_000;
export const EXPORT_FORMAT = 'payfect-quick-links/saved-items';
/** 2: each template names its currency. Files of version 1 (no currency) still import. */
export const EXPORT_VERSION = 2;
const READABLE_VERSIONS: readonly unknown[] = [1, 2];

/** What a template's prices can be in: the form's currencies. */
export const TEMPLATE_CURRENCIES = CURRENCIES.map((currency) => currency.value);
export type TemplateCurrency = (typeof CURRENCIES)[number]['value'];

export function isTemplateCurrency(value: string): value is TemplateCurrency {
  return (TEMPLATE_CURRENCIES as readonly string[]).includes(value);
}

/** A currency code as written anywhere ("TWD", "twd"), lower-cased; only the form's ones. */
const CurrencySchema = z.pipe(
  z.string().check(z.toLowerCase(), z.trim()),
  z.enum(TEMPLATE_CURRENCIES as [TemplateCurrency, ...TemplateCurrency[]]),
);

/** A unit price as stored: a plain decimal string above zero ("120.5"), never a float. */
const PriceSchema = z.string().check(
  z.refine((text) => {
    const parsed = parseDecimal(text);
    return parsed.ok && !isZero(parsed.value);
  }),
);

export const TemplateItemSchema = z.object({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_NAME_LENGTH)),
  description: z.string().check(z.trim(), z.maxLength(MAX_DESCRIPTION_LENGTH)),
  unitPrice: PriceSchema,
  quantity: z.int().check(z.minimum(1), z.maximum(MAX_QUANTITY)),
});
export type TemplateItem = z.infer<typeof TemplateItemSchema>;

/*
 * The currency the prices were saved in. Null: saved before templates kept one (stored
 * version 1, or an export file of version 1) — "currency not set": the popup asks which it
 * is on first use and stores the answer, and never guesses it from the form. Read liberally
 * (a missing field is null), so an entry that missed the migration is still a template.
 */
const TemplateCurrencyField = z.pipe(
  z.optional(z.nullable(CurrencySchema)),
  z.transform((currency): TemplateCurrency | null => currency ?? null),
);

export const TemplateSchema = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_TEMPLATE_NAME_LENGTH)),
  items: z.array(TemplateItemSchema).check(z.minLength(1), z.maxLength(MAX_ITEMS)),
  currency: TemplateCurrencyField,
  createdAt: z.number(),
  updatedAt: z.optional(z.number()),
});
export type Template = z.output<typeof TemplateSchema>;

/** Names are unique whatever their case or width ("Logo" and "ＬＯＧＯ" are one name). */
export function nameKey(name: string): string {
  return name.normalize('NFKC').trim().toLocaleLowerCase();
}

export function findByName(list: readonly Template[], name: string): Template | undefined {
  const key = nameKey(name);
  return list.find((template) => nameKey(template.name) === key);
}

/** The valid templates of a stored value, the first of each name; anything else is dropped. */
export function validTemplates(value: unknown): Template[] {
  if (!Array.isArray(value)) return [];
  const kept: Template[] = [];
  for (const entry of value) {
    const parsed = z.safeParse(TemplateSchema, entry);
    if (parsed.success && !findByName(kept, parsed.data.name)) kept.push(parsed.data);
  }
  return kept.slice(0, MAX_TEMPLATES);
}

/** Adds the template, or replaces the one of the same name (keeping its id and creation). */
export function withTemplate(list: readonly Template[], template: Template): Template[] {
  const existing = findByName(list, template.name);
  if (!existing) return [...list, template];
  const replaced: Template = { ...template, id: existing.id, createdAt: existing.createdAt };
  return list.map((other) => (other === existing ? replaced : other));
}

export type RenameError = 'empty' | 'too_long' | 'hidden' | 'taken';

export function renamed(
  list: readonly Template[],
  id: string,
  name: string,
  now: number,
): Result<Template[], RenameError> {
  const trimmed = name.trim();
  if (trimmed === '') return err('empty');
  if (trimmed.length > MAX_TEMPLATE_NAME_LENGTH) return err('too_long');
  if (hasHiddenCharacters(trimmed)) return err('hidden');
  const other = findByName(list, trimmed);
  if (other && other.id !== id) return err('taken');
  return ok(
    list.map((template) =>
      template.id === id ? { ...template, name: trimmed, updatedAt: now } : template,
    ),
  );
}

export function withoutTemplate(list: readonly Template[], id: string): Template[] {
  return list.filter((template) => template.id !== id);
}

/**
 * The templates matching typed text, case- and width-insensitively, by their name or an
 * item's name: names that start with the text first, then other name matches, then item
 * matches; alphabetical within each. Empty text lists them all.
 */
export function searchTemplates(list: readonly Template[], text: string): Template[] {
  const query = nameKey(text);
  const rank = (template: Template): number => {
    const name = nameKey(template.name);
    if (name.startsWith(query)) return 0;
    if (name.includes(query)) return 1;
    return template.items.some((item) => nameKey(item.name).includes(query)) ? 2 : -1;
  };
  return list
    .map((template) => ({ template, rank: rank(template) }))
    .filter((entry) => entry.rank >= 0)
    .sort((a, b) => a.rank - b.rank || a.template.name.localeCompare(b.template.name))
    .map((entry) => entry.template);
}

/** The template's currency as the form shows it ("TWD"), or undefined when not set. */
export function templateCurrencyLabel(template: Pick<Template, 'currency'>): string | undefined {
  return template.currency?.toUpperCase();
}

/** The exact sum of price × quantity, as a decimal string with at least 2 decimals. */
export function templateTotal(template: Template): string {
  const lines = template.items.flatMap((item) => {
    const price = parseDecimal(item.unitPrice);
    return price.ok ? [multiply(price.value, item.quantity)] : [];
  });
  return formatDecimal(sum(lines), 2);
}

/**
 * "2 items · 12,000.00 TWD", or "… · currency not set": a total is never shown without its
 * unit, in the picker and in Settings alike.
 */
export function templateSummary(template: Template): string {
  const count = template.items.length;
  const items = t('savedItems.itemCount', count, { count });
  const total = formatAmount(templateTotal(template));
  const currency = templateCurrencyLabel(template);
  return currency === undefined
    ? t('savedItems.summaryNoCurrency', { items, total })
    : t('savedItems.summary', { items, total, currency });
}

/**
 * The form's items, checked as "Create link" would check them, for saving as a template:
 * the item errors by field key when any is wrong. Only the items are checked: a wrong field
 * elsewhere on the form (Client email, a URL) never stops Save items.
 */
export function itemsFromDraft(draft: Draft): Result<TemplateItem[], FieldErrors> {
  const items = validateItems(draft);
  return items.ok ? ok(items.value.map(templateItemOf)) : items;
}

/** What "Save items" keeps: the items, and the currency their prices are in. */
export interface DraftTemplate {
  readonly items: TemplateItem[];
  readonly currency: TemplateCurrency;
}

/**
 * The form's items and currency, for saving as a template; the item errors, and the
 * currency's when it is not one the form offers, by field key otherwise.
 */
export function templateFromDraft(draft: Draft): Result<DraftTemplate, FieldErrors> {
  const items = itemsFromDraft(draft);
  const currency = draft.currency.trim().toLowerCase();
  const errors: FieldErrors = items.ok ? {} : { ...items.error };
  if (!isTemplateCurrency(currency)) errors.currency = t('validation.chooseCurrency');
  if (!items.ok || !isTemplateCurrency(currency)) return err(errors);
  return ok({ items: items.value, currency });
}

function templateItemOf(item: OrderItem): TemplateItem {
  return {
    name: item.name,
    description: item.description,
    unitPrice: item.unitAmount,
    quantity: item.quantity,
  };
}

function isBlank(draft: Draft): boolean {
  return (
    draft.items.length === 1 &&
    draft.items.every(
      (item) =>
        item.name.trim() === '' &&
        item.description.trim() === '' &&
        item.unitPrice.trim() === '' &&
        [EMPTY_ITEM.quantity, ''].includes(item.quantity.trim()),
    )
  );
}

export interface Picked {
  readonly draft: Draft;
  /** True when the form's single empty item was replaced, false when appended after others. */
  readonly replaced: boolean;
  /** The form's currency before, when the pick changed it to the template's. */
  readonly currencyChangedFrom?: string;
}

/**
 * Why a template was not put into the form: it would pass the item limit; it has no
 * currency yet (ask the user first); or its currency differs from that of prices already
 * typed in the form (`formCurrency`).
 */
export type PickRefusal =
  | { readonly kind: 'full' }
  | { readonly kind: 'currency_not_set' }
  | { readonly kind: 'other_currency'; readonly formCurrency: string };

/**
 * The draft with the template's items: they replace a form that holds only one empty item,
 * and are added after the items already typed otherwise.
 *
 * Money keeps its unit. A template in the form's currency is simply added. A template in
 * another currency switches the form to it when no price is typed in the form yet — the
 * freelancer in a hurry who picks "Website" (TWD) on a fresh USDT form means TWD, and a
 * visible note says the currency changed. When the form already holds prices in its own
 * currency, it is refused with the reason: adding would either reprice the typed items or
 * the template's (one link has one currency), and there is no exchange rate to trust here.
 * A template with no currency is never guessed into the form's: the popup asks first.
 */
export function draftWithTemplate(draft: Draft, template: Template): Result<Picked, PickRefusal> {
  if (template.currency === null) return err({ kind: 'currency_not_set' });
  const items = template.items.map((item) => ({
    name: item.name,
    description: item.description,
    unitPrice: item.unitPrice,
    quantity: String(item.quantity),
  }));
  const formCurrency = draft.currency.trim().toLowerCase();
  const sameCurrency = formCurrency === template.currency;
  // A form with no currency chosen has prices of no unit yet: they take the template's.
  if (!sameCurrency && formCurrency !== '' && hasPricedItems(draft)) {
    return err({ kind: 'other_currency', formCurrency: draft.currency });
  }
  const switched = sameCurrency ? {} : { currency: template.currency };
  const changed = sameCurrency ? {} : { currencyChangedFrom: draft.currency };
  if (isBlank(draft)) {
    return ok({ draft: { ...draft, ...switched, items }, replaced: true, ...changed });
  }
  if (draft.items.length + items.length > MAX_ITEMS) return err({ kind: 'full' });
  return ok({
    draft: { ...draft, ...switched, items: [...draft.items, ...items] },
    replaced: false,
    ...changed,
  });
}

/** The template with the currency the user said its prices are in (first use of an old one). */
export function withCurrency(
  list: readonly Template[],
  id: string,
  currency: TemplateCurrency,
  now: number,
): Template[] {
  return list.map((template) =>
    template.id === id ? { ...template, currency, updatedAt: now } : template,
  );
}

/** The export file: a versioned envelope, so a later build can tell what it reads. */
export function toJson(list: readonly Template[]): string {
  const items = list.map(({ name, items: lines, currency, createdAt, updatedAt }) => ({
    name,
    items: lines,
    // null: "currency not set", as stored; the importing side asks on first use too.
    currency,
    createdAt,
    ...(updatedAt === undefined ? {} : { updatedAt }),
  }));
  return `${JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, items }, null, 2)}\n`;
}

/* Imported names must show what they are (lib/safe-text.ts); stored ones are read as saved. */
const VisibleName = z.refine(
  (text: unknown) => typeof text !== 'string' || !hasHiddenCharacters(text),
  {
    params: { hidden: true },
  },
);

/** A template as an export file holds it: no id (a fresh one is given on import). */
const ImportedSchema = z.object({
  name: TemplateSchema.shape.name.check(VisibleName),
  items: z
    .array(
      z.object({
        ...TemplateItemSchema.shape,
        name: TemplateItemSchema.shape.name.check(VisibleName),
      }),
    )
    .check(z.minLength(1), z.maxLength(MAX_ITEMS)),
  currency: TemplateCurrencyField,
  createdAt: z.optional(z.number()),
  updatedAt: z.optional(z.number()),
});

export type ImportedTemplate = Omit<Template, 'id'>;

function describeIssue(issue: z.core.$ZodIssue): string {
  const [first, second, third] = issue.path;
  if (issue.code === 'custom' && (first === 'name' || third === 'name')) {
    return typeof second === 'number'
      ? t('savedItems.import.hiddenItemName', { item: second + 1 })
      : t('savedItems.import.hiddenName');
  }
  if (first === 'name') return t('savedItems.import.badName', { max: MAX_TEMPLATE_NAME_LENGTH });
  if (first === 'currency') {
    return t('savedItems.import.badCurrency', {
      currencies: CURRENCIES.map((currency) => currency.value.toUpperCase()).join(', '),
    });
  }
  if (first !== 'items') return t('savedItems.import.badEntry');
  if (typeof second !== 'number') return t('savedItems.import.badItems', { max: MAX_ITEMS });
  const item = second + 1;
  switch (third) {
    case 'name':
      return t('savedItems.import.badItemName', { item, max: MAX_NAME_LENGTH });
    case 'description':
      return t('savedItems.import.badDescription', { item, max: MAX_DESCRIPTION_LENGTH });
    case 'unitPrice':
      return t('savedItems.import.badPrice', { item });
    case 'quantity':
      return t('savedItems.import.badQuantity', { item, max: MAX_QUANTITY });
    default:
      return t('savedItems.import.badItem', { item });
  }
}

function entryLabel(entry: unknown, index: number): string {
  const name = (entry as { name?: unknown } | null)?.name;
  return typeof name === 'string' && name.trim() !== ''
    ? t('savedItems.import.entryNamed', { number: index + 1, name: name.trim().slice(0, 60) })
    : t('savedItems.import.entry', { number: index + 1 });
}

/**
 * Reads an export file. Never throws: either every template in it, or one message per
 * problem (per entry, naming it), so the user can fix the file and try again.
 */
export function parseImport(text: string, now: number): Result<ImportedTemplate[], string[]> {
  if (text.length > MAX_IMPORT_BYTES) return err([t('savedItems.import.tooBig')]);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return err([t('savedItems.import.notJson')]);
  }
  const envelope = data as { format?: unknown; version?: unknown; items?: unknown } | null;
  if (typeof envelope !== 'object' || envelope === null || envelope.format !== EXPORT_FORMAT) {
    return err([t('savedItems.import.wrongFormat')]);
  }
  if (!READABLE_VERSIONS.includes(envelope.version)) {
    return err([t('savedItems.import.wrongVersion', { version: String(envelope.version) })]);
  }
  if (!Array.isArray(envelope.items)) return err([t('savedItems.import.wrongFormat')]);
  if (envelope.items.length > MAX_TEMPLATES) {
    return err([t('savedItems.import.tooMany', { max: MAX_TEMPLATES })]);
  }
  const problems: string[] = [];
  const templates: ImportedTemplate[] = [];
  for (const [index, entry] of envelope.items.entries()) {
    const parsed = z.safeParse(ImportedSchema, entry);
    if (!parsed.success) {
      const reasons = [...new Set(parsed.error.issues.map(describeIssue))];
      problems.push(`${entryLabel(entry, index)}: ${reasons.join(' ')}`);
      continue;
    }
    const { name, items, createdAt, updatedAt } = parsed.data;
    // A version 1 file knows no currency: whatever an entry says, it is "not set".
    const currency = envelope.version === 1 ? null : parsed.data.currency;
    if (templates.some((other) => nameKey(other.name) === nameKey(name))) {
      problems.push(`${entryLabel(entry, index)}: ${t('savedItems.import.duplicate')}`);
      continue;
    }
    templates.push({
      name,
      items: items.map((item) => ({ ...item, unitPrice: canonicalPrice(item.unitPrice) })),
      currency,
      createdAt: createdAt ?? now,
      ...(updatedAt === undefined ? {} : { updatedAt }),
    });
  }
  return problems.length > 0 ? err(problems) : ok(templates);
}

function canonicalPrice(text: string): string {
  const parsed = parseDecimal(text);
  return parsed.ok ? formatDecimal(parsed.value) : text;
}

export interface Merged {
  readonly list: Template[];
  readonly added: number;
  readonly replaced: number;
  /** Same name and the same items as a template already saved: nothing to change. */
  readonly skipped: number;
}

function sameItems(a: readonly TemplateItem[], b: readonly TemplateItem[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Imported templates merged into the saved ones: a new name is added, a known name
 * replaces that template's items and currency — except that an imported template with no
 * currency (a version 1 file) keeps the currency the saved one has. Undefined when the
 * result would pass MAX_TEMPLATES.
 */
export function mergeImport(
  list: readonly Template[],
  imported: readonly ImportedTemplate[],
  newId: () => string,
  now: number,
): Merged | undefined {
  let next = [...list];
  let added = 0;
  let replaced = 0;
  let skipped = 0;
  for (const template of imported) {
    const existing = findByName(next, template.name);
    const currency = template.currency ?? existing?.currency ?? null;
    if (existing && sameItems(existing.items, template.items) && existing.currency === currency) {
      skipped += 1;
    } else if (existing) {
      next = withTemplate(next, { ...existing, items: template.items, currency, updatedAt: now });
      replaced += 1;
    } else {
      next = [...next, { ...template, id: newId() }];
      added += 1;
    }
  }
  return next.length > MAX_TEMPLATES ? undefined : { list: next, added, replaced, skipped };
}
