import { PROFILE_DEFAULT_FIELDS } from '../../../lib/fields.ts';
import { hasPricedItems, type Draft } from '../../../lib/draft.ts';
import { t } from '../../../lib/i18n.ts';
import type { State } from '../../../lib/messages.ts';
import type { Settings } from '../../../lib/settings.ts';
import { freshDraft, type View } from '../view.ts';

/** Whether the switch keeps the currency of typed prices where a fresh form would differ. */
function keepsTypedCurrency(draft: Draft, before: Settings, after: Settings): boolean {
  return (
    hasPricedItems(draft) &&
    draft.currency === before.currency &&
    before.currency !== after.currency
  );
}

/**
 * The typed draft, carried over to another profile: items and reference stay; a field the
 * user left at the old profile's default takes the new profile's default, one they changed
 * stays as they set it. The currency stays once a price is typed, default or not: it is
 * the unit of those prices, and 9,000 typed in USDT must not become 9,000 TWD because the
 * other profile defaults to TWD (switchNotice says so instead).
 */
export function draftAfterSwitch(draft: Draft | null, before: Settings, after: Settings): Draft {
  if (draft === null) return freshDraft(after);
  const next = { ...draft };
  for (const field of PROFILE_DEFAULT_FIELDS) {
    if (field === 'currency' && hasPricedItems(draft)) continue;
    if (draft[field] === before[field]) next[field] = after[field];
  }
  return next;
}

/**
 * The status line after a switch that kept the typed prices' currency although the new
 * profile defaults to another; undefined when there is nothing to say.
 */
export function switchNotice(
  draft: Draft | null,
  before: Settings,
  after: Settings,
  profileName: string,
): string | undefined {
  if (draft === null || !keepsTypedCurrency(draft, before, after)) return undefined;
  return t('profiles.currencyKept', {
    currency: draft.currency.toUpperCase(),
    name: profileName,
    other: after.currency.toUpperCase(),
  });
}

/**
 * What the Create tab shows after a switch: the form with the carried draft, or what the
 * new profile's key needs first. A link being made or just made stays on screen.
 */
export function viewAfterSwitch(view: View, state: State, draft: Draft, notice?: string): View {
  if (view.kind !== 'form' && view.kind !== 'noKey' && view.kind !== 'locked') return view;
  if (!state.key.set) return { kind: 'noKey' };
  if (state.key.lock === 'locked') return { kind: 'locked' };
  return { kind: 'form', draft, error: null, ...(notice === undefined ? {} : { notice }) };
}

/** "Shop B · test": the name, and the key's mode once Payfect told it. */
export function profileOptionText(
  profile: State['profiles'][number],
  words: { test: string; live: string; option: (name: string, mode: string) => string },
): string {
  const { mode } = profile.key;
  if (!profile.key.set || mode === 'unknown') return profile.name;
  return words.option(profile.name, mode === 'test' ? words.test : words.live);
}

/** Where the popup remembers the profile it last showed: its own, synchronous storage. */
const SHOWN_PROFILE_KEY = 'payfect.shownProfile';

/**
 * The profile in use changed somewhere else (Settings, another window) since this popup last
 * showed one: the words that say so, once; undefined when it did not, or there is only one.
 * The popup's own switches record the profile too, so they are never reported.
 */
export function profileChangedElsewhere(state: State): string | undefined {
  const before = shownProfiles()?.getItem(SHOWN_PROFILE_KEY) ?? null;
  rememberShownProfile(state.activeProfileId);
  if (before === null || before === state.activeProfileId || state.profiles.length < 2) {
    return undefined;
  }
  const name = state.profiles.find((profile) => profile.id === state.activeProfileId)?.name;
  return t('profiles.changedElsewhere', { name: name ?? '' });
}

export function rememberShownProfile(profileId: string): void {
  shownProfiles()?.setItem(SHOWN_PROFILE_KEY, profileId);
}

/** The page's localStorage; none outside a page (the unit tests' Node), then nothing is said. */
function shownProfiles(): Storage | undefined {
  return typeof localStorage === 'undefined' ? undefined : localStorage;
}
