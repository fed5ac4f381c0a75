import { z } from 'zod/mini';
import { fieldId } from '../../../components/Field.tsx';
import { DraftSchema, type Draft } from '../../../lib/draft.ts';
import {
  FIRST_SCREEN_KEY,
  forgetFirstScreen,
  popupBuild,
  stampHolds,
} from '../../../storage/first-screen.ts';
import { uiLocale } from '../../../lib/i18n.ts';
import { StateSchema, type State } from '../../../lib/messages.ts';
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

/** The draft as the form's fields hold it now: what was typed before React hydrated them. */
export function typedDraft(draft: Draft): Draft {
  const value = (key: string, fallback: string) => {
    const field = document.getElementById(fieldId(key));
    return field instanceof HTMLInputElement ||
      field instanceof HTMLTextAreaElement ||
      field instanceof HTMLSelectElement
      ? field.value
      : fallback;
  };
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

type Render = (screen: FirstScreen) => Promise<string>;

let render: Render | undefined;
let state: State | null = null;
let showing: View['kind'] = 'loading';
/** The draft as stored (null: none, the next form starts empty). */
let draft: Draft | null = null;
let edited = false;
let scheduled = false;

/** Starts keeping a first screen for the next popup, rendered by `renderer`. */
export function prerenderWith(renderer: Render): void {
  render = renderer;
}

/** The state and the view on screen now (App.tsx). */
export function rememberState(next: State | null, view: View['kind']): void {
  state = next;
  showing = view;
  schedule();
}

/** The draft as now stored (every edit, and null once cleared). */
export function rememberDraft(next: Draft | null): void {
  draft = next;
  edited = true;
  schedule();
}

/**
 * The draft as the popup's load read it from storage. An edit made since (typing adopted at
 * hydration, before the load's answers came) is newer and stays.
 */
export function rememberStoredDraft(stored: Draft | null): void {
  if (edited) return;
  draft = stored;
  schedule();
}

/**
 * A create is under way (true): the next popup may open on it, pending or with its result,
 * so no form is kept, dropped at once since the popup may close now. Refused (false): the
 * form stays, and the next popup opens on it again.
 */
export function rememberCreating(creating: boolean): void {
  showing = creating ? 'pending' : 'form';
  if (creating) forgetFirstScreen();
  else schedule();
}

/**
 * Whether the form was edited in this popup (typing adopted at hydration, any edit since):
 * a draft read from storage is then older than what the form holds.
 */
export function draftEdited(): boolean {
  return edited;
}

function schedule(): void {
  if (scheduled || render === undefined) return;
  scheduled = true;
  const run = () => {
    scheduled = false;
    keep().catch((error: unknown) => {
      forgetFirstScreen();
      console.warn('Could not prepare the next popup', error);
    });
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 1000 });
  else setTimeout(run, 50);
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
  return { state: next, draft: view.draft };
}

async function keep(): Promise<void> {
  const screen = render && nextFirstScreen(state, showing, draft);
  if (!render || !screen) {
    forgetFirstScreen();
    return;
  }
  const html = await render(screen);
  localStorage.setItem(
    FIRST_SCREEN_KEY,
    JSON.stringify({ build: popupBuild(document), lang: uiLocale(), html, ...screen }),
  );
}
