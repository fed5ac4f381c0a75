import { z } from 'zod/mini';
import { findAmount, OFFERED_CURRENCIES } from './amount-in-text.ts';
import { MAX_DESCRIPTION_LENGTH, MAX_NAME_LENGTH } from './order.ts';

/** A prefill older than this is left alone: the popup was opened for something else. */
export const PREFILL_MAX_AGE_MS = 2 * 60_000;

/**
 * A line item started from text selected on a page ("Create payment link for …" in the
 * context menu): what the worker hands the popup through storage, since it cannot open the
 * popup with arguments.
 */
export const PrefillSchema = z.object({
  /** When the menu item was clicked (ms since the epoch). */
  createdAt: z.number(),
  /** The page's title, as a suggestion for the item name. */
  name: z.string().check(z.maxLength(MAX_NAME_LENGTH)),
  /** The selected text. */
  description: z.string().check(z.maxLength(MAX_DESCRIPTION_LENGTH)),
  /** Canonical decimal found in the selection, or '' when it held none. */
  unitPrice: z.string().check(z.regex(/^$|^(0|[1-9]\d*)(\.\d*[1-9])?$/)),
  /** Only when the selection named one. */
  currency: z.optional(z.enum(OFFERED_CURRENCIES)),
});
export type Prefill = z.infer<typeof PrefillSchema>;

/**
 * White space collapsed, then cut to `max` UTF-16 units (what the form counts) with an
 * ellipsis, never splitting a surrogate pair.
 */
export function clip(text: string, max: number): string {
  const collapsed = text.replace(/\s+/g, ' ').trim();
  if (collapsed.length <= max) return collapsed;
  const cut = collapsed.slice(0, max - 1).replace(/[\uD800-\uDBFF]$/, '');
  return `${cut.trimEnd()}…`;
}

export interface Selection {
  readonly text: string;
  /** The tab's title; absent when the browser did not share it. */
  readonly pageTitle?: string;
  readonly now: number;
}

export function prefillFromSelection({ text, pageTitle, now }: Selection): Prefill {
  const found = findAmount(text);
  return {
    createdAt: now,
    name: clip(pageTitle ?? '', MAX_NAME_LENGTH),
    description: clip(text, MAX_DESCRIPTION_LENGTH),
    unitPrice: found?.amount ?? '',
    ...(found?.currency ? { currency: found.currency } : {}),
  };
}

export function isFresh(prefill: Prefill, now: number): boolean {
  // Either way: a clock set back should not keep a prefill alive for hours.
  return Math.abs(now - prefill.createdAt) <= PREFILL_MAX_AGE_MS;
}
