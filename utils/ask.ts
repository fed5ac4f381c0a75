import { browser } from 'wxt/browser';
import { z } from 'zod/mini';
import { t } from '../lib/i18n.ts';
import {
  ResponseSchemas,
  type RequestOf,
  type RequestType,
  type ResponseFor,
} from '../lib/messages.ts';

/** What the pages show for any failure of the messaging itself (not a Payfect failure). */
export function noAnswerMessage(): string {
  return t('common.noAnswer');
}

/** The background was unreachable, or answered something outside lib/messages.ts. */
export class BackgroundError extends Error {
  override readonly name = 'BackgroundError';
}

// The same map as ResponseSchemas, typed so that indexing it with a generic T keeps T.
const schemas: { readonly [K in RequestType]: z.ZodMiniType<ResponseFor<K>> } = ResponseSchemas;

function issuesSummary(error: z.core.$ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

/**
 * Sends one request of lib/messages.ts to the background and returns its answer, checked
 * against the protocol. Throws a BackgroundError when nothing (or nonsense) comes back; a
 * Payfect failure is not thrown, it is an `{ ok: false, error }` answer.
 */
export function ask<T extends RequestType>(
  request: RequestOf<T> & { type: T },
): Promise<ResponseFor<T>> {
  return checkedAnswer(request.type, browser.runtime.sendMessage(request));
}

/**
 * The answer to a request of `type` already sent (the popup sends getState before its code
 * has loaded: entrypoints/popup/start/first-load.ts), checked as `ask` checks it.
 */
export async function checkedAnswer<T extends RequestType>(
  type: T,
  sent: Promise<unknown>,
): Promise<ResponseFor<T>> {
  let answer: unknown;
  try {
    answer = await sent;
  } catch (cause) {
    throw new BackgroundError(`The background could not be reached for "${type}".`, {
      cause,
    });
  }
  if (answer === undefined) {
    throw new BackgroundError(`The background sent no answer to "${type}".`);
  }
  const parsed = z.safeParse(schemas[type], answer);
  if (!parsed.success) {
    throw new BackgroundError(
      `The background's answer to "${type}" does not match the protocol: ${issuesSummary(parsed.error)}`,
    );
  }
  return parsed.data;
}
