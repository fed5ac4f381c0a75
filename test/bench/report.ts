import { existsSync, readFileSync } from 'node:fs';
import type { Bytes, SizeReport } from './sizes.ts';
import type { Summary } from './stats.ts';

/** Navigation start → a field labelled "Item name" takes a key (measure.ts takesInput). */
export interface ReadyComparison {
  readonly popup: Summary;
  readonly bareReact: Summary;
  /** The popup's first screen as a page with no script (measure.ts writeStaticForm). */
  readonly staticForm: Summary;
  /** Navigation start → React has hydrated the popup's form (its popup-ready mark). */
  readonly popupHydrated: Summary;
  /** The popup with no first screen kept (a passphrase user, the first open after an update). */
  readonly popupNoFirstScreen: Summary;
}

export interface CreateComparison {
  readonly popup: Summary;
  readonly rawFetch: Summary;
}

export interface ScaleResult {
  readonly sessions: number;
  readonly popupReadyMs: Summary;
  readonly historyReadyMs: Summary;
  /** Typing "logo 12" (test/bench/run.ts): other rows, or none, drawn at each size. */
  readonly searchKeystrokeMs: Summary;
  /** Old invoice numbers pasted (test/bench/run.ts): the same row drawn at every size. */
  readonly searchPastedMs: Summary;
  readonly createMs: Summary;
  readonly coldStartMs: Summary;
  readonly warmMessageMs: Summary;
}

/** An invoice of 20 items: its page drawn, and Chromium's print-to-PDF of it. */
export interface InvoiceTimes {
  readonly readyMs: Summary;
  readonly pdfMs: Summary;
}

export interface BenchResults {
  readonly when: string;
  readonly chromium: string;
  readonly runs: number;
  readonly ready: ReadyComparison;
  readonly create: CreateComparison;
  readonly scale: readonly ScaleResult[];
  readonly sizes: SizeReport;
  readonly invoice: InvoiceTimes;
}

export interface Goal {
  readonly goal: string;
  readonly measured: string;
  readonly met: boolean;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const cell = (s: Summary) => (s.count === 0 ? '—' : `${s.median.toFixed(1)} / ${s.p95.toFixed(1)}`);
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const ratio = (value: Summary, base: Summary) =>
  base.count > 0 && base.median > 0 && value.count > 0 ? value.median / base.median : NaN;
const ratioText = (value: number) => (Number.isNaN(value) ? '—' : `${value.toFixed(2)}×`);

type ScaleKey = Exclude<keyof ScaleResult, 'sessions'>;

const SCALE_FIGURES: readonly { key: ScaleKey; name: string }[] = [
  { key: 'popupReadyMs', name: 'form takes input' },
  { key: 'historyReadyMs', name: 'history view ready' },
  { key: 'searchKeystrokeMs', name: 'search "logo 12", per keystroke' },
  {
    key: 'searchPastedMs',
    name: 'search, an old invoice number pasted (the same row drawn at both sizes)',
  },
  { key: 'createMs', name: 'create → copied' },
];

/** The figures compared across history sizes: the scale figures and the worker's cold start. */
const RATIO_FIGURES: readonly { key: ScaleKey; name: string }[] = [
  ...SCALE_FIGURES,
  { key: 'coldStartMs', name: 'worker cold start' },
];
const RATIO_KEYS = RATIO_FIGURES.map(({ key }) => key);
const RATIO_HEADS =
  'form takes input | history view ready | search "logo 12" | number pasted | create | cold start';

/** Every goal of the issue, judged on medians (p95 is shown beside them in the tables). */
export function goals(results: BenchResults): Goal[] {
  const { ready, create, scale, sizes } = results;
  const list: Goal[] = [
    {
      goal: 'form takes input ≤ 1.25× the static page with the same form',
      measured: `${ratioText(ratio(ready.popup, ready.staticForm))} (${ms(ready.popup.median)} vs ${ms(ready.staticForm.median)})`,
      met: ratio(ready.popup, ready.staticForm) <= 1.25,
    },
    {
      goal: 'form takes input ≤ 40 ms median',
      measured: ms(ready.popup.median),
      met: ready.popup.median <= 40,
    },
    {
      goal: 'create ≤ 1.5× raw fetch + 20 ms',
      measured: `${ms(create.popup.median)} vs limit ${ms(create.rawFetch.median * 1.5 + 20)}`,
      met: create.popup.median <= create.rawFetch.median * 1.5 + 20,
    },
  ];
  // Against 100 sessions: an empty history draws no rows at all (see ratiosToSmallHistory).
  const small = scale.find((r) => r.sessions === 100);
  const largest = scale.find((r) => r.sessions === 10_000);
  if (small && largest) {
    for (const { key, name } of RATIO_FIGURES) {
      const r = ratio(largest[key], small[key]);
      list.push({
        goal: `${name}: 10,000 sessions ≤ 1.2× 100 sessions`,
        measured: ratioText(r),
        met: r <= 1.2,
      });
    }
    list.push({
      goal: 'search ≤ 16 ms per keystroke at 10,000',
      measured: `${ms(largest.searchKeystrokeMs.median)} (p95 ${ms(largest.searchKeystrokeMs.p95)})`,
      met: largest.searchKeystrokeMs.median <= 16,
    });
  }
  list.push(
    {
      goal: 'a 20-item invoice ready (page drawn, then printed to PDF) < 1 s',
      measured: `${ms(results.invoice.readyMs.median)} + ${ms(results.invoice.pdfMs.median)}`,
      met: results.invoice.readyMs.median + results.invoice.pdfMs.median < 1000,
    },
    {
      goal: "popup JS on the first paint's critical path: no growth over 93.2 kB gzip",
      measured: `${kB(sizes.popupPath.firstPaint.gzip)} before a prerendered first screen; ${kB(sizes.popupPath.withoutFirstScreen.gzip)} before the form of a popup with none`,
      met: sizes.popupPath.firstPaint.gzip <= 93_200,
    },
    {
      goal: 'background JS: no growth over 29.0 kB gzip',
      measured: kB(sizes.background.atStart.gzip),
      met: sizes.background.atStart.gzip <= 29_000,
    },
  );
  return list;
}

/**
 * The same ratios against a small history (100 sessions) when it was measured: an empty
 * history draws no rows at all, so against it a ratio also counts drawing the first rows;
 * against 100 sessions it counts only what grows with the history's size.
 */
function ratiosToSmallHistory(scale: readonly ScaleResult[]): string[] {
  const small = scale.find((r) => r.sessions === 100);
  if (!small) return [];
  return [
    '',
    'Ratio of medians to 100 sessions (an empty history draws no rows; this counts only what grows with the history):',
    '',
    `| sessions | ${RATIO_HEADS} |`,
    `| ---: |${' ---: |'.repeat(RATIO_KEYS.length)}`,
    ...scale
      .filter((r) => r.sessions >= 100)
      .map(
        (r) =>
          `| ${r.sessions} | ${RATIO_KEYS.map((key) => ratioText(ratio(r[key], small[key]))).join(' | ')} |`,
      ),
  ];
}

function sizeRow(name: string, at: Bytes, lazy: Bytes): string {
  const lazyCell = lazy.raw === 0 ? '—' : `${kB(lazy.raw)} / ${kB(lazy.gzip)}`;
  return `| ${name} | ${kB(at.raw)} | ${kB(at.gzip)} | ${lazyCell} |`;
}

/** The generated part of bench/RESULTS.md: setup, tables and goals. */
export function tables(results: BenchResults): string {
  const { ready, create, scale, sizes } = results;
  const base = scale.find((r) => r.sessions === 0);
  const lines = [
    `Run ${results.when} · ${results.chromium}, headless · ${results.runs} runs per figure ` +
      '(create and cold start: fewer, see results.json) · median / p95 in ms.',
    '',
    '### 1. Form takes input (navigation start → a field labelled "Item name" takes a key), interleaved',
    '',
    '| page | median / p95 | vs static form |',
    '| --- | ---: | ---: |',
    `| popup (empty history), its prerendered first screen | ${cell(ready.popup)} | ${ratioText(ratio(ready.popup, ready.staticForm))} |`,
    `| the same form as a page with no script | ${cell(ready.staticForm)} | 1.00× |`,
    `| bare React page (one field, mounted by React) | ${cell(ready.bareReact)} | ${ratioText(ratio(ready.bareReact, ready.staticForm))} |`,
    `| popup: React has hydrated the form (popup-ready mark) | ${cell(ready.popupHydrated)} | ${ratioText(ratio(ready.popupHydrated, ready.staticForm))} |`,
    `| popup with no first screen kept (passphrase users; first open after an update): React draws the form | ${cell(ready.popupNoFirstScreen)} | ${ratioText(ratio(ready.popupNoFirstScreen, ready.staticForm))} |`,
    '',
    '### 2. Create (click → URL on the clipboard), interleaved with a raw fetch',
    '',
    '| path | median / p95 |',
    '| --- | ---: |',
    `| popup "Create link" → "Link copied" | ${cell(create.popup)} |`,
    `| raw \`fetch\` of the same POST from an extension page | ${cell(create.rawFetch)} |`,
    '',
    '### 3. Scale (sessions stored; sizes interleaved and re-seeded every round)',
    '',
    '| sessions | form takes input | history view ready | search "logo 12" / keystroke | invoice number pasted | create → copied | worker cold start | warm message |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...scale.map(
      (r) =>
        `| ${r.sessions} | ${cell(r.popupReadyMs)} | ${cell(r.historyReadyMs)} | ${cell(r.searchKeystrokeMs)} | ` +
        `${cell(r.searchPastedMs)} | ${cell(r.createMs)} | ${cell(r.coldStartMs)} | ${cell(r.warmMessageMs)} |`,
    ),
    '',
    'Ratio of medians to the empty history:',
    '',
    `| sessions | ${RATIO_HEADS} |`,
    `| ---: |${' ---: |'.repeat(RATIO_KEYS.length)}`,
    ...scale.map((r) =>
      base
        ? `| ${r.sessions} | ${RATIO_KEYS.map((key) => ratioText(ratio(r[key], base[key]))).join(' | ')} |`
        : `| ${r.sessions} |${' — |'.repeat(RATIO_KEYS.length)}`,
    ),
    ...ratiosToSmallHistory(scale),
    '',
    '### 4. Size (kB = 1,000 bytes; gzip -9 per file)',
    '',
    "The popup's critical path:",
    '',
    '| popup JS | raw | gzip |',
    '| --- | ---: | ---: |',
    `| before the first paint (classic scripts: what a prerendered first screen needs) | ${kB(sizes.popupPath.firstPaint.raw)} | ${kB(sizes.popupPath.firstPaint.gzip)} |`,
    `| before the form of a popup with no first screen (entry, start and their imports) | ${kB(sizes.popupPath.withoutFirstScreen.raw)} | ${kB(sizes.popupPath.withoutFirstScreen.gzip)} |`,
    '',
    'Per entry:',
    '',
    '| JS | raw at start | gzip at start | lazy chunks raw / gzip |',
    '| --- | ---: | ---: | ---: |',
    sizeRow('popup', sizes.popup.atStart, sizes.popup.lazy),
    sizeRow('options', sizes.options.atStart, sizes.options.lazy),
    sizeRow('invoice page', sizes.invoice.atStart, sizes.invoice.lazy),
    sizeRow('background', sizes.background.atStart, sizes.background.lazy),
    '',
    `Store zip (\`wxt zip\`): ${sizes.zipBytes === null ? 'not built' : kB(sizes.zipBytes)}.`,
    '',
    '### 5. Invoice, 20 items (its own tab; the popup does not load it)',
    '',
    '| step | median / p95 |',
    '| --- | ---: |',
    `| navigation start → document drawn with its QR code | ${cell(results.invoice.readyMs)} |`,
    `| Chromium print-to-PDF (\`page.pdf\`, what "Save as PDF" does) | ${cell(results.invoice.pdfMs)} |`,
    '',
    '### 6. Worker cold start',
    '',
    'In the scale table: after `ServiceWorker.stopAllWorkers` (CDP) and Chromium reporting the ' +
      "extension's worker stopped, the first `getState` message from an extension page (it starts " +
      'the worker), then a second one to the warm worker.',
    '',
    '### Goals',
    '',
    '| goal | measured | met |',
    '| --- | --- | :---: |',
    ...goals(results).map((g) => `| ${g.goal} | ${g.measured} | ${g.met ? 'yes' : '**no**'} |`),
  ];
  return lines.join('\n');
}

const BEGIN = '<!-- bench:begin (written by npm run bench) -->';
const END = '<!-- bench:end -->';

/**
 * bench/RESULTS.md with the generated tables between the markers; the hand-written text
 * around them (what the profiles showed, what was changed) is kept from the existing file.
 */
export function resultsMarkdown(file: string, results: BenchResults): string {
  const generated = `${BEGIN}\n${tables(results)}\n${END}`;
  const existing = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const start = existing.indexOf(BEGIN);
  const end = existing.indexOf(END);
  if (start >= 0 && end > start) {
    return `${existing.slice(0, start)}${generated}${existing.slice(end + END.length)}`;
  }
  return `# Benchmark results\n\n${generated}\n`;
}
