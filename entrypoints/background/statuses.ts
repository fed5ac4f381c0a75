import type { SessionStatus } from '../../lib/history.ts';
import type { ResponseFor, UiError } from '../../lib/messages.ts';
import type { PayfectClient, PayfectError } from '../../lib/payfect/index.ts';
import { ledgerOf } from '../../lib/ledger.ts';
import { isDueForPoll } from '../../lib/polling-policy.ts';
import { needsReminder } from '../../lib/reminders.ts';
import { ok, type Result } from '../../lib/result.ts';
import { activeProfile, DEFAULT_PROFILE_ID } from '../../lib/settings.ts';
import { readStoredSettings } from '../../storage/settings.ts';
import { expireByClock, isLive, mergeStatus } from '../../lib/status.ts';
import {
  openSessions,
  updateSessions,
  type SessionUpdate,
  type StoredSession,
} from './history-store.ts';
import { syncIndicators } from './indicators.ts';
import { notifyExpiringSoon, notifyPaid } from './notifications.ts';
import { connect, type BackgroundDeps, type Connection } from './payfect-api.ts';
import { mapWithLimit } from './pool.ts';
import { uiErrorFromPayfect } from './ui-error.ts';

type RefreshResponse = ResponseFor<'refreshStatuses'>;

export const MAX_IN_FLIGHT = 4;
const RATE_LIMIT_RETRIES = 2;
const DEFAULT_RETRY_AFTER_MS = 5_000;
/* Chrome stops a worker idle for 30 s; a longer wait could be cut off (the next poll retries). */
const MAX_RETRY_AFTER_MS = 20_000;

/** A status; undefined when Payfect has no such checkout there (404/405); or a failure. */
type Answer = Result<SessionStatus | undefined, PayfectError>;

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** One session's status, waiting out a 429 as Payfect asks, at most twice. */
async function askStatus(
  client: PayfectClient,
  id: string,
  sleep: (ms: number) => Promise<void>,
): Promise<Answer> {
  for (let retries = 0; ; retries += 1) {
    const result = await client.getCheckout(id);
    if (result.ok) return ok(result.value.status);
    const { error } = result;
    if (error.kind === 'not_found') return ok(undefined);
    if (error.kind !== 'rate_limited' || retries >= RATE_LIMIT_RETRIES) return result;
    await sleep(Math.min(error.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS, MAX_RETRY_AFTER_MS));
  }
}

export interface StatusService {
  refresh(options: { readonly staleOnly: boolean }): Promise<RefreshResponse>;
}

/** The profile that made a session: records from before profiles are the default one's. */
export function sessionProfileId(record: StoredSession['record']): string {
  return record.profileId ?? DEFAULT_PROFILE_ID;
}

interface Connections {
  /** Profile id → its client, for every profile whose key can be used. */
  readonly byProfile: ReadonlyMap<string, Connection>;
  /** Profile id → why its key cannot be used (none saved, locked). */
  readonly failures: ReadonlyMap<string, UiError>;
  readonly activeId: string;
}

/**
 * Asks Payfect about open sessions and stores what it says (lib/status.ts rules), then
 * notifies payments and updates the badge and the polling alarm. Which sessions are asked is
 * lib/polling-policy.ts; those past expiry it does not ask are expired by the clock. Each
 * session is asked with the key of the profile that made it, and only if it was created on
 * that profile's current base URL: a key goes nowhere but its configured API, so other
 * sessions (and those of a deleted profile) settle by the clock.
 */
export function createStatusService(deps: BackgroundDeps = {}): StatusService {
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? wait;
  let running: Promise<RefreshResponse> | undefined;

  function isDue(
    record: StoredSession['record'],
    connections: Connections,
    staleOnly: boolean,
    at: number,
  ) {
    const connection = connections.byProfile.get(sessionProfileId(record));
    if (connection === undefined || record.baseUrl !== connection.baseUrl) return false;
    const { lastChecked, expiresAt } = record;
    return isDueForPoll({ lastChecked, expiresAt, live: isLive(record, at) }, at, staleOnly);
  }

  async function connectAll(): Promise<Connections> {
    const stored = await readStoredSettings();
    const byProfile = new Map<string, Connection>();
    const failures = new Map<string, UiError>();
    for (const { id } of stored.profiles) {
      const connection = await connect(deps, id);
      if (connection.ok) byProfile.set(id, connection.value);
      else failures.set(id, connection.error);
    }
    return { byProfile, failures, activeId: activeProfile(stored).id };
  }

  async function run(staleOnly: boolean): Promise<RefreshResponse> {
    const connections = await connectAll();
    const activeFailure = connections.failures.get(connections.activeId);
    // As before profiles: with no usable key at all, the active profile's reason is the answer.
    if (activeFailure !== undefined && connections.byProfile.size === 0) {
      return { ok: false, error: activeFailure };
    }
    const reminderMinutes = (await readStoredSettings()).reminderMinutes;
    const start = now();
    const open = await openSessions();
    const due = open.filter(({ record }) => isDue(record, connections, staleOnly, start));
    // The rest past expiry settle by the clock, without a request.
    const updates: SessionUpdate[] = open
      .filter((session) => !isLive(session.record, start) && !due.includes(session))
      .map(({ record, chunk }) => ({
        id: record.id,
        chunk,
        update: (r) => expireByClock(r, start),
      }));
    const answers = await mapWithLimit(due, MAX_IN_FLIGHT, async (session) => {
      const { client } = connections.byProfile.get(sessionProfileId(session.record)) as Connection;
      return { session, answer: await askStatus(client, session.record.id, sleep) };
    });
    let failed = 0;
    let notFound = 0;
    let error: UiError | undefined;
    // Another profile's key that cannot be used (locked, removed) with links waiting on it.
    for (const { record } of open) {
      const reason = connections.failures.get(sessionProfileId(record));
      if (reason !== undefined && isLive(record, start)) {
        error ??= reason;
      }
    }
    for (const { session, answer } of answers) {
      if (answer.ok) {
        if (answer.value === undefined) notFound += 1;
        // No such checkout there (404/405): still open as far as anyone knows, until expiry.
        const fetched = { status: answer.value ?? 'open' };
        const { id } = session.record;
        updates.push({ id, chunk: session.chunk, update: (r) => mergeStatus(r, fetched, now()) });
      } else {
        failed += 1;
        error ??= uiErrorFromPayfect(answer.error);
      }
    }
    // Last, and checked again on the stored record, so a link paid in this poll is not
    // reminded of. A link's successor (a newer link of its invoice) is open too, so the
    // ledger of the open links (given newest first, as it reads them) knows it, also
    // before the renewal has written `renewedBy`.
    const ledger = ledgerOf(open.map(({ record }) => record).reverse());
    for (const { record, chunk } of open) {
      if (!needsReminder(record, ledger, start, reminderMinutes)) continue;
      updates.push({
        id: record.id,
        chunk,
        update: (r) =>
          needsReminder(r, ledger, start, reminderMinutes) ? { ...r, remindedAt: start } : r,
      });
    }
    const results = await updateSessions(updates);
    const changed = results.filter((c) => c.before.status !== c.after.status);
    // remindedAt is stored before the notification is raised: once, even if the worker stops.
    const reminded = results.filter(
      (c) => c.before.remindedAt === undefined && c.after.remindedAt !== undefined,
    );
    await Promise.all([
      notifyPaid(changed.filter(({ after }) => after.status === 'complete').map((c) => c.after)),
      ...reminded.map((c) => notifyExpiringSoon(c.after, start)),
    ]);
    await syncIndicators(now());
    const counts = {
      checked: due.length,
      changed: changed.length,
      failed,
      // Told apart from "no change": the user should know Payfect did not confirm these.
      ...(notFound > 0 ? { notFound } : {}),
    };
    return error === undefined ? { ok: true, ...counts } : { ok: true, ...counts, error };
  }

  return {
    refresh({ staleOnly }) {
      // A second call while one runs (a click during the poll) joins it.
      running ??= run(staleOnly).finally(() => {
        running = undefined;
      });
      return running;
    },
  };
}
