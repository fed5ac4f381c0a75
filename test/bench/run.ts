/**
 * `npm run bench`: how fast the real extension opens, creates and scales, measured in real
 * Chromium against the local sandbox. Not part of `npm test` — figures, not assertions.
 *
 *   npm run bench                      build, then measure (BENCH_RUNS repetitions, default 15)
 *   npm run bench -- --no-build        reuse .output/chrome-mv3
 *   npm run bench -- --sizes 0,10000   history sizes to measure
 *
 * Writes bench/results.json and bench/RESULTS.md.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Page } from '@playwright/test';
import { startSandbox } from '../sandbox/server.ts';
import { launchWithExtension, type ExtensionBrowser } from '../support/chromium.ts';
import { configureExtension, fillItems, openPopup } from '../support/flows.ts';
import { seedHistory } from './seed.ts';
import { summarise, type Summary } from './stats.ts';

const { values: args } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false },
    sizes: { type: 'string', default: '0,1000,10000' },
  },
});
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const SIZES = (args.sizes ?? '').split(',').map(Number);

/** Navigation start → the popup's `popup-ready` mark (set when the form takes input). */
async function popupReady(extension: ExtensionBrowser): Promise<number> {
  const page = await openPopup(extension);
  const handle = await page.waitForFunction(
    () => performance.getEntriesByName('popup-ready')[0]?.startTime,
    undefined,
    { polling: 'raf' },
  );
  const ms = Number(await handle.jsonValue());
  await page.close();
  return ms;
}

/** Click on the History tab → first row on screen, timed inside the page. */
async function historyReady(page: Page): Promise<number> {
  await page.getByRole('tab', { name: 'New link' }).click();
  return page.evaluate(async () => {
    const tab = [...document.querySelectorAll<HTMLElement>('[role="tab"]')].find(
      (element) => element.textContent?.trim() === 'History',
    );
    const t0 = performance.now();
    tab?.click();
    while (!document.querySelector('[role="listitem"]')) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    return performance.now() - t0;
  });
}

/** One keystroke in Search → the next frame painted after React re-rendered the list. */
async function searchKeystrokes(page: Page, text: string): Promise<number[]> {
  return page.evaluate(async (typed) => {
    const box = document.querySelector<HTMLInputElement>('input[type="search"]');
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    if (!box || !setValue) throw new Error('No search box');
    const times: number[] = [];
    for (let i = 1; i <= typed.length; i += 1) {
      const t0 = performance.now();
      setValue.call(box, typed.slice(0, i));
      box.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      times.push(performance.now() - t0);
    }
    setValue.call(box, '');
    box.dispatchEvent(new Event('input', { bubbles: true }));
    return times;
  }, text);
}

/** Click on "Create link" → "Link copied" on screen (the URL is on the clipboard). */
async function createTime(extension: ExtensionBrowser): Promise<number> {
  const page = await openPopup(extension);
  await fillItems(page, [{ name: 'Benchmark item', unitPrice: '12.5' }]);
  const ms = await page.evaluate(async () => {
    const button = [...document.querySelectorAll<HTMLButtonElement>('button')].find(
      (element) => element.textContent?.trim() === 'Create link',
    );
    const t0 = performance.now();
    button?.click();
    while (!document.body.textContent?.includes('Link copied')) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    return performance.now() - t0;
  });
  await page.getByRole('tab', { name: 'New link' }).click();
  await page.close();
  return ms;
}

interface SizeResult {
  readonly sessions: number;
  readonly popupReadyMs: Summary;
  readonly historyReadyMs: Summary;
  readonly searchKeystrokeMs: Summary;
  readonly createMs: Summary;
}

async function measureSize(
  extension: ExtensionBrowser,
  sessions: number,
  baseUrl: string,
): Promise<SizeResult> {
  await seedHistory(extension.worker, sessions, baseUrl);
  const ready: number[] = [];
  const history: number[] = [];
  const search: number[] = [];
  const create: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    ready.push(await popupReady(extension));
    const page = await openPopup(extension);
    if (sessions > 0) {
      history.push(await historyReady(page));
      search.push(...(await searchKeystrokes(page, 'logo 12')));
    }
    await page.close();
    if (run % 3 === 0) create.push(await createTime(extension));
  }
  return {
    sessions,
    popupReadyMs: summarise(ready),
    historyReadyMs: summarise(history),
    searchKeystrokeMs: summarise(search),
    createMs: summarise(create),
  };
}

function ratio(value: Summary, base: Summary): string {
  return base.median > 0 ? (value.median / base.median).toFixed(2) : '—';
}

function markdown(results: readonly SizeResult[]): string {
  const [base] = results;
  const lines = [
    '# Benchmark results',
    '',
    `Chromium (${process.env.CHROMIUM_PATH ?? 'Debian chromium'}), headless, ${RUNS} runs per figure; ` +
      'median / p95 in milliseconds; ratio = median against the smallest history.',
    '',
    '| sessions | popup ready | history ready | search / keystroke | create → copied | ready ratio | create ratio |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of results) {
    const cell = (s: Summary) =>
      s.count === 0 ? '—' : `${s.median.toFixed(1)} / ${s.p95.toFixed(1)}`;
    lines.push(
      `| ${r.sessions} | ${cell(r.popupReadyMs)} | ${cell(r.historyReadyMs)} | ${cell(r.searchKeystrokeMs)} | ` +
        `${cell(r.createMs)} | ${base ? ratio(r.popupReadyMs, base.popupReadyMs) : '—'} | ` +
        `${base ? ratio(r.createMs, base.createMs) : '—'} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  if (!args['no-build']) {
    const built = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
    if (built.status !== 0) throw new Error('The build failed.');
  }
  const sandbox = await startSandbox({ port: 0, quiet: true });
  const extension = await launchWithExtension();
  try {
    await extension.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await configureExtension(extension, {
      apiKey: sandbox.keys[0] ?? '',
      baseUrl: sandbox.apiBaseUrl,
    });
    const results: SizeResult[] = [];
    for (const size of SIZES) {
      console.log(`Measuring with ${size} sessions stored…`);
      results.push(await measureSize(extension, size, sandbox.apiBaseUrl));
    }
    mkdirSync('bench', { recursive: true });
    const when = new Date().toISOString();
    writeFileSync(
      'bench/results.json',
      `${JSON.stringify({ when, runs: RUNS, results }, null, 2)}\n`,
    );
    writeFileSync('bench/RESULTS.md', markdown(results));
    console.log(markdown(results));
  } finally {
    await extension.close();
    await sandbox.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
