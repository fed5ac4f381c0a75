import { z } from 'zod/mini';
import { fieldId } from '../../../components/Field.tsx';
import { DraftSchema, type Draft } from '../../../lib/draft.ts';
import { FIRST_SCREEN_KEY, stampHolds } from '../../../storage/prerendered.ts';
import { uiLocale } from '../../../lib/i18n.ts';
import { DEFAULT_BUSINESS } from '../../../lib/invoice.ts';
import { StateSchema, type KeyStatus, type State } from '../../../lib/messages.ts';
import { ITEM_FIELDS, itemKey, TOP_FIELDS, type TopField } from '../form/draft-edit.ts';
import { initialView, type View } from '../view.ts';

/*
 * The popup's first screen, prerendered. Each popup renders, for the next one, the form it
 * will open on (React's renderToString, once idle) and keeps it in the popup's localStorage
 * with the state and draft it was rendered from. The next popup draws that HTML before any
 * module runs (entrypoints/popup-boot.ts): its first paint is the form, with the draft, and
 * it takes typing at once. React then hydrates it from the same state and draft, adopting
 * whatever was typed meanwhile (CreateForm, `typedDraft`). A popup that may not open on a
 * plain form — no key, a key with a passphrase, a create pending or a result to show —
 * keeps nothing, so the next one renders as it always did, never the form for a frame.
 * What decides and writes it, one per popup page, is keeper.ts; this file is what both the
 * keeping popup and the drawing one agree on.
 */

const StoredSchema = z.object({
  build: z.string(),
  lang: z.string(),
  html: z.string(),
  state: StateSchema,
  draft: DraftSchema,
});

/** What the drawn first screen was rendered from. */
export interface FirstScreen {
  readonly state: State;
  readonly draft: Draft;
}

function stored(): unknown {
  try {
    return JSON.parse(localStorage.getItem(FIRST_SCREEN_KEY) ?? 'null');
  } catch {
    return null;
  }
}

/** The first screen popup-boot drew in `root`, or null (the root is then left empty). */
export function drawnFirstScreen(root: HTMLElement): FirstScreen | null {
  if (!('prerendered' in root.dataset)) return null;
  const parsed = z.safeParse(StoredSchema, stored());
  if (parsed.success && stampHolds(parsed.data, document, uiLocale())) {
    return { state: parsed.data.state, draft: parsed.data.draft };
  }
  root.replaceChildren();
  endPrerendered(root);
  return null;
}

/**
 * React has the page: a submit or a click is React's from now on. Answers what popup-boot held
 * meanwhile: the form's submit, or the button last clicked.
 */
export function endPrerendered(root: HTMLElement): 'submit' | HTMLButtonElement | null {
  const { held } = root.dataset;
  delete root.dataset.prerendered;
  delete root.dataset.held;
  if (held === 'submit') return held;
  return held === undefined ? null : (root.querySelectorAll('button')[Number(held)] ?? null);
}

/** What the page's field with this id holds, or undefined when there is no such field. */
function valueInPage(id: string): string | undefined {
  const field = document.getElementById(id);
  return field instanceof HTMLInputElement ||
    field instanceof HTMLTextAreaElement ||
    field instanceof HTMLSelectElement
    ? field.value
    : undefined;
}

/**
 * The draft as the form's fields hold it now: what was typed before React hydrated them. It
 * reads exactly the fields the form is made of (draft-edit.ts TOP_FIELDS and ITEM_FIELDS):
 * a field left out of them would lose what was typed into it.
 */
export function typedDraft(
  draft: Draft,
  read: (id: string) => string | undefined = valueInPage,
): Draft {
  const value = (key: string, fallback: string) => read(fieldId(key)) ?? fallback;
  const items = draft.items.map(
    (item, index) =>
      Object.fromEntries(
        ITEM_FIELDS.map((field) => [field, value(itemKey(index, field), item[field])]),
      ) as typeof item,
  );
  const top = Object.fromEntries(
    TOP_FIELDS.map((key) => [key, value(key, draft[key] ?? '')]),
  ) as Record<TopField, string>;
  return { ...draft, ...top, items };
}

/** Every value of a draft in one order, a client field absent (drafts before invoices) as ''. */
function values(draft: Draft | null): string[] | null {
  if (draft === null) return null;
  return [
    ...draft.items.flatMap((item) => ITEM_FIELDS.map((field) => item[field])),
    ...TOP_FIELDS.map((key) => draft[key] ?? ''),
  ];
}

/** The same values in every field: what the user sees as the same form. */
export function sameDraft(a: Draft | null, b: Draft | null): boolean {
  return JSON.stringify(values(a)) === JSON.stringify(values(b));
}

/**
 * The form the next popup opens on, given the state and the view on screen now and the draft
 * as stored; null when it may open on anything else. A result on screen now is seen then
 * (dismissed), so it opens on a new form with Last link.
 */
export function nextFirstScreen(
  now: State | null,
  onScreen: View['kind'],
  stored: Draft | null,
): FirstScreen | null {
  if (now === null || onScreen === 'pending' || onScreen === 'loading') return null;
  const last = now.lastCreate;
  const next: State =
    onScreen === 'result' && last?.state === 'done'
      ? { ...now, lastCreate: { ...last, seen: true } }
      : now;
  const view = initialView(next, stored);
  // A key with a passphrase may be locked by the next popup (Lock after, a browser restart)
  // with nothing this page could read in time: such a popup always renders as usual.
  if (view.kind !== 'form' || view.error !== null || next.key.lock !== undefined) return null;
  return { state: keptState(next), draft: view.draft };
}

/** A key's status with no characters of the key: which key it is, the form never shows. */
function withoutDigits({ last4: _digits, ...status }: KeyStatus): KeyStatus {
  return status;
}

/**
 * The state as the first screen keeps it, on disk in the popup's localStorage: what the form
 * shows before the worker answers, and nothing more — no business details (the invoice's
 * letterhead is not the form's) and no characters of any key. Rendered from this very state,
 * so the page hydrates it as drawn; the worker's answer then brings the rest.
 */
export function keptState(state: State): State {
  const { invoicePrefix, nextInvoiceNumber } = state.settings.business;
  return {
    ...state,
    // Numbering alone: the Reference field's placeholder is the next invoice number.
    settings: {
      ...state.settings,
      business: { ...DEFAULT_BUSINESS, invoicePrefix, nextInvoiceNumber },
    },
    key: withoutDigits(state.key),
    profiles: state.profiles.map((profile) => ({ ...profile, key: withoutDigits(profile.key) })),
  };
}
