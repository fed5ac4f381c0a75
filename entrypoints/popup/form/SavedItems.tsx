import type { Ref } from 'react';
import { StatusMessage } from '../../../components/StatusMessage.tsx';
import { t } from '../../../lib/i18n.ts';
import { MAX_TEMPLATE_NAME_LENGTH, templateSummary } from '../../../lib/saved-items.ts';
import { CURRENCIES } from '../../../lib/settings.ts';
import { useSavedItemsList, type SavedItemsProps } from './useSavedItemsList.ts';

export type { SavedItemsProps } from './useSavedItemsList.ts';

type List = Omit<ReturnType<typeof useSavedItemsList>, 'input' | 'saveButton'>;

interface ComboRowProps {
  list: List;
  input: Ref<HTMLInputElement>;
  saveButton: Ref<HTMLButtonElement>;
}

/** After "Save items": the template's name, Save and Cancel. */
function NameRow({ list }: { list: List }) {
  const { id, state } = list;
  const naming = state.naming;
  if (!naming) return null;
  const errorId = `${id}-name-error`;
  return (
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
            onChange={(event) => list.setNaming({ name: event.currentTarget.value, error: '' })}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                list.confirmSave();
              } else if (event.key === 'Escape') {
                event.preventDefault();
                list.cancelSave();
              }
            }}
          />
        </div>
        <button
          type="button"
          className="button button--primary button--small"
          onClick={list.confirmSave}
        >
          {t('common.save')}
        </button>
        <button
          type="button"
          className="button button--quiet button--small"
          onClick={list.cancelSave}
        >
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
}

/** A template without a currency, picked: which currency its prices are in. */
function AskRow({ list }: { list: List }) {
  const { id, state } = list;
  const asking = state.asking;
  if (!asking) return null;
  const askId = `${id}-ask`;
  const askErrorId = `${id}-currency-error`;
  return (
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
              list.setAsking({ ...asking, currency: event.currentTarget.value, error: '' })
            }
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                // Never the form's submit: Enter here answers the question.
                event.preventDefault();
                list.confirmCurrency();
              } else if (event.key === 'Escape') {
                event.preventDefault();
                list.cancelAsking();
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
          onClick={list.confirmCurrency}
        >
          {t('savedItems.useCurrency')}
        </button>
        <button
          type="button"
          className="button button--quiet button--small"
          onClick={list.cancelAsking}
        >
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
}

/** The picker (type to filter, arrows, Enter, Escape; one click on an option) and Save items. */
function ComboRow({ list, input, saveButton }: ComboRowProps) {
  const { id, state } = list;
  const { matches, open, active } = state;
  const inputId = `${id}-input`;
  const listId = `${id}-list`;
  const listed = open && matches.length > 0;
  const shown = Math.min(active, matches.length - 1);
  return (
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
          aria-activedescendant={listed ? `${listId}-${shown}` : undefined}
          value={state.text}
          onFocus={list.load}
          onClick={() => list.setOpen(!open)}
          onBlur={() => list.setOpen(false)}
          onChange={(event) => list.typed(event.currentTarget.value)}
          onKeyDown={list.onKeyDown}
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
                aria-selected={index === shown}
                className="saved-items-option"
                // Keeps focus in the combobox, so the click is the pick and nothing blurs.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => list.pick(template)}
              >
                <span className="saved-items-name">{template.name}</span>
                <span className="saved-items-summary">{templateSummary(template)}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <button
        ref={saveButton}
        type="button"
        className="button button--small"
        onClick={list.startSaving}
      >
        {t('savedItems.save')}
      </button>
    </div>
  );
}

/**
 * "Saved items" above the line items: a combobox to pick a template and "Save items" to keep
 * the form's items as one; naming a template, or the currency of an old one, takes its row.
 */
export function SavedItems(props: SavedItemsProps) {
  const { input, saveButton, ...list } = useSavedItemsList(props);
  const { naming, asking } = list.state;
  return (
    <div className="saved-items">
      {naming ? (
        <NameRow list={list} />
      ) : asking ? (
        <AskRow list={list} />
      ) : (
        <ComboRow list={list} input={input} saveButton={saveButton} />
      )}
      <StatusMessage>{list.status}</StatusMessage>
    </div>
  );
}
