import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import { StatusMessage } from '../../../components/StatusMessage.tsx';
import type { Draft, FieldErrors } from '../../../lib/draft.ts';
import { t } from '../../../lib/i18n.ts';
import { hasHiddenCharacters } from '../../../lib/safe-text.ts';
import {
  draftWithTemplate,
  findByName,
  isTemplateCurrency,
  MAX_TEMPLATE_NAME_LENGTH,
  searchTemplates,
  templateCurrencyLabel,
  templateFromDraft,
  templateSummary,
  withCurrency,
  withTemplate,
  type DraftTemplate,
  type Picked,
  type Template,
} from '../../../lib/saved-items.ts';
import { MAX_ITEMS } from '../../../lib/order.ts';
import { CURRENCIES } from '../../../lib/settings.ts';
import { readSavedItems, updateSavedItems } from '../../../storage/saved-items.ts';

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
interface Asking {
  readonly template: Template;
  readonly currency: string;
  readonly error: string;
}

/**
 * "Saved items" above the line items: a combobox to pick a template (type to filter, arrows,
 * Enter, Escape; one click on an option) and "Save items" to keep the form's items as one.
 * The templates are read when the combobox is first used, so they never slow the popup down.
 */
export function SavedItems({ current, onPicked, onInvalidItems }: SavedItemsProps) {
  const id = useId();
  const inputId = `${id}-input`;
  const listId = `${id}-list`;
  const [templates, setTemplates] = useState<Template[] | null>(null);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [message, setMessage] = useState('');
  const [naming, setNaming] = useState<{ name: string; error: string } | null>(null);
  const [asking, setAsking] = useState<Asking | null>(null);
  const loading = useRef<Promise<Template[]> | null>(null);
  const saveButton = useRef<HTMLButtonElement>(null);
  const input = useRef<HTMLInputElement>(null);

  function load(): Promise<Template[]> {
    loading.current ??= readSavedItems().then(
      (list) => {
        setTemplates(list);
        return list;
      },
      (error: unknown) => {
        console.error('Could not read the saved items', error);
        loading.current = null;
        setMessage(t('savedItems.readFailed'));
        return [];
      },
    );
    return loading.current;
  }

  const matches = templates === null ? [] : searchTemplates(templates, text).slice(0, MAX_SHOWN);
  const listed = open && matches.length > 0;
  const hint = !open
    ? ''
    : templates === null
      ? t('savedItems.loading')
      : templates.length === 0
        ? t('savedItems.none')
        : matches.length === 0
          ? t('savedItems.noMatch', { text: text.trim() })
          : '';

  function pick(template: Template) {
    setOpen(false);
    setText('');
    const name = template.name;
    const picked = draftWithTemplate(current(), template);
    if (picked.ok) {
      onPicked(picked.value, name);
      const currency = templateCurrencyLabel(template);
      setMessage(
        picked.value.currencyChangedFrom !== undefined && currency !== undefined
          ? t('savedItems.pickedCurrencyChanged', { name, currency })
          : t('savedItems.picked', { name }),
      );
      return;
    }
    const refusal = picked.error;
    switch (refusal.kind) {
      case 'full':
        setMessage(t('savedItems.full', { name, max: MAX_ITEMS }));
        return;
      case 'other_currency':
        setMessage(
          t('savedItems.otherCurrency', {
            name,
            theirs: templateCurrencyLabel(template) ?? '',
            ours: refusal.formCurrency.toUpperCase(),
          }),
        );
        return;
      case 'currency_not_set':
        startAsking(template);
        return;
    }
  }

  /**
   * An old template has no currency: its prices are put nowhere until the user says which
   * currency they are in. The form's currency is offered, but only "Use this currency" takes it.
   */
  function startAsking(template: Template) {
    const formCurrency = current().currency.trim().toLowerCase();
    const offered = isTemplateCurrency(formCurrency) ? formCurrency : '';
    flushSync(() => {
      setMessage('');
      setAsking({ template, currency: offered, error: '' });
    });
    document.getElementById(`${id}-currency`)?.focus();
  }

  async function confirmCurrency() {
    if (!asking) return;
    const { template, currency } = asking;
    if (!isTemplateCurrency(currency)) {
      setAsking({ ...asking, error: t('validation.chooseCurrency') });
      return;
    }
    try {
      const saved = await updateSavedItems((list) =>
        withCurrency(list, template.id, currency, Date.now()),
      );
      if (saved) {
        setTemplates(saved);
        loading.current = Promise.resolve(saved);
      }
    } catch (error) {
      console.error('Could not store the saved items', error);
      setAsking({ ...asking, error: t('savedItems.writeFailed') });
      return;
    }
    flushSync(() => setAsking(null));
    pick({ ...template, currency });
    // Refused (another currency on the form, or full): back to the picker, message beside it.
    if (document.activeElement === document.body) input.current?.focus();
  }

  function cancelAsking() {
    flushSync(() => setAsking(null));
    input.current?.focus();
  }

  async function pickTyped() {
    const list = templates ?? (await load());
    const found = searchTemplates(list, text);
    const chosen = found[open ? Math.min(active, found.length - 1) : 0];
    if (text.trim() === '' && !open) setOpen(true);
    else if (chosen) pick(chosen);
  }

  function move(by: number) {
    if (!open) {
      setOpen(true);
      setActive(0);
      return;
    }
    if (matches.length > 0) setActive((active + by + matches.length) % matches.length);
  }

  /** The form's items and currency to save, or undefined after the form marked what is wrong. */
  function itemsToSave(): DraftTemplate | undefined {
    const checked = templateFromDraft(current());
    if (checked.ok) return checked.value;
    onInvalidItems(checked.error);
    return undefined;
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        event.preventDefault();
        move(event.key === 'ArrowDown' ? 1 : -1);
        return;
      case 'Enter':
        // Never the form's submit: Enter here picks.
        event.preventDefault();
        void pickTyped();
        return;
      case 'Escape':
        if (open || text !== '') {
          event.preventDefault();
          if (open) setOpen(false);
          else setText('');
        }
        return;
    }
  }

  function startSaving() {
    setMessage('');
    const saving = itemsToSave();
    if (!saving) {
      setMessage(t('savedItems.fixItems'));
      return;
    }
    flushSync(() =>
      setNaming({
        name: (saving.items[0]?.name ?? '').slice(0, MAX_TEMPLATE_NAME_LENGTH),
        error: '',
      }),
    );
    const input = document.getElementById(`${id}-name`);
    if (input instanceof HTMLInputElement) {
      input.focus();
      input.select();
    }
  }

  async function confirmSave() {
    if (!naming) return;
    const name = naming.name.trim();
    if (name === '') {
      setNaming({ ...naming, error: t('savedItems.nameEmpty') });
      return;
    }
    if (hasHiddenCharacters(name)) {
      setNaming({ ...naming, error: t('validation.hiddenCharacters') });
      return;
    }
    const saving = itemsToSave();
    if (!saving) {
      setNaming(null);
      setMessage(t('savedItems.fixItems'));
      return;
    }
    const { items, currency } = saving;
    const found = { replacing: false };
    try {
      const saved = await updateSavedItems((list) => {
        found.replacing = findByName(list, name) !== undefined;
        const now = Date.now();
        return withTemplate(list, {
          id: crypto.randomUUID(),
          name,
          items,
          currency,
          createdAt: now,
        });
      });
      if (saved) {
        setTemplates(saved);
        loading.current = Promise.resolve(saved);
      }
    } catch (error) {
      console.error('Could not store the saved items', error);
      setNaming({ ...naming, error: t('savedItems.writeFailed') });
      return;
    }
    flushSync(() => {
      setNaming(null);
      setMessage(t(found.replacing ? 'savedItems.replaced' : 'savedItems.saved', { name }));
    });
    saveButton.current?.focus();
  }

  function cancelSave() {
    flushSync(() => setNaming(null));
    saveButton.current?.focus();
  }

  const errorId = `${id}-name-error`;
  const nameRow = naming && (
    <>
      <div className="saved-items-row">
        <div className={naming.error ? 'field field--invalid' : 'field'}>
          <label htmlFor={`${id}-name`}>{t('savedItems.templateName')}</label>
          <input
            id={`${id}-name`}
            type="text"
            autoComplete="off"
            maxLength={MAX_TEMPLATE_NAME_LENGTH}
            value={naming.name}
            aria-invalid={naming.error ? true : undefined}
            aria-describedby={naming.error ? errorId : undefined}
            onChange={(event) => setNaming({ name: event.currentTarget.value, error: '' })}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                void confirmSave();
              } else if (event.key === 'Escape') {
                event.preventDefault();
                cancelSave();
              }
            }}
          />
        </div>
        <button
          type="button"
          className="button button--primary button--small"
          onClick={() => void confirmSave()}
        >
          {t('common.save')}
        </button>
        <button type="button" className="button button--quiet button--small" onClick={cancelSave}>
          {t('common.cancel')}
        </button>
      </div>
      {naming.error && (
        <p id={errorId} className="field-error">
          {naming.error}
        </p>
      )}
    </>
  );

  const askId = `${id}-ask`;
  const askErrorId = `${id}-currency-error`;
  const askRow = asking && (
    <>
      <p id={askId} className="saved-items-ask">
        {t('savedItems.askCurrency', { name: asking.template.name })}
      </p>
      <div className="saved-items-row">
        <div className={asking.error ? 'field field--invalid' : 'field'}>
          <label htmlFor={`${id}-currency`}>{t('savedItems.templateCurrency')}</label>
          <select
            id={`${id}-currency`}
            value={asking.currency}
            aria-invalid={asking.error ? true : undefined}
            aria-describedby={asking.error ? `${askId} ${askErrorId}` : askId}
            onChange={(event) =>
              setAsking({ ...asking, currency: event.currentTarget.value, error: '' })
            }
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                // Never the form's submit: Enter here answers the question.
                event.preventDefault();
                void confirmCurrency();
              } else if (event.key === 'Escape') {
                event.preventDefault();
                cancelAsking();
              }
            }}
          >
            {asking.currency === '' && <option value="">{t('common.choose')}</option>}
            {CURRENCIES.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.name}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="button button--primary button--small"
          onClick={() => void confirmCurrency()}
        >
          {t('savedItems.useCurrency')}
        </button>
        <button type="button" className="button button--quiet button--small" onClick={cancelAsking}>
          {t('common.cancel')}
        </button>
      </div>
      {asking.error && (
        <p id={askErrorId} className="field-error">
          {asking.error}
        </p>
      )}
    </>
  );

  const comboRow = (
    <div className="saved-items-row">
      <div className="field saved-items-combo">
        <label htmlFor={inputId}>{t('savedItems.label')}</label>
        <input
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          placeholder={t('savedItems.placeholder')}
          aria-autocomplete="list"
          ref={input}
          id={inputId}
          aria-expanded={listed}
          aria-controls={listed ? listId : undefined}
          aria-activedescendant={
            listed ? `${listId}-${Math.min(active, matches.length - 1)}` : undefined
          }
          value={text}
          onFocus={() => void load()}
          onClick={() => setOpen(!open)}
          onBlur={() => setOpen(false)}
          onChange={(event) => {
            setText(event.currentTarget.value);
            setOpen(true);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        {listed && (
          <ul
            id={listId}
            role="listbox"
            aria-label={t('savedItems.label')}
            className="saved-items-list"
          >
            {matches.map((template, index) => (
              <li
                key={template.id}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === Math.min(active, matches.length - 1)}
                className="saved-items-option"
                // Keeps focus in the combobox, so the click is the pick and nothing blurs.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => pick(template)}
              >
                <span className="saved-items-name">{template.name}</span>
                <span className="saved-items-summary">{templateSummary(template)}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <button ref={saveButton} type="button" className="button button--small" onClick={startSaving}>
        {t('savedItems.save')}
      </button>
    </div>
  );

  return (
    <div className="saved-items">
      {nameRow || askRow || comboRow}
      <StatusMessage>{naming || asking ? '' : hint || message}</StatusMessage>
    </div>
  );
}
