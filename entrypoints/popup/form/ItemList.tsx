import { fieldId } from '../../../components/Field.tsx';
import type { Draft, FieldErrors } from '../../../lib/draft.ts';
import { t } from '../../../lib/i18n.ts';
import { MAX_ITEMS } from '../../../lib/order.ts';
import { canAddItem, ITEMS_KEY, type ItemField } from './draft-edit.ts';
import { LineItemFields } from './LineItemFields.tsx';

interface ItemListProps {
  draft: Draft;
  errors: FieldErrors;
  onChange: (index: number, field: ItemField, value: string) => void;
  onLeave: (index: number, field: ItemField) => void;
  onRemove: (index: number) => void;
  onAdd: () => void;
  /** The first item's name takes focus as the form mounts. */
  autoFocusFirst: boolean;
}

/** The line items, then "Add item" with the list's own error or its limit. */
export function ItemList({
  draft,
  errors,
  onChange,
  onLeave,
  onRemove,
  onAdd,
  ...props
}: ItemListProps) {
  const addId = fieldId(ITEMS_KEY);
  const canAdd = canAddItem(draft);
  return (
    <>
      {draft.items.map((item, index) => (
        <LineItemFields
          // Items have no id of their own; the index is what the field names use too.
          key={index}
          index={index}
          item={item}
          errors={errors}
          onChange={(field, value) => onChange(index, field, value)}
          onLeave={(field) => onLeave(index, field)}
          onRemove={draft.items.length > 1 ? () => onRemove(index) : undefined}
          autoFocusName={index === 0 && props.autoFocusFirst}
          currency={draft.currency.toUpperCase()}
        />
      ))}
      <div className="add-item">
        <button
          type="button"
          id={addId}
          className="button button--small"
          onClick={onAdd}
          disabled={!canAdd}
          aria-describedby={errors[ITEMS_KEY] ? `${addId}-error` : undefined}
        >
          <span aria-hidden="true">+</span> {t('popup.form.addItem')}
        </button>
        {errors[ITEMS_KEY] ? (
          <p id={`${addId}-error`} className="field-error">
            {errors[ITEMS_KEY]}
          </p>
        ) : (
          !canAdd && <p className="field-hint">{t('popup.form.maxItems', { max: MAX_ITEMS })}</p>
        )}
      </div>
    </>
  );
}
