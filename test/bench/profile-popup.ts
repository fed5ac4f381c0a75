/**
 * `npm run bench:profile`: where the popup's time to ready goes, next to the bare React page.
 * Builds into PAYFECT_OUT_DIR (default .output-bench-profile), loads the benchmark copy with
 * the sandbox connected, and for each round reloads a warm popup and the bare React page with
 * a CPU profile (CDP Profiler, 100 µs sampling) running. Prints, median over the rounds:
 * navigation phases (response, DOM interactive, DOMContentLoaded, the popup-ready mark and
 * the popup's own `profile:*` marks if a probe build sets them) and the profile's self time
 * per script and per function up to the ready mark. Writes the last profiles as .cpuprofile
 * files (open them in Chromium's DevTools, Performance panel) next to the build.
 *
 *   npm run bench:profile                        build, then 15 rounds
 *   npm run bench:profile -- --no-build --runs 5
 *   npm run bench:profile -- --trace    also a Chromium trace of one load of each page: the
 *                                       renderer main thread's events, by name, to ready
 *   npm run bench:profile -- --create   also traces creates (click → "Link copied"): the
 *                                       events of the popup's and the worker's threads
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CDPSession, Page } from '@playwright/test';
import { startSandbox } from '../sandbox/server.ts';
import { launchWithExtension, type ExtensionBrowser } from '../support/chromium.ts';
import { connectToSandbox, fillItems, openPopup, POPUP_VIEWPORT } from '../support/flows.ts';
import { prepareBenchExtension, REACT_PAGE, runWxt, STATIC_PAGE } from './bench-extension.ts';
import { summarise } from './stats.ts';

const { values: args } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false },
    runs: { type: 'string', default: '15' },
    trace: { type: 'boolean', default: false },
    create: { type: 'boolean', default: false },
  },
});
const RUNS = Math.max(1, Number(args.runs));
const ROOT = resolve(import.meta.dirname, '../..');
const OUT_DIR = resolve(ROOT, process.env.PAYFECT_OUT_DIR ?? '.output-bench-profile');
const BUILT_DIR = join(OUT_DIR, 'chrome-mv3');
const BENCH_DIR = join(OUT_DIR, 'bench-mv3');
const PROFILE_DIR = join(OUT_DIR, 'profiles');

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

interface Round {
  /** Navigation phases and marks, ms from navigation start. */
  readonly phases: Record<string, number>;
  /** Self time (ms) per script and per function, up to the ready mark. */
  readonly byScript: Map<string, number>;
  readonly byFunction: Map<string, number>;
  readonly profile: CpuProfile;
}

function shortUrl(url: string): string {
  return url === '' ? '(native)' : url.replace(/^chrome-extension:\/\/[^/]+\//, '');
}

function addTo(map: Map<string, number>, key: string, ms: number): void {
  map.set(key, (map.get(key) ?? 0) + ms);
}

/** Self time per script and function for the samples taken before `untilUs` (profile clock). */
function selfTimes(profile: CpuProfile, untilUs: number) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const byScript = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let time = profile.startTime;
  profile.samples.forEach((id, index) => {
    time += profile.timeDeltas[index] ?? 0;
    if (time > untilUs) return;
    const next = profile.timeDeltas[index + 1] ?? 0;
    const frame = nodes.get(id)?.callFrame;
    if (!frame) return;
    const ms = next / 1000;
    const script = frame.url === '' ? frame.functionName : shortUrl(frame.url);
    addTo(byScript, script, ms);
    addTo(
      byFunction,
      `${frame.functionName || '(anonymous)'} ${shortUrl(frame.url)}:${frame.lineNumber + 1}`,
      ms,
    );
  });
  return { byScript, byFunction };
}

async function profiledLoad(extension: ExtensionBrowser, page: Page, path: string): Promise<Round> {
  // An extension page first, so the profiled navigation stays in the extension's process.
  await page.goto(extension.url(STATIC_PAGE));
  const session = await extension.context.newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 100 });
  await session.send('Profiler.start');
  await page.goto(extension.url(path));
  await page.waitForFunction(
    () => performance.getEntriesByName('popup-ready').length > 0,
    undefined,
    {
      polling: 'raf',
    },
  );
  const { profile } = (await session.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  await session.detach();
  const phases = await page.evaluate(() => {
    const [navigation] = performance.getEntriesByType('navigation');
    const timing = navigation as PerformanceNavigationTiming;
    const found: Record<string, number> = {
      responseEnd: timing.responseEnd,
      domInteractive: timing.domInteractive,
      domContentLoaded: timing.domContentLoadedEventEnd,
    };
    for (const entry of performance.getEntriesByType('resource')) {
      if (entry.name.endsWith('.js')) {
        const name = entry.name.replace(/^.*\//, '').replace(/-[\w-]{8}\.js$/, '.js');
        found[`script ${name} loaded`] = (entry as PerformanceResourceTiming).responseEnd;
      }
    }
    for (const entry of performance.getEntriesByType('paint')) found[entry.name] = entry.startTime;
    for (const mark of performance.getEntriesByType('mark')) found[mark.name] = mark.startTime;
    return found;
  });
  // The ready mark on the profile's clock: the last sample is taken at most a frame after.
  const readyUs = profile.endTime;
  return { phases, ...selfTimes(profile, readyUs), profile };
}

function median(values: readonly number[]): number {
  return summarise(values).median;
}

function report(name: string, rounds: readonly Round[]): void {
  console.log(`\n## ${name} (${rounds.length} rounds, median ms)`);
  const phaseNames = [...new Set(rounds.flatMap((round) => Object.keys(round.phases)))];
  const rows = phaseNames.map((phase) => ({
    phase,
    ms: median(rounds.flatMap((round) => round.phases[phase] ?? [])),
  }));
  rows.sort((a, b) => a.ms - b.ms);
  for (const row of rows) console.log(`${row.ms.toFixed(1).padStart(8)}  ${row.phase}`);
  for (const [title, key] of [
    ['self time per script, navigation → ready', 'byScript'],
    ['self time per function (top 25)', 'byFunction'],
  ] as const) {
    console.log(`\n${title}:`);
    const names = [...new Set(rounds.flatMap((round) => [...round[key].keys()]))];
    const totals = names.map((n) => ({
      n,
      ms: median(rounds.map((round) => round[key].get(n) ?? 0)),
    }));
    totals.sort((a, b) => b.ms - a.ms);
    for (const { n, ms } of totals.slice(0, 25)) console.log(`${ms.toFixed(1).padStart(8)}  ${n}`);
  }
}

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly args?: { data?: { url?: string; functionName?: string } };
}

/** Starts a Chromium trace of these categories; `stop` ends it and gives its events. */
async function startTrace<E>(
  session: CDPSession,
  categories: readonly string[],
): Promise<{ stop(): Promise<E[]> }> {
  const events: E[] = [];
  session.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as E[])));
  const done = new Promise<void>((resolve) =>
    session.once('Tracing.tracingComplete', () => resolve()),
  );
  await session.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: [...categories] },
  });
  return {
    async stop() {
      await session.send('Tracing.end');
      await done;
      return events;
    },
  };
}

/**
 * One load of `path` under a Chromium trace; prints the renderer main thread's complete
 * events between navigation start and the ready mark, summed by name (nested ones too, so
 * the sums overlap: `RunTask` holds the rest), and writes the trace for chrome://tracing.
 */
async function tracedLoad(extension: ExtensionBrowser, path: string, name: string): Promise<void> {
  const page = await extension.context.newPage();
  await page.setViewportSize(POPUP_VIEWPORT);
  await page.goto(extension.url(STATIC_PAGE));
  const session = await extension.context.newCDPSession(page);
  const trace = await startTrace<TraceEvent>(session, [
    'devtools.timeline',
    'disabled-by-default-devtools.timeline',
    'v8',
    'v8.execute',
    'blink.user_timing',
    'loading',
    'navigation',
  ]);
  await page.goto(extension.url(path));
  await page.waitForFunction(
    () => performance.getEntriesByName('popup-ready').length > 0,
    undefined,
    {
      polling: 'raf',
    },
  );
  const events = await trace.stop();
  await page.close();
  writeFileSync(
    join(PROFILE_DIR, `${name.replace(/\W+/g, '-')}.trace.json`),
    JSON.stringify(events),
  );
  const ready = events.find((event) => event.name === 'popup-ready');
  const start = events.find(
    (event) => event.name === 'navigationStart' && event.pid === ready?.pid,
  );
  if (!ready || !start) {
    console.log(`\n${name}: no navigationStart / popup-ready in the trace`);
    return;
  }
  const main = events.find((event) => event.pid === ready.pid && event.name === 'ParseHTML')?.tid;
  const byName = new Map<string, number>();
  const timeline: string[] = [];
  for (const event of events) {
    if (event.pid !== ready.pid || event.tid !== main || event.ph !== 'X') continue;
    if (event.ts < start.ts || event.ts > ready.ts) continue;
    const ms = (event.dur ?? 0) / 1000;
    const detail =
      event.args?.data?.url?.replace(/^.*\//, '') ?? event.args?.data?.functionName ?? '';
    addTo(byName, detail ? `${event.name} ${detail}` : event.name, ms);
    if (event.name !== 'RunTask' && ms >= 1) {
      timeline.push(
        `${((event.ts - start.ts) / 1000).toFixed(1).padStart(7)} +${ms.toFixed(1).padStart(5)}  ${event.name} ${detail}`,
      );
    }
  }
  console.log(
    `\n## ${name}: one traced load, main thread, ready at ${((ready.ts - start.ts) / 1000).toFixed(1)} ms`,
  );
  const rows = [...byName].sort((a, b) => b[1] - a[1]).slice(0, 25);
  for (const [event, ms] of rows) console.log(`${ms.toFixed(1).padStart(8)}  ${event}`);
  console.log('events of 1 ms or more, in order (start, duration):');
  for (const line of timeline) console.log(line);
}

interface ThreadEvent extends TraceEvent {
  readonly args?: TraceEvent['args'] & { name?: string };
}

/**
 * Creates under a Chromium trace: click on "Create link" → "Link copied". The popup and the
 * extension's service worker share the extension's renderer process, so one trace shows
 * both; prints each thread's events of 0.3 ms or more in order (ms from the click).
 */
async function tracedCreate(extension: ExtensionBrowser, round: number): Promise<number> {
  const page = await openPopup(extension);
  await fillItems(page, [{ name: 'Benchmark item', unitPrice: '12.5' }]);
  const session = await extension.context.newCDPSession(page);
  const trace = await startTrace<ThreadEvent>(session, [
    'devtools.timeline',
    'disabled-by-default-devtools.timeline',
    'v8.execute',
    'blink.user_timing',
    'ServiceWorker',
    'extensions',
    'ipc',
    'mojom',
  ]);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 100 });
  await session.send('Profiler.start');
  const ms = await page.evaluate(async () => {
    const button = [...document.querySelectorAll<HTMLButtonElement>('button')].find(
      (element) => element.textContent?.trim() === 'Create link',
    );
    performance.mark('create-click');
    const t0 = performance.now();
    button?.click();
    while (!document.body.textContent?.includes('Link copied')) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    performance.mark('create-copied');
    return performance.now() - t0;
  });
  const { profile } = (await session.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  const events = await trace.stop();
  writeFileSync(join(PROFILE_DIR, 'create.cpuprofile'), JSON.stringify(profile));
  await page.getByRole('tab', { name: 'New link' }).click();
  await page.close();
  if (round < 0) return ms;
  const click = events.find((event) => event.name === 'create-click');
  const copied = events.find((event) => event.name === 'create-copied');
  if (!click || !copied) return ms;
  const threadNames = new Map(
    events
      .filter((event) => event.ph === 'M' && event.name === 'thread_name')
      .map((event) => [`${event.pid}:${event.tid}`, event.args?.name ?? '']),
  );
  console.log(`\n## create ${round + 1}: ${ms.toFixed(1)} ms click → "Link copied"`);
  const lines = events
    .filter(
      (event) =>
        event.pid === click.pid &&
        event.ph === 'X' &&
        event.ts >= click.ts &&
        event.ts <= copied.ts &&
        (event.dur ?? 0) >= 300 &&
        event.name !== 'RunTask' &&
        event.name !== 'ThreadControllerImpl::RunTask',
    )
    .sort((a, b) => a.ts - b.ts);
  for (const event of lines) {
    const thread = threadNames.get(`${event.pid}:${event.tid}`) ?? String(event.tid);
    const detail =
      event.args?.data?.url?.replace(/^.*\//, '') ?? event.args?.data?.functionName ?? '';
    const at = ((event.ts - click.ts) / 1000).toFixed(1).padStart(6);
    const dur = ((event.dur ?? 0) / 1000).toFixed(1).padStart(5);
    console.log(`${at} +${dur}  ${thread.padEnd(22).slice(0, 22)} ${event.name} ${detail}`);
  }
  return ms;
}

async function main(): Promise<void> {
  if (!args['no-build']) {
    console.log(`Building into ${OUT_DIR}…`);
    runWxt('build', OUT_DIR);
  }
  await prepareBenchExtension(BUILT_DIR, BENCH_DIR);
  const sandbox = await startSandbox({ port: 0, quiet: true });
  const extension = await launchWithExtension({ extensionDir: BENCH_DIR });
  try {
    await connectToSandbox(extension, sandbox);
    const pages = { popup: 'popup.html', 'bare React page': REACT_PAGE };
    const rounds: Record<string, Round[]> = { popup: [], 'bare React page': [] };
    // Two discarded rounds: the first loads compile and cache what later ones reuse.
    for (let run = -2; run < RUNS; run += 1) {
      for (const [name, path] of Object.entries(pages)) {
        const page = await extension.context.newPage();
        await page.setViewportSize(POPUP_VIEWPORT);
        const round = await profiledLoad(extension, page, path);
        await page.close();
        if (run >= 0) rounds[name]?.push(round);
      }
    }
    mkdirSync(PROFILE_DIR, { recursive: true });
    mkdirSync(PROFILE_DIR, { recursive: true });
    if (args.create) {
      await extension.context.grantPermissions(['clipboard-read', 'clipboard-write']);
      for (let run = -2; run < Math.min(RUNS, 4); run += 1) await tracedCreate(extension, run);
    }
    if (args.trace) {
      for (const [name, path] of Object.entries(pages)) await tracedLoad(extension, path, name);
    }
    for (const [name, list] of Object.entries(rounds)) {
      report(name, list);
      const last = list.at(-1);
      if (last) {
        const file = join(PROFILE_DIR, `${name.replace(/\W+/g, '-')}.cpuprofile`);
        writeFileSync(file, JSON.stringify(last.profile));
        console.log(`\nLast profile: ${file}`);
      }
    }
  } finally {
    await extension.close();
    await sandbox.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
