/**
 * `npm run bench`: how fast the real extension opens, creates and scales, measured in real
 * Chromium against the local sandbox, and how big it is. Not part of `npm test` — figures,
 * not assertions.
 *
 *   npm run bench                      zip (which builds) into PAYFECT_OUT_DIR, then measure
 *   npm run bench -- --no-build        reuse the build already in PAYFECT_OUT_DIR
 *   npm run bench -- --sizes 0,10000   history sizes to measure (default 0,100,1000,10000)
 *   BENCH_RUNS=30 npm run bench        repetitions per figure (default 25)
 *   npm run bench -- --quick           form takes input, create and sizes only, printed, not
 *                                      written: to weigh a variant against another
 *   npm run bench -- --report          rewrite bench/RESULTS.md from bench/results.json
 *
 * PAYFECT_OUT_DIR defaults to .output-bench, so a bench never rewrites the extension another
 * run's Chromium is loading. Writes bench/results.json and the tables of bench/RESULTS.md.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from '@playwright/test';
import { format, resolveConfig } from 'prettier';
import { startSandbox, type Sandbox } from '../sandbox/server.ts';
import {
  chromiumExecutable,
  launchWithExtension,
  type ExtensionBrowser,
} from '../support/chromium.ts';
import { connectToSandbox, openPopup } from '../support/flows.ts';
import { prepareBenchExtension, REACT_PAGE, runWxt, STATIC_FORM_PAGE } from './bench-extension.ts';
import {
  coldAndWarmMessage,
  createTime,
  historyReady,
  markedReady,
  settleAfterSeeding,
  openStaticPage,
  rawFetchTime,
  searchKeystrokes,
  typedValues,
  takesInput,
  writeStaticForm,
  type RawRequest,
} from './measure.ts';
import {
  goals,
  resultsMarkdown,
  type BenchResults,
  type CreateComparison,
  type InvoiceTimes,
  type ReadyComparison,
  type ScaleResult,
} from './report.ts';
import { invoicePagePath } from '../../lib/invoice.ts';
import { SEEDED_FIRST_ID, seedHistory } from './seed.ts';
import { measureSizes } from './sizes.ts';
import { summarise } from './stats.ts';

const { values: args } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    report: { type: 'boolean', default: false },
    sizes: { type: 'string', default: '0,100,1000,10000' },
  },
});
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 25));
/** Creates go to the sandbox and cold starts wait for Chromium: fewer of those. */
const SLOW_RUNS = Math.max(1, Math.ceil(RUNS / 2));
/** Discarded first rounds: the first pages of a run compile and cache what later ones reuse. */
const WARMUP = 2;
const SIZES = (args.sizes ?? '').split(',').map(Number);
/**
 * Typed in Search at every size, a letter at a time. It narrows to rows that differ by size:
 * at 100 its last keystroke leaves none ("No links match"), at 10,000 it draws a screenful of
 * others.
 */
const SEARCH_TEXT = 'logo 12';
/**
 * Pasted into Search one after the other, each replacing the last: old invoices, the same
 * ones at every size, so each paste draws the same row at 100 and 10,000 while the search
 * reads the whole history to find it (the oldest invoices come last). Its ratio is the
 * search's own growth with the history, the drawing held equal.
 */
const PASTED_NUMBERS = ['INV-0012', 'INV-0047', 'INV-0081', 'INV-0063'];
const TYPED = typedValues(SEARCH_TEXT);

const ROOT = resolve(import.meta.dirname, '../..');
const OUT_DIR = resolve(ROOT, process.env.PAYFECT_OUT_DIR ?? '.output-bench');
const BUILT_DIR = join(OUT_DIR, 'chrome-mv3');
const BENCH_DIR = join(OUT_DIR, 'bench-mv3');

function build(): void {
  // `wxt zip` builds first, so one command gives both the extension and the store zip.
  console.log(`Building and zipping into ${OUT_DIR}…`);
  runWxt('zip', OUT_DIR);
}

function zipPath(): string {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  return join(OUT_DIR, `${pkg.name}-${pkg.version}-chrome.zip`);
}

/** Runs `round` WARMUP + runs times and keeps the last `runs` results. */
async function repeat<T>(runs: number, round: (run: number) => Promise<T>): Promise<T[]> {
  const kept: T[] = [];
  for (let run = -WARMUP; run < runs; run += 1) {
    const value = await round(run);
    if (run >= 0) kept.push(value);
  }
  return kept;
}

/**
 * The popup, the bare React page, the popup's form with no script, the popup until React has
 * hydrated, and the popup with no first screen kept, in a rotating order each round.
 */
async function compareReady(extension: ExtensionBrowser): Promise<ReadyComparison> {
  await writeStaticForm(extension, BENCH_DIR);
  const pages = [
    () => takesInput(extension, 'popup.html'),
    () => takesInput(extension, REACT_PAGE),
    () => takesInput(extension, STATIC_FORM_PAGE),
    () => markedReady(extension, 'popup.html'),
    () => takesInput(extension, 'popup.html', { firstScreen: false }),
  ];
  const rounds = await repeat(RUNS, async (run) => {
    const times = pages.map(() => NaN);
    for (let k = 0; k < pages.length; k += 1) {
      const index = (((run + k) % pages.length) + pages.length) % pages.length;
      times[index] = (await pages[index]?.()) ?? NaN;
    }
    return times;
  });
  return {
    popup: summarise(rounds.map((t) => t[0] ?? NaN)),
    bareReact: summarise(rounds.map((t) => t[1] ?? NaN)),
    staticForm: summarise(rounds.map((t) => t[2] ?? NaN)),
    popupHydrated: summarise(rounds.map((t) => t[3] ?? NaN)),
    popupNoFirstScreen: summarise(rounds.map((t) => t[4] ?? NaN)),
  };
}

/** The last create the sandbox received, replayable by a bare fetch. */
function lastCreateRequest(sandbox: Sandbox): RawRequest {
  const sent = sandbox.requests.findLast(
    (r) => r.method === 'POST' && r.path.endsWith('/checkouts/'),
  );
  if (!sent) throw new Error('The sandbox received no create request.');
  const keep = ['authorization', 'content-type', 'accept'];
  return {
    url: new URL(sent.path, sandbox.apiBaseUrl).href,
    headers: Object.fromEntries(
      Object.entries(sent.headers).filter(([name]) => keep.includes(name)),
    ),
    body: sent.bodyText,
  };
}

async function compareCreate(
  extension: ExtensionBrowser,
  sandbox: Sandbox,
  page: Page,
): Promise<CreateComparison> {
  await createTime(extension);
  const request = lastCreateRequest(sandbox);
  const rounds = await repeat(SLOW_RUNS, async (run) => {
    // Alternating which goes first, so neither always follows the other's warm connection.
    if (run % 2 === 0) {
      const popup = await createTime(extension);
      return { popup, raw: await rawFetchTime(page, request) };
    }
    const raw = await rawFetchTime(page, request);
    return { popup: await createTime(extension), raw };
  });
  return {
    popup: summarise(rounds.map((r) => r.popup)),
    rawFetch: summarise(rounds.map((r) => r.raw)),
  };
}

interface ScaleSamples {
  readonly ready: number[];
  readonly history: number[];
  readonly search: number[];
  readonly searchPasted: number[];
  readonly create: number[];
  readonly cold: number[];
  readonly warm: number[];
}

/** One round at one history size, right after seeding it. */
async function scaleRound(
  extension: ExtensionBrowser,
  sessions: number,
  baseUrl: string,
  page: Page,
  run: number,
  into: ScaleSamples | null,
): Promise<void> {
  await seedHistory(page, sessions, baseUrl);
  await settleAfterSeeding(page);
  const ready = await takesInput(extension, 'popup.html');
  const popup = await openPopup(extension);
  const history = await historyReady(popup);
  // Both searches in one popup, in turn first, the list settled in between.
  const searches = run % 2 === 0 ? [TYPED, PASTED_NUMBERS] : [PASTED_NUMBERS, TYPED];
  const searched = new Map<readonly string[], number[]>();
  for (const values of searches) {
    searched.set(values, (await searchKeystrokes(popup, values)).ms);
    await popup.evaluate(() => new Promise((resolve) => setTimeout(resolve, 250)));
  }
  await popup.close();
  // Creates and cold starts on alternate rounds: each costs more than the rest together.
  const create = run % 2 === 0 ? await createTime(extension) : null;
  const message = run % 2 !== 0 ? await coldAndWarmMessage(extension, page) : null;
  if (!into) return;
  into.ready.push(ready);
  into.history.push(history);
  into.search.push(...(searched.get(TYPED) ?? []));
  into.searchPasted.push(...(searched.get(PASTED_NUMBERS) ?? []));
  if (create !== null) into.create.push(create);
  if (message) {
    into.cold.push(message.cold);
    into.warm.push(message.warm);
  }
}

/**
 * Every history size in every round, in a rotating order, re-seeded each time: the machine's
 * load drifts over minutes, and sizes measured one after the other would carry that drift
 * into their ratios.
 */
async function measureScale(
  extension: ExtensionBrowser,
  baseUrl: string,
  page: Page,
): Promise<ScaleResult[]> {
  const samples: ScaleSamples[] = SIZES.map(() => ({
    ready: [],
    history: [],
    search: [],
    searchPasted: [],
    create: [],
    cold: [],
    warm: [],
  }));
  let skipped = 0;
  for (let run = -WARMUP; run < RUNS; run += 1) {
    for (let k = 0; k < SIZES.length; k += 1) {
      const index = (((run + k) % SIZES.length) + SIZES.length) % SIZES.length;
      const size = SIZES[index] ?? 0;
      process.stdout.write(`  round ${run + WARMUP + 1}/${RUNS + WARMUP}, ${size} sessions\r`);
      try {
        await scaleRound(
          extension,
          size,
          baseUrl,
          page,
          run,
          run >= 0 ? (samples[index] ?? null) : null,
        );
      } catch (error) {
        // One failed round (a create refused, say) costs its samples, not the whole run.
        console.warn(`\n  round skipped at ${size} sessions:`, error);
        skipped += 1;
      }
    }
  }
  if (skipped > 0) console.warn(`${skipped} scale rounds skipped (see above)`);
  return samples.map((s, index) => ({
    sessions: SIZES[index] ?? 0,
    popupReadyMs: summarise(s.ready),
    historyReadyMs: summarise(s.history),
    searchKeystrokeMs: summarise(s.search),
    searchPastedMs: summarise(s.searchPasted),
    createMs: summarise(s.create),
    coldStartMs: summarise(s.cold),
    warmMessageMs: summarise(s.warm),
  }));
}

/** A 20-item invoice: its page drawn (navigation → mark), then printed to PDF. */
async function measureInvoice(
  extension: ExtensionBrowser,
  baseUrl: string,
  page: Page,
): Promise<InvoiceTimes> {
  await seedHistory(page, 1, baseUrl, undefined, 20);
  await settleAfterSeeding(page);
  const path = invoicePagePath(SEEDED_FIRST_ID, 'invoice');
  const ready: number[] = [];
  const pdf: number[] = [];
  for (let run = -WARMUP; run < RUNS; run += 1) {
    const drawn = await markedReady(extension, path, 'invoice-ready');
    const invoice = await extension.context.newPage();
    await invoice.goto(extension.url(path));
    await invoice.locator('[data-ready="true"]').waitFor();
    const start = performance.now();
    await invoice.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    const printed = performance.now() - start;
    await invoice.close();
    if (run < 0) continue;
    ready.push(drawn);
    pdf.push(printed);
  }
  return { readyMs: summarise(ready), pdfMs: summarise(pdf) };
}

function chromiumVersion(): string {
  const executable = chromiumExecutable();
  if (!executable) return "Playwright's Chromium";
  const shown = spawnSync(executable, ['--version'], { encoding: 'utf8' });
  return shown.stdout.trim() || executable;
}

const RESULTS_JSON = join(ROOT, 'bench/results.json');

/** bench/RESULTS.md's generated block from `results`, and the goals on the console. */
async function writeReport(results: BenchResults): Promise<void> {
  const markdownFile = join(ROOT, 'bench/RESULTS.md');
  // Formatted as `npm run lint` checks it, so a fresh run leaves the repository clean.
  const options = (await resolveConfig(markdownFile)) ?? {};
  const markdown = await format(resultsMarkdown(markdownFile, results), {
    ...options,
    filepath: markdownFile,
  });
  writeFileSync(markdownFile, markdown);
  for (const goal of goals(results)) {
    console.log(`${goal.met ? 'met   ' : 'MISSED'}  ${goal.goal}: ${goal.measured}`);
  }
}

async function main(): Promise<void> {
  if (args.report) {
    await writeReport(JSON.parse(readFileSync(RESULTS_JSON, 'utf8')) as BenchResults);
    return;
  }
  if (!args['no-build']) build();
  const sizes = measureSizes(BUILT_DIR, zipPath());
  await prepareBenchExtension(BUILT_DIR, BENCH_DIR);
  const sandbox = await startSandbox({ port: 0, quiet: true });
  const extension = await launchWithExtension({ extensionDir: BENCH_DIR });
  try {
    await extension.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await connectToSandbox(extension, sandbox);
    // Stays open for the whole run: raw fetches and wake-up messages come from it.
    const helper = await openStaticPage(extension);
    await seedHistory(helper, 0, sandbox.apiBaseUrl);
    console.log('Form takes input, against the comparison pages…');
    const ready = await compareReady(extension);
    console.log('Create against a raw fetch…');
    const create = await compareCreate(extension, sandbox, helper);
    if (args.quick) {
      const median = (s: { median: number }) => s.median.toFixed(1);
      console.log(
        `takes input: popup ${median(ready.popup)}, static form ${median(ready.staticForm)}, ` +
          `bare React ${median(ready.bareReact)}, hydrated ${median(ready.popupHydrated)}, ` +
          `no first screen ${median(ready.popupNoFirstScreen)} ms; ` +
          `create ${median(create.popup)} vs raw fetch ${median(create.rawFetch)} ms; ` +
          `popup JS gzip: ${sizes.popupPath.firstPaint.gzip} B before a drawn first screen, ` +
          `${sizes.popupPath.withoutFirstScreen.gzip} B before a form with none, ` +
          `${sizes.popup.atStart.gzip + sizes.popup.lazy.gzip} B in all; ` +
          `background ${sizes.background.atStart.gzip} B`,
      );
      return;
    }
    console.log(`Scale: ${SIZES.join(', ')} sessions stored, interleaved…`);
    const scale = await measureScale(extension, sandbox.apiBaseUrl, helper);
    console.log('A 20-item invoice…');
    const invoice = await measureInvoice(extension, sandbox.apiBaseUrl, helper);
    const results: BenchResults = {
      when: new Date().toISOString(),
      chromium: chromiumVersion(),
      runs: RUNS,
      ready,
      create,
      scale,
      sizes,
      invoice,
    };
    mkdirSync(join(ROOT, 'bench'), { recursive: true });
    writeFileSync(RESULTS_JSON, `${JSON.stringify(results, null, 2)}\n`);
    await writeReport(results);
  } finally {
    await extension.close();
    await sandbox.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
