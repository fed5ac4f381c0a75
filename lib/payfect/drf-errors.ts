import type { FieldError } from './errors';

/**
 * Flattens a Django REST Framework error body — the likely shape of Payfect's 400s, see
 * payfect-api-notes.md — into field paths and general messages:
 *   {"invoice_items":[{"price_data":{"unit_amount":["A valid number is required."]}}]}
 *   → invoice_items.0.price_data.unit_amount: A valid number is required.
 * `detail` and `non_field_errors` become general messages (or messages of the enclosing
 * path when nested). Bounded in depth, count and length: the body comes from the network.
 */

const GENERAL_KEYS = new Set(['detail', 'non_field_errors']);
const MAX_DEPTH = 8;
const MAX_MESSAGES = 50;
const MAX_MESSAGE_LENGTH = 300;

export interface FlatErrors {
  readonly fields: FieldError[];
  readonly messages: string[];
}

export function flattenDrfErrors(body: unknown): FlatErrors {
  const byPath = new Map<string, string[]>();
  let count = 0;

  const add = (path: string, message: string) => {
    if (count >= MAX_MESSAGES) return;
    count += 1;
    const list = byPath.get(path) ?? [];
    list.push(
      message.length > MAX_MESSAGE_LENGTH ? `${message.slice(0, MAX_MESSAGE_LENGTH)}…` : message,
    );
    byPath.set(path, list);
  };

  const walk = (value: unknown, path: string[], depth: number) => {
    if (depth > MAX_DEPTH) return;
    if (typeof value === 'string') {
      add(path.join('.'), value);
    } else if (Array.isArray(value)) {
      value.forEach((entry, index) => {
        // A list of strings belongs to its field; a list of objects is indexed (one per item).
        walk(
          entry,
          typeof entry === 'object' && entry !== null ? [...path, String(index)] : path,
          depth + 1,
        );
      });
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, entry] of Object.entries(value)) {
        walk(entry, GENERAL_KEYS.has(key) ? path : [...path, key], depth + 1);
      }
    }
  };

  walk(body, [], 0);
  const messages = byPath.get('') ?? [];
  byPath.delete('');
  const fields = [...byPath].map(([path, list]) => ({ path, messages: list }));
  return { fields, messages };
}
