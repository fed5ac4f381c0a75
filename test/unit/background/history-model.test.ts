import fc from 'fast-check';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod/mini';
import { openSessions, startHistory } from '../../../entrypoints/background/history-store.ts';
import { syncIndicators } from '../../../entrypoints/background/indicators.ts';
import {
  createMessageHandler,
  type MessageHandler,
} from '../../../entrypoints/background/router.ts';
import { forgetState } from '../../../entrypoints/background/state.ts';
import { isKnownStatus, type CheckoutStatus, type SessionRecord } from '../../../lib/history.ts';
import { HISTORY_META_KEY, historyChunkKey, readHistory } from '../../../storage/history.ts';
import { ResponseSchemas } from '../../../lib/messages.ts';
import { POLL_ALARM, STALE_AFTER_MS } from '../../../lib/polling-policy.ts';
import { DEFAULT_SETTINGS } from '../../../lib/settings.ts';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';
import { ask, configure, order, session } from './helpers.ts';

/*
 * Model-based tests of the history and status machinery: long random sequences of what a
 * user and the world do over weeks — create, pay, the clock running out, refresh (stale
 * only and full), the polling alarm, renew, notes, a lowered History limit, a worker
 * restart, a history that starts with legacy 200-session chunks — run against the real
 * worker (fakeBrowser storage, the sandbox over loopback HTTP) and a plain model. After
 * every step the sessions a poll would ask about, the badge, the alarm, what History lists
 * and the notifications raised must equal the model's.
 *
 * MODEL_RUNS and MODEL_SEED (environment) change the number of sequences and the seed.
 */

const MINUTE = 60_000;
const LIFETIME_MS = 3 * 60 * MINUTE;
const REMINDER_MINUTES = DEFAULT_SETTINGS.reminderMinutes;
const START = Date.UTC(2026, 11, 3, 9, 0, 0);
const RUNS = Number(process.env.MODEL_RUNS ?? 100);
const SEED = process.env.MODEL_SEED === undefined ? undefined : Number(process.env.MODEL_SEED);

interface ModelSession {
  readonly id: string;
  readonly expiresAt: number;
  /** Whether the sandbox knows it (seeded sessions from an old history may be unknown). */
  readonly atPayfect: boolean;
  paid: boolean;
  stored: CheckoutStatus;
  lastChecked: number;
  reminded: boolean;
  renewedBy?: string;
  note?: string;
}

interface Model {
  now: number;
  /** Oldest first, as History keeps them. */
  sessions: ModelSession[];
  cap: number;
  /** The badge count and the alarm as the last sync left them. */
  badge: number;
  alarm: boolean;
  notifications: Set<string>;
}

interface Real {
  handle: MessageHandler;
}

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, quiet: true, lifetimeMs: LIFETIME_MS });
});
afterAll(async () => {
  vi.useRealTimers();
  await sandbox.close();
});

function setClock(model: Model, at: number) {
  model.now = at;
  vi.setSystemTime(at);
}

function isLive(s: ModelSession, now: number): boolean {
  return s.stored === 'open' && s.expiresAt > now;
}

function effective(s: ModelSession, now: number): CheckoutStatus {
  return s.stored === 'open' && s.expiresAt <= now ? 'expired' : s.stored;
}

/** What syncIndicators leaves: the badge counts live sessions, the alarm exists with one. */
function sync(model: Model) {
  model.badge = model.sessions.filter((s) => isLive(s, model.now)).length;
  model.alarm = model.badge > 0;
}

function prune(model: Model): number {
  if (model.cap <= 0 || model.sessions.length <= model.cap) return 0;
  const excess = model.sessions.length - model.cap;
  model.sessions = model.sessions.slice(excess);
  return excess;
}

function canRenew(s: ModelSession, now: number): boolean {
  if (s.renewedBy !== undefined || s.stored === 'complete') return false;
  if (!isLive(s, now)) return true;
  return s.expiresAt - now < REMINDER_MINUTES * MINUTE;
}

/** A refresh as the worker runs it: settle by the clock, ask, remind, notify, sync. */
function refresh(model: Model, staleOnly: boolean) {
  const start = model.now;
  const paidNow: string[] = [];
  for (const s of model.sessions) {
    if (s.stored !== 'open') continue;
    const stale = !staleOnly || start - s.lastChecked >= STALE_AFTER_MS;
    // A session is asked while it can be paid, and once more after its expiry: a payment
    // made in its last minute is still seen.
    const due = stale && (s.expiresAt > start || s.lastChecked < s.expiresAt);
    if (due) {
      s.lastChecked = start;
      if (s.atPayfect && s.paid) {
        s.stored = 'complete';
        paidNow.push(s.id);
        if (s.reminded) model.notifications.delete(`reminder:${s.id}`);
        continue;
      }
    }
    if (s.expiresAt <= start) s.stored = 'expired';
  }
  // More than two paid in one pass are told in one notification (notifications.ts).
  if (paidNow.length > 2) model.notifications.add(`paid:${paidNow.toSorted().join(',')}`);
  else for (const id of paidNow) model.notifications.add(id);
  for (const s of model.sessions) {
    const remind =
      isLive(s, start) &&
      s.expiresAt - start <= REMINDER_MINUTES * MINUTE &&
      !s.reminded &&
      s.renewedBy === undefined;
    if (remind) {
      s.reminded = true;
      model.notifications.add(`reminder:${s.id}`);
    }
  }
  sync(model);
}

function created(model: Model, record: SessionRecord): ModelSession {
  const s: ModelSession = {
    id: record.id,
    expiresAt: record.expiresAt,
    atPayfect: true,
    paid: false,
    stored: 'open',
    lastChecked: model.now,
    reminded: false,
  };
  model.sessions.push(s);
  prune(model);
  sync(model);
  return s;
}

/** Lets the work the worker does after answering (tidyAfterCreate) finish. */
async function settle() {
  for (let i = 0; i < 3; i += 1) await new Promise((resolve) => setImmediate(resolve));
}

async function check(model: Model) {
  const history = await readHistory();
  expect(
    history.map((r) => ({
      id: r.id,
      status: r.status === 'open' && r.expiresAt <= model.now ? 'expired' : r.status,
      lastChecked: r.lastChecked,
      reminded: r.remindedAt !== undefined,
      renewedBy: r.renewedBy,
      note: r.note,
    })),
    'History',
  ).toEqual(
    model.sessions.toReversed().map((s) => ({
      id: s.id,
      status: effective(s, model.now),
      lastChecked: s.lastChecked,
      reminded: s.reminded,
      renewedBy: s.renewedBy,
      note: s.note,
    })),
  );
  const asked = (await openSessions())
    .filter(({ record }) => record.expiresAt > model.now)
    .map(({ record }) => record.id);
  expect(asked.toSorted(), 'the sessions a poll asks about').toEqual(
    model.sessions
      .filter((s) => isLive(s, model.now))
      .map((s) => s.id)
      .toSorted(),
  );
  const badge = await browser.action.getBadgeText({});
  expect(badge, 'the badge').toBe(model.badge === 0 ? '' : String(model.badge));
  expect((await browser.alarms.get(POLL_ALARM)) !== undefined, 'the alarm').toBe(model.alarm);
  const notifications = Object.keys(await browser.notifications.getAll()).toSorted();
  expect(notifications, 'the notifications').toEqual([...model.notifications].toSorted());
}

const CreateResponse = ResponseSchemas.createCheckout;
let requestNumber = 0;

class Create implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(model: Model, real: Real) {
    requestNumber += 1;
    const answer = z.parse(
      CreateResponse,
      await ask(real.handle, {
        type: 'createCheckout',
        requestId: `r${requestNumber}`,
        order: order(),
      }),
    );
    if (!answer.ok) throw new Error(answer.error.message);
    await settle();
    created(model, answer.session);
    await check(model);
  }
  toString = () => 'create';
}

class Pay implements fc.AsyncCommand<Model, Real> {
  constructor(readonly pick: number) {}
  check = (model: Model) => model.sessions.length > 0;
  async run(model: Model) {
    const s = model.sessions[this.pick % model.sessions.length];
    if (s === undefined || !s.atPayfect || s.paid || s.expiresAt <= model.now) return;
    const paid = sandbox.pay(s.id);
    if (!paid.ok) throw new Error(`sandbox refused to pay ${s.id}: ${paid.error}`);
    s.paid = true;
    await check(model);
  }
  toString = () => `pay(${this.pick})`;
}

class Wait implements fc.AsyncCommand<Model, Real> {
  constructor(readonly minutes: number) {}
  check = () => true;
  async run(model: Model) {
    setClock(model, model.now + this.minutes * MINUTE);
    await check(model);
  }
  toString = () => `wait(${this.minutes} min)`;
}

class Refresh implements fc.AsyncCommand<Model, Real> {
  constructor(readonly staleOnly: boolean) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const answer = await ask(real.handle, { type: 'refreshStatuses', staleOnly: this.staleOnly });
    expect(answer).toMatchObject({ ok: true });
    refresh(model, this.staleOnly);
    await check(model);
  }
  toString = () => `refresh(${this.staleOnly ? 'stale only' : 'all'})`;
}

/** The polling alarm fires: what index.ts does on it. */
class Poll implements fc.AsyncCommand<Model, Real> {
  check = (model: Model) => model.alarm;
  async run(model: Model, real: Real) {
    await ask(real.handle, { type: 'refreshStatuses', staleOnly: false });
    refresh(model, false);
    await check(model);
  }
  toString = () => 'poll';
}

class Renew implements fc.AsyncCommand<Model, Real> {
  constructor(readonly pick: number) {}
  check = (model: Model) => model.sessions.length > 0;
  async run(model: Model, real: Real) {
    const old = model.sessions[this.pick % model.sessions.length];
    if (old === undefined) return;
    requestNumber += 1;
    const answer = z.parse(
      ResponseSchemas.renewCheckout,
      await ask(real.handle, {
        type: 'renewCheckout',
        requestId: `r${requestNumber}`,
        sessionId: old.id,
      }),
    );
    const successor = model.sessions.find((s) => s.id === old.renewedBy);
    if (successor !== undefined) {
      // Renewed already (a second click on a row not yet redrawn): the same new link.
      expect(answer).toMatchObject({ ok: true, session: { id: successor.id } });
      await check(model);
      return;
    }
    expect(answer.ok, `renew allowed for ${old.id}`).toBe(canRenew(old, model.now));
    if (answer.ok) {
      await settle();
      const renewal = created(model, answer.session);
      old.renewedBy = renewal.id;
      if (old.note !== undefined) renewal.note = old.note;
      // Pruned by the create: the old record is gone, and so is its renewedBy.
    }
    await check(model);
  }
  toString = () => `renew(${this.pick})`;
}

class Note implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly pick: number,
    readonly text: string,
  ) {}
  check = (model: Model) => model.sessions.length > 0;
  async run(model: Model, real: Real) {
    const s = model.sessions[this.pick % model.sessions.length];
    if (s === undefined) return;
    const answer = await ask(real.handle, {
      type: 'updateSessionNotes',
      sessionId: s.id,
      note: this.text,
      tags: [],
    });
    expect(answer).toMatchObject({ ok: true });
    s.note = this.text;
    await check(model);
  }
  toString = () => `note(${this.pick}, ${JSON.stringify(this.text)})`;
}

class LowerCap implements fc.AsyncCommand<Model, Real> {
  constructor(readonly cap: number) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const answer = await ask(real.handle, {
      type: 'saveSettings',
      settings: { ...DEFAULT_SETTINGS, baseUrl: sandbox.apiBaseUrl, historyCap: this.cap },
    });
    expect(answer).toMatchObject({ ok: true });
    model.cap = this.cap;
    if (prune(model) > 0) sync(model);
    await check(model);
  }
  toString = () => `history limit ${this.cap}`;
}

/** MV3 stops the worker: nothing kept in memory survives; start-up runs again. */
class Restart implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(model: Model, real: Real) {
    forgetState();
    real.handle = createMessageHandler();
    await startHistory();
    await syncIndicators();
    sync(model);
    await check(model);
  }
  toString = () => 'worker restart';
}

interface Seed {
  readonly chunkSize: number;
  readonly statuses: readonly CheckoutStatus[];
}

/**
 * A history written by an earlier build: `statuses` oldest first in chunks of `chunkSize`
 * (200 before chunks of 50), unknown to the sandbox, with the meta such a build kept.
 */
async function seedHistory(model: Model, seed: Seed) {
  const records = seed.statuses.map((status, i) => {
    const createdAt = model.now - 2 * LIFETIME_MS + i * MINUTE;
    const expiresAt =
      status === 'open' ? model.now + (i + 1) * 5 * MINUTE : createdAt + LIFETIME_MS;
    return session(`old${i}`, {
      status,
      createdAt,
      expiresAt,
      lastChecked: model.now,
      statusChangedAt: model.now,
      baseUrl: sandbox.apiBaseUrl,
    });
  });
  if (records.length === 0) return;
  const items: Record<string, unknown> = {};
  let openFrom: number | undefined;
  const end = Math.ceil(records.length / seed.chunkSize);
  for (let index = 0; index < end; index += 1) {
    const chunk = records.slice(index * seed.chunkSize, (index + 1) * seed.chunkSize);
    items[historyChunkKey(index)] = chunk;
    if (openFrom === undefined && chunk.some((r) => r.status === 'open')) openFrom = index;
  }
  items[HISTORY_META_KEY] = {
    version: 2,
    first: 0,
    end,
    count: records.length,
    openFrom: openFrom ?? end,
  };
  await browser.storage.local.set(items);
  for (const r of records) {
    model.sessions.push({
      id: r.id,
      expiresAt: r.expiresAt,
      atPayfect: false,
      paid: false,
      stored: isKnownStatus(r.status) ? r.status : 'open',
      lastChecked: r.lastChecked,
      reminded: false,
    });
  }
}

const seedArbitrary: fc.Arbitrary<Seed> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ chunkSize: 50, statuses: [] }) },
  {
    weight: 2,
    arbitrary: fc.record({
      chunkSize: fc.constant(50),
      statuses: fc.array(fc.constantFrom<CheckoutStatus>('complete', 'expired', 'open'), {
        minLength: 1,
        maxLength: 60,
      }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      chunkSize: fc.constant(200),
      statuses: fc
        .tuple(fc.integer({ min: 150, max: 230 }), fc.integer({ min: 0, max: 3 }))
        .map(([length, open]) =>
          Array.from({ length }, (_, i): CheckoutStatus =>
            i >= length - open ? 'open' : i % 3 === 0 ? 'expired' : 'complete',
          ),
        ),
    }),
  },
);

const commands = [
  fc.constant(new Create()),
  fc.constant(new Create()),
  fc.nat().map((pick) => new Pay(pick)),
  fc.nat().map((pick) => new Pay(pick)),
  fc.integer({ min: 1, max: 100 }).map((minutes) => new Wait(minutes)),
  fc.boolean().map((staleOnly) => new Refresh(staleOnly)),
  fc.constant(new Poll()),
  fc.nat().map((pick) => new Renew(pick)),
  fc
    .tuple(fc.nat(), fc.constantFrom('paid by wire?', 'Client: Ann', ''))
    .map(([pick, text]) => new Note(pick, text)),
  fc.oneof(fc.constant(0), fc.integer({ min: 2, max: 8 })).map((cap) => new LowerCap(cap)),
  fc.constant(new Restart()),
];

describe('the history and status machinery over long sequences', () => {
  it('follows every link as a plain model says, whatever the order of events', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    await fc.assert(
      fc.asyncProperty(
        seedArbitrary,
        fc.commands(commands, { maxCommands: 60, size: 'max' }),
        async (seed, sequence) => {
          fakeBrowser.reset();
          forgetState();
          sandbox.reset();
          const model: Model = {
            now: START,
            sessions: [],
            cap: 0,
            badge: 0,
            alarm: false,
            notifications: new Set(),
          };
          setClock(model, START);
          const real: Real = { handle: createMessageHandler() };
          await configure(real.handle, sandbox.apiBaseUrl, sandbox.keys[0] ?? '');
          await seedHistory(model, seed);
          await startHistory();
          await syncIndicators();
          sync(model);
          await fc.asyncModelRun(() => ({ model, real }), sequence);
        },
      ),
      { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
    );
  }, 600_000);
});
