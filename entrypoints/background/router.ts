import type { Browser } from 'wxt/browser';
import { z } from 'zod/mini';
import type { KeyStatus, ResponseFor, UiError } from '../../lib/messages.ts';
import { RequestSchema, type RequestOf, type RequestType } from '../../lib/requests.ts';
import { t } from '../../lib/i18n.ts';
import { activeProfile } from '../../lib/settings.ts';
import { readStoredSettings } from '../../storage/settings.ts';
import { ok, type Result } from '../../lib/result.ts';
import { createCheckoutService } from './checkouts.ts';
import { correctInvoice } from './corrections.ts';
import { testConnection } from './connection.ts';
import { findSession, pruneHistory, updateSession } from './history-store.ts';
import { syncIndicators } from './indicators.ts';
import {
  clearApiKey,
  removalLeavesPlainCopy,
  lockKey,
  removePassphrase,
  saveApiKey,
  setPassphrase,
  unlockKey,
} from './key-store.ts';
import { dismissLastCreate } from './last-create.ts';
import type { BackgroundDeps } from './payfect-api.ts';
import {
  addProfile,
  deleteProfile,
  profileExists,
  renameProfile,
  switchProfile,
} from './profiles.ts';
import { createRenewService } from './renewals.ts';
import { readLogo, saveLogo } from '../../storage/invoice-logo.ts';
import { invoiceFor } from './invoices.ts';
import { isInternalSender } from './sender.ts';
import { profileGone, saveSettings } from './settings-store.ts';
import { getState } from './state.ts';
import { voidInvoice } from './voids.ts';
import { createStatusService, type StatusService } from './statuses.ts';

type Handlers = { [T in RequestType]: (request: RequestOf<T>) => Promise<ResponseFor<T>> };

function refused(message: string): { ok: false; error: UiError } {
  return { ok: false, error: { kind: 'invalid_request', message } };
}

function keyAnswer(
  result: Result<KeyStatus, UiError>,
  leftPlainCopy = false,
): ResponseFor<'saveKey'> {
  if (!result.ok) return { ok: false, error: result.error };
  return leftPlainCopy
    ? { ok: true, key: result.value, leftPlainCopy }
    : { ok: true, key: result.value };
}

/** A lowered cap applies at once, not only at the next create. */
async function applyHistoryCap(cap: number): Promise<void> {
  if ((await pruneHistory(cap)) > 0) await syncIndicators();
}

/** The answer to a profile change: the whole state after it, or why it was refused. */
async function profileAnswer(
  result: Result<unknown, UiError>,
): Promise<ResponseFor<'switchProfile'>> {
  return result.ok ? { ok: true, state: await getState() } : { ok: false, error: result.error };
}

/**
 * Runs `handle` unless the request names a profile that does not exist (deleted in another
 * window): a key or setting is never written for, nor a link made with, a profile that is gone.
 */
function forProfile<T extends RequestType>(
  handle: (request: RequestOf<T>) => Promise<ResponseFor<T>>,
): (request: RequestOf<T>) => Promise<ResponseFor<T> | { ok: false; error: UiError }> {
  return async (request) => {
    const { profileId } = request as { profileId?: string };
    if (profileId !== undefined && !(await profileExists(profileId))) {
      return { ok: false, error: profileGone() };
    }
    return handle(request);
  };
}

async function activeProfileId(): Promise<string> {
  return activeProfile(await readStoredSettings()).id;
}

function createHandlers(deps: BackgroundDeps, statuses: StatusService): Handlers {
  const checkouts = createCheckoutService(deps);
  const renewals = createRenewService(checkouts, deps.now);
  return {
    getState: () => getState(),
    saveSettings: forProfile<'saveSettings'>(async ({ settings, profileId }) => {
      const saved = await saveSettings(settings, profileId);
      if (!saved.ok) return { ok: false, error: saved.error };
      await applyHistoryCap(saved.value.historyCap);
      return { ok: true, settings: saved.value };
    }),
    saveKey: forProfile<'saveKey'>(async ({ apiKey, passphrase, profileId }) => {
      const leaves = await removalLeavesPlainCopy(profileId);
      return keyAnswer(await saveApiKey(apiKey, profileId, passphrase), leaves);
    }),
    clearKey: forProfile<'clearKey'>(async ({ profileId }) => {
      const leaves = await removalLeavesPlainCopy(profileId);
      return keyAnswer(ok(await clearApiKey(profileId)), leaves);
    }),
    setPassphrase: forProfile<'setPassphrase'>(async ({ passphrase, current, profileId }) =>
      keyAnswer(await setPassphrase(passphrase, profileId, current)),
    ),
    unlockKey: forProfile<'unlockKey'>(async ({ passphrase, profileId }) =>
      keyAnswer(await unlockKey(passphrase, profileId)),
    ),
    lockKey: forProfile<'lockKey'>(async ({ profileId }) => ({
      ok: true,
      key: await lockKey(profileId),
    })),
    removePassphrase: forProfile<'removePassphrase'>(async ({ current, profileId }) =>
      keyAnswer(await removePassphrase(current, profileId)),
    ),
    testConnection: ({ profileId, typed }) => testConnection(deps, profileId, typed),
    switchProfile: async ({ profileId }) => profileAnswer(await switchProfile(profileId)),
    addProfile: async ({ name }) => profileAnswer(await addProfile(name)),
    renameProfile: async ({ profileId, name }) =>
      profileAnswer(await renameProfile(profileId, name)),
    deleteProfile: async ({ profileId }) => {
      const leaves = await removalLeavesPlainCopy(profileId);
      const answer = await profileAnswer(await deleteProfile(profileId));
      return answer.ok && leaves ? { ...answer, leftPlainCopy: true } : answer;
    },
    createCheckout: ({ requestId, order, profileId, liveConfirmed }) =>
      checkouts.create(requestId, order, { profileId, liveConfirmed }),
    // A voided invoice is over: no new link is made for it, whichever page asks.
    renewCheckout: async ({ requestId, sessionId, liveConfirmed }) =>
      (await findSession(sessionId))?.voided === undefined
        ? renewals.renew(requestId, sessionId, liveConfirmed)
        : refused(t('background.voidRenew')),
    updateSessionNotes: async ({ sessionId, note, tags }) => {
      const session = await updateSession(sessionId, { note, tags });
      if (session === undefined) {
        return {
          ok: false,
          error: { kind: 'not_found', message: t('background.goneFromHistory') },
        };
      }
      return { ok: true, session };
    },
    voidInvoice: ({ sessionId, reason }) => voidInvoice(sessionId, reason, deps.now),
    correctInvoice: ({ sessionId, fields }) =>
      correctInvoice(sessionId, fields, (deps.now ?? Date.now)()),
    dismissLastCreate: async ({ requestId }) => {
      await dismissLastCreate(requestId);
      return { ok: true };
    },
    refreshStatuses: ({ staleOnly }) => statuses.refresh({ staleOnly }),
    getInvoice: ({ sessionId }) => invoiceFor(sessionId),
    getLogo: async ({ profileId }) => ({
      ok: true,
      logo: await readLogo(profileId ?? (await activeProfileId())),
    }),
    saveLogo: forProfile<'saveLogo'>(async ({ logo, profileId }) => {
      await saveLogo(profileId ?? (await activeProfileId()), logo);
      return { ok: true };
    }),
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
    if (!isInternalSender(sender)) return refused(t('background.notOwnPage'));
    const parsed = z.safeParse(RequestSchema, message);
    if (!parsed.success) return refused(t('background.unknownRequest'));
    try {
      return await dispatch(handlers, parsed.data);
    } catch (error) {
      // A storage failure, most likely. Logged without the message, which may hold a key.
      console.error(`Background failed to handle ${parsed.data.type}`, error);
      return {
        ok: false,
        error: { kind: 'server', message: t('background.internalError') },
      };
    }
  };
}
