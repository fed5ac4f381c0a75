import { browser } from 'wxt/browser';
import type { Request } from '../../../lib/messages.ts';

/*
 * The popup's first questions, asked by its entry script, which loads nothing but the
 * browser API: the answers travel while the rest of the popup's code (React, zod, the
 * views: ~95 % of its bytes) is fetched, compiled and run, instead of after. The answers
 * are not checked here: App.tsx `load` checks them as it checks any other.
 */

/** The stored items the form starts from, as named in storage/draft.ts (draftItem, prefillItem). */
export const FIRST_STORED_KEYS = ['draft', 'prefill'] as const;

export interface FirstAnswers {
  /** The background's answer to getState. */
  readonly state: Promise<unknown>;
  /** The stored draft and prefill, by key. */
  readonly stored: Promise<Record<string, unknown>>;
}

export function askFirst(): FirstAnswers {
  const getState: Request = { type: 'getState' };
  const answers = {
    state: browser.runtime.sendMessage(getState),
    stored: browser.storage.local.get([...FIRST_STORED_KEYS]),
  };
  // Handled by App.tsx once its code is in; until then a failure is not "unhandled".
  answers.state.catch(() => undefined);
  answers.stored.catch(() => undefined);
  return answers;
}
