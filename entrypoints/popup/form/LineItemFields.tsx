import { fieldId, TextField } from '../../../components/Field.tsx';
import type { DraftItem, FieldErrors } from '../../../lib/draft.ts';
import { t } from '../../../lib/i18n.ts';
import { itemKey, type ItemField } from './draft-edit.ts';

interface LineItemFieldsProps {
  index: number;
  item: DraftItem;
  errors: FieldErrors;
  /** Only when there is more than one item. */
  onRemove: (() => void) | undefined;
  onChange: (field: ItemField, value: string) => void;
  /** The field lost focus: what is typed in it is checked then (an empty one waits for Create link). */
  onLeave: (field: ItemField) => void;
  autoFocusName: boolean;
  /** The form's currency ("USDT"), shown where the price is typed. */
  currency: string;
}

/** One line item: "Item 1" with its name, description, unit price and quantity. */
export function LineItemFields({
  index,
  item,
  errors,
  onRemove,
  onChange,
  onLeave,
  autoFocusName,
  currency,
}: LineItemFieldsProps) {
  const key = (field: ItemField) => itemKey(index, field);
  return (
    // A lone item needs no visible "Item 1" (its name stays the group's for screen readers):
    // the popup's 600 px keep the common form, one item and Create link, in view.
    <fieldset className={onRemove ? 'item' : 'item item--single'}>
      <legend>{t('popup.form.item', { number: index + 1 })}</legend>
      {onRemove && (
        <button
          type="button"
          className="button button--quiet button--small item-remove"
          onClick={onRemove}
        >
          {t('popup.form.removeItem')}
        </button>
      )}
      <TextField
        id={fieldId(key('name'))}
        label={t('popup.form.itemName')}
        value={item.name}
        onValueChange={(value) => onChange('name', value)}
        onBlur={() => onLeave('name')}
        error={errors[key('name')]}
        autoComplete="off"
        autoFocus={autoFocusName}
      />
      <TextField
        id={fieldId(key('description'))}
        label={t('popup.form.description')}
        value={item.description}
        onValueChange={(value) => onChange('description', value)}
        onBlur={() => onLeave('description')}
        error={errors[key('description')]}
        autoComplete="off"
        placeholder={t('popup.form.optional')}
      />
      <div className="row row--price">
        <TextField
          id={fieldId(key('unitPrice'))}
          label={t('popup.form.unitPrice')}
          value={item.unitPrice}
          onValueChange={(value) => onChange('unitPrice', value)}
          onBlur={() => onLeave('unitPrice')}
          error={errors[key('unitPrice')]}
          inputMode="decimal"
          autoComplete="off"
          placeholder="0.00"
          // Thursday's USD carries over to Friday's form: the unit is where the amount is typed.
          suffix={currency}
          className="field--price"
        />
        <TextField
          id={fieldId(key('quantity'))}
          label={t('popup.form.quantity')}
          value={item.quantity}
          onValueChange={(value) => onChange('quantity', value)}
          onBlur={() => onLeave('quantity')}
          error={errors[key('quantity')]}
          inputMode="numeric"
          autoComplete="off"
          className="field--quantity"
        />
      </div>
    </fieldset>
  );
}
