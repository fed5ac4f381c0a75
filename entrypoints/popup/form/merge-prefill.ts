import { hasPricedItems, type Draft, type DraftItem } from '../../../lib/draft.ts';
import { formatAmount } from '../../../lib/format.ts';
import { t } from '../../../lib/i18n.ts';
import { MAX_ITEMS } from '../../../lib/order.ts';
import { isFresh, type Prefill } from '../../../lib/prefill.ts';
import type { Settings } from '../../../lib/settings.ts';
import { draftItem, prefillItem } from '../../../storage/draft.ts';
import { dismiss } from './submit.ts';
import { freshDraft, type View } from '../view.ts';

/* How a line item started from selected text meets the form: nothing typed is ever lost. */

function isEmptyItem(item: DraftItem): boolean {
  return (
    item.name.trim() === '' &&
    item.description.trim() === '' &&
    item.unitPrice.trim() === '' &&
    ['', '1'].includes(item.quantity.trim())
  );
}

/** Nothing typed in any item (the reference, URLs and choices come from Settings anyway). */
export function isEmptyDraft(draft: Draft): boolean {
  return draft.items.every(isEmptyItem);
}

export interface Merged {
  readonly draft: Draft;
  /** What happened, for the status line above the form. */
  readonly notice: string;
}

/**
 * An empty form becomes the prefill, in its currency. A form with typed items keeps them and
 * gets the prefill as one more item. An amount in another currency ("NT$600" on a USDT form)
 * never changes unit: when no price is typed yet the form takes the selection's currency,
 * said in the notice; when prices are typed in the form's currency, the new item comes
 * without a price and the notice says why (600 TWD entered as 600 USDT would ask thirty
 * times too much, and changing the form's currency would reprice the items already there).
 */
export function mergePrefill(draft: Draft, prefill: Prefill): Merged {
  const item: DraftItem = {
    name: prefill.name,
    description: prefill.description,
    unitPrice: prefill.unitPrice,
    quantity: '1',
  };
  if (isEmptyDraft(draft)) {
    return {
      draft: { ...draft, items: [item], currency: prefill.currency ?? draft.currency },
      notice: t('popup.prefill.filled'),
    };
  }
  if (draft.items.length >= MAX_ITEMS) {
    return {
      draft,
      notice: t('popup.prefill.full', { max: MAX_ITEMS }),
    };
  }
  const number = draft.items.length + 1;
  const theirs = prefill.currency;
  if (theirs === undefined || prefill.unitPrice === '' || theirs === draft.currency) {
    return {
      draft: { ...draft, items: [...draft.items, item] },
      notice: t('popup.prefill.added', { number }),
    };
  }
  if (draft.currency === '' || !hasPricedItems(draft)) {
    return {
      draft: { ...draft, currency: theirs, items: [...draft.items, item] },
      notice: t('popup.prefill.addedCurrencyChanged', { number, currency: theirs.toUpperCase() }),
    };
  }
  return {
    draft: { ...draft, items: [...draft.items, { ...item, unitPrice: '' }] },
    notice: t('popup.prefill.addedOtherCurrency', {
      number,
      amount: formatAmount(prefill.unitPrice),
      theirs: theirs.toUpperCase(),
      ours: draft.currency.toUpperCase(),
    }),
  };
}

/**
 * The view the popup opens on with a prefill, or undefined when the prefill has to wait (no
 * key, locked, a create in flight). A finished link gives way to the new form: the user asked
 * for a new link, and the finished one stays in History.
 */
export function viewWithPrefill(
  view: View,
  prefill: Prefill,
  settings: Settings,
): View | undefined {
  if (view.kind === 'form') {
    const merged = mergePrefill(view.draft, prefill);
    return { ...view, draft: merged.draft, notice: merged.notice };
  }
  if (view.kind === 'result') {
    const merged = mergePrefill(freshDraft(settings), prefill);
    return {
      kind: 'form',
      draft: merged.draft,
      error: null,
      notice: t('popup.prefill.previousInHistory', { notice: merged.notice }),
    };
  }
  return undefined;
}

function logFailure(what: string) {
  return (error: unknown) => console.error(what, error);
}

/**
 * The view with a line item from selected text (the context menu) applied, used once. A
 * prefill that cannot apply yet (no key, locked, a create in flight) waits for a later popup
 * until it is too old; a too old one is dropped.
 */
export function takePrefill(view: View, prefill: Prefill | null, settings: Settings): View {
  if (!prefill) return view;
  const fresh = isFresh(prefill, Date.now());
  const next = fresh ? viewWithPrefill(view, prefill, settings) : undefined;
  if (fresh && !next) return view;
  if (next?.kind === 'form') {
    // Saved before the prefill is removed (writes land in order): a popup closed right away
    // still has the item next time.
    draftItem.setValue(next.draft).catch(logFailure('Could not save the draft'));
    if (view.kind === 'result') dismiss(view.requestId);
  }
  prefillItem.removeValue().catch(logFailure('Could not remove the used prefill'));
  return next ?? view;
}
