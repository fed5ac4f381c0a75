import { useId, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import type { Draft, FieldErrors } from '../../../lib/draft.ts';
import { t } from '../../../lib/i18n.ts';
import { MAX_ITEMS } from '../../../lib/order.ts';
import { hasHiddenCharacters } from '../../../lib/safe-text.ts';
import { readSavedItems, updateSavedItems } from '../../../storage/saved-items.ts';
import {
  draftWithTemplate,
  findByName,
  isTemplateCurrency,
  MAX_TEMPLATE_NAME_LENGTH,
  searchTemplates,
  templateCurrencyLabel,
  templateFromDraft,
  withCurrency,
  withTemplate,
  type DraftTemplate,
  type Picked,
  type Template,
} from '../../../lib/saved-items.ts';

/** The most options the list shows at once; typing narrows it down. */
const MAX_SHOWN = 50;

export interface SavedItemsProps {
  /** The form's draft as it is now. */
  current: () => Draft;
  /** Puts a picked template's items into the form (see draftWithTemplate); `name` is its name. */
  onPicked: (picked: Picked, name: string) => void;
  /** Marks the form's wrong items (or currency) when they cannot be saved as they are. */
  onInvalidItems: (errors: FieldErrors) => void;
}

/** A template saved without a currency, picked: which currency its prices are in. */
export interface Asking {
  readonly template: Template;
  readonly currency: string;
  readonly error: string;
}

/** The template name being typed after "Save items". */
export interface Naming {
  readonly name: string;
  readonly error: string;
}

type Setter<T> = (value: T) => void;

/** What the handlers below work on: the props, the state as rendered, and its setters. */
interface Context extends SavedItemsProps {
  id: string;
  templates: Template[] | null;
  setTemplates: Setter<Template[]>;
  text: string;
  setText: Setter<string>;
  open: boolean;
  setOpen: Setter<boolean>;
  active: number;
  setActive: Setter<number>;
  setMessage: Setter<string>;
  naming: Naming | null;
  setNaming: Setter<Naming | null>;
  asking: Asking | null;
  setAsking: Setter<Asking | null>;
  loading: RefObject<Promise<Template[]> | null>;
  saveButton: RefObject<HTMLButtonElement | null>;
  input: RefObject<HTMLInputElement | null>;
}

function load(c: Context): Promise<Template[]> {
  c.loading.current ??= readSavedItems().then(
    (list) => {
      c.setTemplates(list);
      return list;
    },
    (error: unknown) => {
      console.error('Could not read the saved items', error);
      c.loading.current = null;
      c.setMessage(t('savedItems.readFailed'));
      return [];
    },
  );
  return c.loading.current;
}

/** The list as now stored, for the picker too. */
function keep(c: Context, saved: Template[] | undefined): void {
  if (!saved) return;
  c.setTemplates(saved);
  c.loading.current = Promise.resolve(saved);
}

function pick(c: Context, template: Template): void {
  c.setOpen(false);
  c.setText('');
  const name = template.name;
  const picked = draftWithTemplate(c.current(), template);
  if (picked.ok) {
    c.onPicked(picked.value, name);
    const currency = templateCurrencyLabel(template);
    c.setMessage(
      picked.value.currencyChangedFrom !== undefined && currency !== undefined
        ? t('savedItems.pickedCurrencyChanged', { name, currency })
        : t('savedItems.picked', { name }),
    );
    return;
  }
  const refusal = picked.error;
  switch (refusal.kind) {
    case 'full':
      c.setMessage(t('savedItems.full', { name, max: MAX_ITEMS }));
      return;
    case 'other_currency':
      c.setMessage(
        t('savedItems.otherCurrency', {
          name,
          theirs: templateCurrencyLabel(template) ?? '',
          ours: refusal.formCurrency.toUpperCase(),
        }),
      );
      return;
    case 'currency_not_set':
      startAsking(c, template);
      return;
  }
}

/**
 * An old template has no currency: its prices are put nowhere until the user says which
 * currency they are in. The form's currency is offered, but only "Use this currency" takes it.
 */
function startAsking(c: Context, template: Template): void {
  const formCurrency = c.current().currency.trim().toLowerCase();
  const offered = isTemplateCurrency(formCurrency) ? formCurrency : '';
  flushSync(() => {
    c.setMessage('');
    c.setAsking({ template, currency: offered, error: '' });
  });
  document.getElementById(`${c.id}-currency`)?.focus();
}

async function confirmCurrency(c: Context): Promise<void> {
  const { asking } = c;
  if (!asking) return;
  const { template, currency } = asking;
  if (!isTemplateCurrency(currency)) {
    c.setAsking({ ...asking, error: t('validation.chooseCurrency') });
    return;
  }
  try {
    keep(
      c,
      await updateSavedItems((list) => withCurrency(list, template.id, currency, Date.now())),
    );
  } catch (error) {
    console.error('Could not store the saved items', error);
    c.setAsking({ ...asking, error: t('savedItems.writeFailed') });
    return;
  }
  flushSync(() => c.setAsking(null));
  pick(c, { ...template, currency });
  // Refused (another currency on the form, or full): back to the picker, message beside it.
  if (document.activeElement === document.body) c.input.current?.focus();
}

function matchesOf(templates: Template[] | null, text: string): Template[] {
  return templates === null ? [] : searchTemplates(templates, text).slice(0, MAX_SHOWN);
}

async function pickTyped(c: Context): Promise<void> {
  const list = c.templates ?? (await load(c));
  const found = searchTemplates(list, c.text);
  const chosen = found[c.open ? Math.min(c.active, found.length - 1) : 0];
  if (c.text.trim() === '' && !c.open) c.setOpen(true);
  else if (chosen) pick(c, chosen);
}

function move(c: Context, by: number): void {
  if (!c.open) {
    c.setOpen(true);
    c.setActive(0);
    return;
  }
  const count = matchesOf(c.templates, c.text).length;
  if (count > 0) c.setActive((c.active + by + count) % count);
}

function onComboKeyDown(c: Context, event: KeyboardEvent<HTMLInputElement>): void {
  switch (event.key) {
    case 'ArrowDown':
    case 'ArrowUp':
      event.preventDefault();
      move(c, event.key === 'ArrowDown' ? 1 : -1);
      return;
    case 'Enter':
      // Never the form's submit: Enter here picks.
      event.preventDefault();
      void pickTyped(c);
      return;
    case 'Escape':
      if (c.open || c.text !== '') {
        event.preventDefault();
        if (c.open) c.setOpen(false);
        else c.setText('');
      }
      return;
  }
}

/** The form's items and currency to save, or undefined after the form marked what is wrong. */
function itemsToSave(c: Context): DraftTemplate | undefined {
  const checked = templateFromDraft(c.current());
  if (checked.ok) return checked.value;
  c.onInvalidItems(checked.error);
  return undefined;
}

function startSaving(c: Context): void {
  c.setMessage('');
  const saving = itemsToSave(c);
  if (!saving) {
    c.setMessage(t('savedItems.fixItems'));
    return;
  }
  flushSync(() =>
    c.setNaming({
      name: (saving.items[0]?.name ?? '').slice(0, MAX_TEMPLATE_NAME_LENGTH),
      error: '',
    }),
  );
  const input = document.getElementById(`${c.id}-name`);
  if (input instanceof HTMLInputElement) {
    input.focus();
    input.select();
  }
}

function nameError(name: string): string | undefined {
  if (name === '') return t('savedItems.nameEmpty');
  if (hasHiddenCharacters(name)) return t('validation.hiddenCharacters');
  return undefined;
}

async function confirmSave(c: Context): Promise<void> {
  const { naming } = c;
  if (!naming) return;
  const name = naming.name.trim();
  const error = nameError(name);
  if (error !== undefined) {
    c.setNaming({ ...naming, error });
    return;
  }
  const saving = itemsToSave(c);
  if (!saving) {
    c.setNaming(null);
    c.setMessage(t('savedItems.fixItems'));
    return;
  }
  const { items, currency } = saving;
  const found = { replacing: false };
  try {
    const saved = await updateSavedItems((list) => {
      found.replacing = findByName(list, name) !== undefined;
      const now = Date.now();
      return withTemplate(list, { id: crypto.randomUUID(), name, items, currency, createdAt: now });
    });
    keep(c, saved);
  } catch (error) {
    console.error('Could not store the saved items', error);
    c.setNaming({ ...naming, error: t('savedItems.writeFailed') });
    return;
  }
  flushSync(() => {
    c.setNaming(null);
    c.setMessage(t(found.replacing ? 'savedItems.replaced' : 'savedItems.saved', { name }));
  });
  c.saveButton.current?.focus();
}

/** The status line under the picker while it is open: loading, none, or no match. */
function hintOf(
  open: boolean,
  templates: Template[] | null,
  text: string,
  matches: readonly Template[],
): string {
  if (!open) return '';
  if (templates === null) return t('savedItems.loading');
  if (templates.length === 0) return t('savedItems.none');
  return matches.length === 0 ? t('savedItems.noMatch', { text: text.trim() }) : '';
}

/**
 * The state of "Saved items" and what its rows call. The templates are read when the
 * combobox is first used, so they never slow the popup down.
 */
export function useSavedItemsList(props: SavedItemsProps) {
  const id = useId();
  const [templates, setTemplates] = useState<Template[] | null>(null);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [message, setMessage] = useState('');
  const [naming, setNaming] = useState<Naming | null>(null);
  const [asking, setAsking] = useState<Asking | null>(null);
  const loading = useRef<Promise<Template[]> | null>(null);
  const saveButton = useRef<HTMLButtonElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const c: Context = {
    ...props,
    id,
    templates,
    setTemplates,
    text,
    setText,
    open,
    setOpen,
    active,
    setActive,
    setMessage,
    naming,
    setNaming,
    asking,
    setAsking,
    loading,
    saveButton,
    input,
  };
  const matches = matchesOf(templates, text);
  return {
    id,
    state: { text, open, active, naming, asking, matches },
    status: naming || asking ? '' : hintOf(open, templates, text, matches) || message,
    saveButton,
    input,
    load: () => void load(c),
    pick: (template: Template) => pick(c, template),
    onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => onComboKeyDown(c, event),
    typed(value: string) {
      setText(value);
      setOpen(true);
      setActive(0);
    },
    setOpen,
    startSaving: () => startSaving(c),
    setNaming,
    confirmSave: () => void confirmSave(c),
    cancelSave() {
      flushSync(() => setNaming(null));
      saveButton.current?.focus();
    },
    setAsking,
    confirmCurrency: () => void confirmCurrency(c),
    cancelAsking() {
      flushSync(() => setAsking(null));
      input.current?.focus();
    },
  };
}
