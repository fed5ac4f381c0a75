/**
 * Just enough of Django REST Framework's field behaviour to answer a bad request the way
 * Payfect (a DRF backend) does: the same messages, and errors nested exactly where the bad
 * value sits (`{"invoice_items": [{}, {"quantity": ["A valid integer is required."]}]}`).
 */
import { parseDecimal, type Decimal } from '../../lib/money.ts';
import { err, ok, type Result } from '../../lib/result.ts';

/** DRF's error body: messages per field, a map for a nested object, a list of maps for a list. */
export type ErrorTree = string[] | ErrorMap | ErrorMap[];
export interface ErrorMap {
  [field: string]: ErrorTree;
}

export type Validator<T> = (value: unknown) => Result<T, ErrorTree>;

export const NON_FIELD_ERRORS = 'non_field_errors';
const REQUIRED = 'This field is required.';
const NULL = 'This field may not be null.';
const BLANK = 'This field may not be blank.';
/** DRF refuses longer text before even trying to read it as a number. */
const MAX_STRING_LENGTH = 1000;

/** The Python type name DRF puts in its messages ("Expected a dictionary, but got list."). */
export function pythonTypeName(value: unknown): string {
  if (value === null || value === undefined) return 'NoneType';
  if (Array.isArray(value)) return 'list';
  switch (typeof value) {
    case 'string':
      return 'str';
    case 'boolean':
      return 'bool';
    case 'number':
      return Number.isInteger(value) ? 'int' : 'float';
    case 'object':
      return 'dict';
    default:
      return typeof value;
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A field that must be present and not null. */
export function required<T>(validate: Validator<T>) {
  return (data: Record<string, unknown>, key: string): Result<T, ErrorTree> => {
    const value = data[key];
    if (!Object.hasOwn(data, key) || value === undefined) return err([REQUIRED]);
    if (value === null) return err([NULL]);
    return validate(value);
  };
}

/**
 * A field that may be left out. null is read as left out too: the response reports absent
 * optional values as null, so a client echoing that shape back is not punished for it.
 */
export function optional<T>(validate: Validator<T>) {
  return (data: Record<string, unknown>, key: string): Result<T | null, ErrorTree> => {
    const value = data[key];
    if (value === undefined || value === null) return ok(null);
    return validate(value);
  };
}

/** The failed fields of one object, in the order they were checked (as DRF reports them). */
export function collectErrors(fields: Record<string, Result<unknown, ErrorTree>>): ErrorMap {
  const errors: ErrorMap = {};
  for (const [key, result] of Object.entries(fields)) {
    if (!result.ok) errors[key] = result.error;
  }
  return errors;
}

/** A nested serializer: anything but a JSON object is refused as DRF words it. */
export function nested<T>(validate: (data: Record<string, unknown>) => Result<T, ErrorMap>) {
  return (value: unknown): Result<T, ErrorMap> =>
    isPlainObject(value)
      ? validate(value)
      : err({
          [NON_FIELD_ERRORS]: [
            `Invalid data. Expected a dictionary, but got ${pythonTypeName(value)}.`,
          ],
        });
}

/** A nested serializer with `many=True` (DRF's ListSerializer). */
export function many<T>(
  validate: (value: unknown) => Result<T, ErrorMap>,
  limits: { readonly maxLength: number },
): Validator<T[]> {
  return (value) => {
    const listError = (message: string) => err({ [NON_FIELD_ERRORS]: [message] });
    if (!Array.isArray(value)) {
      return listError(`Expected a list of items but got type "${pythonTypeName(value)}".`);
    }
    if (value.length === 0) return listError('This list may not be empty.');
    if (value.length > limits.maxLength) {
      return listError(`Ensure this field has no more than ${limits.maxLength} elements.`);
    }
    const results = value.map(validate);
    const values: T[] = [];
    for (const result of results) if (result.ok) values.push(result.value);
    if (values.length === results.length) return ok(values);
    return err(results.map((result) => (result.ok ? {} : result.error)));
  };
}

/** DRF's ListField: errors are keyed by the failing index. */
export function listOf<T>(child: Validator<T>): Validator<T[]> {
  return (value) => {
    if (!Array.isArray(value)) {
      return err([`Expected a list of items but got type "${pythonTypeName(value)}".`]);
    }
    const values: T[] = [];
    const errors: ErrorMap = {};
    value.forEach((item, index) => {
      const result = item === null ? err([NULL]) : child(item);
      if (result.ok) values.push(result.value);
      else errors[String(index)] = result.error;
    });
    return Object.keys(errors).length === 0 ? ok(values) : err(errors);
  };
}

/** DRF's CharField: numbers are read as text, white space is trimmed, blank is refused. */
export function text(limits: {
  readonly maxLength: number;
  readonly allowBlank?: boolean;
}): Validator<string> {
  return (value) => {
    if (typeof value !== 'string' && typeof value !== 'number') {
      return err(['Not a valid string.']);
    }
    const trimmed = String(value).trim();
    if (trimmed === '') return limits.allowBlank === true ? ok('') : err([BLANK]);
    if (trimmed.includes('\0')) return err(['Null characters are not allowed.']);
    if ([...trimmed].length > limits.maxLength) {
      return err([`Ensure this field has no more than ${limits.maxLength} characters.`]);
    }
    return ok(trimmed);
  };
}

const DOMAIN_NAME =
  /^(?:[a-z0-9\u00a1-\uffff-]+\.)+(?:[a-z\u00a1-\uffff-]{2,63}|xn--[a-z0-9-]+)\.?$/i;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/**
 * An absolute http(s) URL with a real host name, an IP address or localhost — what Django's
 * URLValidator accepts, minus ftp (no checkout redirects to ftp).
 */
export function isWebUrl(candidate: string): boolean {
  if (/\s/.test(candidate) || candidate.length > 2048) return false;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  const host = url.hostname;
  return host === 'localhost' || IPV4.test(host) || host.startsWith('[') || DOMAIN_NAME.test(host);
}

export function webUrl(): Validator<string> {
  const asText = text({ maxLength: 2048 });
  return (value) => {
    const result = asText(value);
    if (!result.ok) return result;
    return isWebUrl(result.value) ? result : err(['Enter a valid URL.']);
  };
}

/** DRF's ChoiceField; `caseInsensitive` answers with the canonical (listed) spelling. */
export function choice(
  choices: readonly string[],
  options: { readonly caseInsensitive?: boolean } = {},
): Validator<string> {
  return (value) => {
    const input =
      typeof value === 'string' || typeof value === 'number'
        ? String(value)
        : JSON.stringify(value);
    const found = choices.find((candidate) =>
      options.caseInsensitive === true
        ? candidate.toLowerCase() === input.toLowerCase()
        : candidate === input,
    );
    return found === undefined ? err([`"${input}" is not a valid choice.`]) : ok(found);
  };
}

/**
 * DRF's IntegerField: 3, "3", "3.0" and 3.0 are 3; 1.5 and "1.5" are refused (DRF strips a
 * zero fraction before calling Python's int()).
 */
export function integer(limits: { readonly min: number; readonly max: number }): Validator<number> {
  return (value) => {
    if (typeof value === 'string' && value.length > MAX_STRING_LENGTH) {
      return err(['String value too large.']);
    }
    if (typeof value !== 'string' && typeof value !== 'number') {
      return err(['A valid integer is required.']);
    }
    const digits = String(value)
      .replace(/\.0*\s*$/, '')
      .trim();
    if (!/^[+-]?\d+$/.test(digits)) return err(['A valid integer is required.']);
    const parsed = BigInt(digits);
    if (parsed < BigInt(limits.min)) {
      return err([`Ensure this value is greater than or equal to ${limits.min}.`]);
    }
    if (parsed > BigInt(limits.max)) {
      return err([`Ensure this value is less than or equal to ${limits.max}.`]);
    }
    return ok(Number(parsed));
  };
}

/**
 * DRF's DecimalField(max_digits, decimal_places) with a minimum of one smallest unit (amounts
 * must be positive). A JSON number is read through its shortest text, as Python's str() does.
 *
 * Deliberate differences, both stricter or harmless for a client: exponents ("1e3") and
 * digit separators are refused as "A valid number is required." (DRF would take "1e3"); a
 * zero fraction's trailing zeros do not count as decimal places ("20.5000000" is accepted).
 */
export function decimal(limits: {
  readonly maxDigits: number;
  readonly decimalPlaces: number;
}): Validator<Decimal> {
  const minimum = `0.${'1'.padStart(limits.decimalPlaces, '0')}`;
  const tooSmall = err([`Ensure this value is greater than or equal to ${minimum}.`]);
  return (value) => {
    if (typeof value === 'string' && value.trim().length > MAX_STRING_LENGTH) {
      return err(['String value too large.']);
    }
    if (typeof value !== 'string' && typeof value !== 'number') {
      return err(['A valid number is required.']);
    }
    const parsed = parseDecimal(String(value), { maxIntegerDigits: MAX_STRING_LENGTH });
    if (!parsed.ok) {
      return parsed.error.kind === 'negative' ? tooSmall : err(['A valid number is required.']);
    }
    const { units, scale } = parsed.value;
    const unitDigits = units.toString().length;
    const totalDigits = Math.max(unitDigits, scale);
    const wholeDigits = totalDigits - scale;
    if (totalDigits > limits.maxDigits) {
      return err([`Ensure that there are no more than ${limits.maxDigits} digits in total.`]);
    }
    if (scale > limits.decimalPlaces) {
      return err([`Ensure that there are no more than ${limits.decimalPlaces} decimal places.`]);
    }
    const maxWholeDigits = limits.maxDigits - limits.decimalPlaces;
    if (wholeDigits > maxWholeDigits) {
      return err([
        `Ensure that there are no more than ${maxWholeDigits} digits before the decimal point.`,
      ]);
    }
    return units === 0n ? tooSmall : ok(parsed.value);
  };
}
