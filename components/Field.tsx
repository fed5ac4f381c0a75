import type {
  InputHTMLAttributes,
  ReactNode,
  Ref,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from 'react';
import { t } from '../lib/i18n.ts';

/** The wiring a control needs to be named, described and marked invalid by its Field. */
export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/** A DOM id for a form key such as `items.0.unitPrice`, usable with getElementById. */
export function fieldId(key: string): string {
  return `field-${key.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

interface FieldProps {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  /** A unit shown at the control's end ("USDT"), and read with it as part of its description. */
  suffix?: string | undefined;
  className?: string | undefined;
  children: (control: ControlProps) => ReactNode;
}

/**
 * A visible label, the control, and under it the error (when there is one) and a hint; both
 * are read out with the control through aria-describedby.
 */
export function Field({ id, label, error, hint, suffix, className, children }: FieldProps) {
  const errorId = error ? `${id}-error` : undefined;
  const hintId = hint ? `${id}-hint` : undefined;
  const suffixId = suffix ? `${id}-suffix` : undefined;
  const describedBy = [suffixId, errorId, hintId].filter(Boolean).join(' ');
  const control = children({
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy === '' ? undefined : describedBy,
  });
  const classes = ['field', error ? 'field--invalid' : '', className ?? ''].filter(Boolean);
  return (
    <div className={classes.join(' ')}>
      <label htmlFor={id}>{label}</label>
      {suffix ? (
        <div className="field-control">
          {control}
          <span id={suffixId} className="field-suffix">
            {suffix}
          </span>
        </div>
      ) : (
        control
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}

type Wired = 'id' | 'value' | 'onChange' | 'aria-invalid' | 'aria-describedby' | 'children';

interface CommonProps {
  id: string;
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  error?: string | undefined;
  hint?: ReactNode;
  suffix?: string | undefined;
  className?: string | undefined;
}

export interface TextFieldProps
  extends CommonProps, Omit<InputHTMLAttributes<HTMLInputElement>, Wired | 'className'> {
  ref?: Ref<HTMLInputElement>;
}

/** A single-line text input; the value is kept exactly as typed. */
export function TextField({
  id,
  label,
  value,
  onValueChange,
  error,
  hint,
  suffix,
  className,
  type = 'text',
  ...input
}: TextFieldProps) {
  return (
    <Field id={id} label={label} error={error} hint={hint} suffix={suffix} className={className}>
      {(control) => (
        <input
          {...input}
          {...control}
          type={type}
          value={value}
          onChange={(event) => onValueChange(event.currentTarget.value)}
        />
      )}
    </Field>
  );
}

export interface TextAreaFieldProps
  extends CommonProps, Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, Wired | 'className'> {}

export function TextAreaField({
  id,
  label,
  value,
  onValueChange,
  error,
  hint,
  className,
  ...textarea
}: TextAreaFieldProps) {
  return (
    <Field id={id} label={label} error={error} hint={hint} className={className}>
      {(control) => (
        <textarea
          {...textarea}
          {...control}
          value={value}
          onChange={(event) => onValueChange(event.currentTarget.value)}
        />
      )}
    </Field>
  );
}

export interface Choice {
  readonly value: string;
  readonly name: string;
}

export interface SelectFieldProps
  extends CommonProps, Omit<SelectHTMLAttributes<HTMLSelectElement>, Wired | 'className'> {
  choices: readonly Choice[];
}

/** A <select>; a current value missing from the choices stays shown rather than swapped. */
export function SelectField({
  id,
  label,
  value,
  onValueChange,
  error,
  hint,
  className,
  choices,
  ...select
}: SelectFieldProps) {
  const known = choices.some((choice) => choice.value === value);
  const options = known || value === '' ? choices : [...choices, { value, name: value }];
  return (
    <Field id={id} label={label} error={error} hint={hint} className={className}>
      {(control) => (
        <select
          {...select}
          {...control}
          value={value}
          onChange={(event) => onValueChange(event.currentTarget.value)}
        >
          {value === '' && <option value="">{t('common.choose')}</option>}
          {options.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
