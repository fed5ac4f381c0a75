import type { Browser } from 'wxt/browser';
import { z } from 'zod/mini';
import {
  RequestSchema,
  type RequestOf,
  type RequestType,
  type KeyStatus,
  type ResponseFor,
  type UiError,
} from '../../lib/messages.ts';
import type { Result } from '../../lib/result.ts';
import { createCheckoutService } from './checkouts.ts';
import { testConnection } from './connection.ts';
import { pruneHistory, updateSession } from './history-store.ts';
import { syncIndicators } from './indicators.ts';
import {
  clearApiKey,
  lockKey,
  removePassphrase,
  saveApiKey,
  setPassphrase,
  unlockKey,
} from './key-store.ts';
import { dismissLastCreate } from './last-create.ts';
import type { BackgroundDeps } from './payfect-api.ts';
import { createRenewService } from './renewals.ts';
import { isInternalSender } from './sender.ts';
import { saveSettings } from './settings-store.ts';
import { getState } from './state.ts';
import { createStatusService, type StatusService } from './statuses.ts';

type Handlers = { [T in RequestType]: (request: RequestOf<T>) => Promise<ResponseFor<T>> };

function refused(message: string): { ok: false; error: UiError } {
  return { ok: false, error: { kind: 'invalid_request', message } };
}

function keyAnswer(result: Result<KeyStatus, UiError>): ResponseFor<'saveKey'> {
  return result.ok ? { ok: true, key: result.value } : { ok: false, error: result.error };
}

/** A lowered cap applies at once, not only at the next create. */
async function applyHistoryCap(cap: number): Promise<void> {
  if ((await pruneHistory(cap)) > 0) await syncIndicators();
}

function createHandlers(deps: BackgroundDeps, statuses: StatusService): Handlers {
  const checkouts = createCheckoutService(deps);
  const renewals = createRenewService(checkouts, deps.now);
  return {
    getState: () => getState(),
    saveSettings: async ({ settings }) => {
      const saved = await saveSettings(settings);
      if (!saved.ok) return { ok: false, error: saved.error };
      await applyHistoryCap(saved.value.historyCap);
      return { ok: true, settings: saved.value };
    },
    saveKey: async ({ apiKey }) => keyAnswer(await saveApiKey(apiKey)),
    clearKey: async () => ({ ok: true, key: await clearApiKey() }),
    setPassphrase: async ({ passphrase }) => keyAnswer(await setPassphrase(passphrase)),
    unlockKey: async ({ passphrase }) => keyAnswer(await unlockKey(passphrase)),
    lockKey: async () => ({ ok: true, key: await lockKey() }),
    removePassphrase: async () => keyAnswer(await removePassphrase()),
    testConnection: () => testConnection(deps),
    createCheckout: ({ requestId, order }) => checkouts.create(requestId, order),
    renewCheckout: ({ requestId, sessionId }) => renewals.renew(requestId, sessionId),
    updateSessionNotes: async ({ sessionId, note, tags }) => {
      const session = await updateSession(sessionId, { note, tags });
      if (session === undefined) {
        return {
          ok: false,
          error: { kind: 'not_found', message: 'That link is no longer in History.' },
        };
      }
      return { ok: true, session };
    },
    dismissLastCreate: async ({ requestId }) => {
      await dismissLastCreate(requestId);
      return { ok: true };
    },
    refreshStatuses: ({ staleOnly }) => statuses.refresh({ staleOnly }),
  };
}

function dispatch<T extends RequestType>(handlers: Handlers, request: RequestOf<T>) {
  const handler = handlers[request.type] as (request: RequestOf<T>) => Promise<ResponseFor<T>>;
  return handler(request);
}

export type MessageHandler = (
  message: unknown,
  sender: Browser.runtime.MessageSender,
) => Promise<unknown>;

/**
 * The worker's answer to any runtime message. Nothing is trusted: the sender must be one of
 * this extension's own pages, the message must parse as a Request, and each answer is of
 * the type lib/messages.ts promises for it. `statuses` is shared with the polling alarm, so
 * a refresh the popup asks for during a poll joins it.
 */
export function createMessageHandler(
  deps: BackgroundDeps = {},
  statuses: StatusService = createStatusService(deps),
): MessageHandler {
  const handlers = createHandlers(deps, statuses);
  return async (message, sender) => {
    if (!isInternalSender(sender)) return refused('Only this extension’s own pages may ask.');
    const parsed = z.safeParse(RequestSchema, message);
    if (!parsed.success) return refused('The request is not one this extension understands.');
    try {
      return await dispatch(handlers, parsed.data);
    } catch (error) {
      // A storage failure, most likely. Logged without the message, which may hold a key.
      console.error(`Background failed to handle ${parsed.data.type}`, error);
      return {
        ok: false,
        error: { kind: 'server', message: 'Something went wrong inside the extension.' },
      };
    }
  };
}
