import { t } from './i18n.ts';
import type { KeyStatus } from './messages.ts';
import { isLoopbackUrl } from './urls.ts';

/** Why a create asks first whether a real payment link is meant; undefined: it does not. */
export type LiveQuestion = 'live' | 'maybe';

/**
 * The one rule for "This creates a real payment link", read by the popup (to ask before it
 * sends) and by the worker (to refuse a create that was not asked): the profile's first live
 * link is asked about, with a key known to be live, or one not used yet that does not go to
 * this computer's sandbox. Once a live link was made with the key, or it turned out to be a
 * test key, never.
 */
export function liveQuestion(
  key: Pick<KeyStatus, 'mode' | 'liveLinkMade'>,
  baseUrl: string,
): LiveQuestion | undefined {
  if (key.liveLinkMade === true || key.mode === 'test') return undefined;
  if (key.mode === 'live') return 'live';
  return isLoopbackUrl(baseUrl) ? undefined : 'maybe';
}

/** The sentence under the question's title, the same wherever it is asked. */
export function liveQuestionText(question: LiveQuestion): string {
  return question === 'live' ? t('popup.live.known') : t('popup.live.maybe');
}
