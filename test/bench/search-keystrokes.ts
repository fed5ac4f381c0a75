/**
 * `npm run bench:search`: the benchmark's search, keystroke by keystroke. For each history
 * size, the median time of each keystroke (as `npm run bench` times it: React re-rendered
 * the list and the browser laid it out) and how many rows the list holds once it settled,
 * so a gap between sizes can be told apart: the search growing with the history, or a
 * keystroke that draws other rows at one size and none at the other.
 *
 *   npm run bench:search                              build, then 8 rounds of "logo 12"
 *   npm run bench:search -- --no-build --text inv-0012 --rounds 15
 *
 * PAYFECT_OUT_DIR as for `npm run bench` (default .output-bench). Prints; writes nothing.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startSandbox } from '../sandbox/server.ts';
import { launchWithExtension } from '../support/chromium.ts';
import { connectToSandbox, openPopup } from '../support/flows.ts';
import { prepareBenchExtension, runWxt } from './bench-extension.ts';
import {
  historyReady,
  openStaticPage,
  searchKeystrokes,
  settleAfterSeeding,
  typedValues,
  type SearchTimes,
} from './measure.ts';
import { seedHistory } from './seed.ts';
import { summarise } from './stats.ts';

const { values: args } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false },
    text: { type: 'string', default: 'logo 12' },
    rounds: { type: 'string', default: '8' },
    sizes: { type: 'string', default: '100,10000' },
  },
});
const ROOT = resolve(import.meta.dirname, '../..');
const OUT_DIR = resolve(ROOT, process.env.PAYFECT_OUT_DIR ?? '.output-bench');
const ROUNDS = Math.max(1, Number(args.rounds));
const SIZES = args.sizes.split(',').map(Number);

async function main(): Promise<void> {
  if (!args['no-build']) runWxt('build', OUT_DIR);
  const benchDir = join(OUT_DIR, 'bench-mv3');
  await prepareBenchExtension(join(OUT_DIR, 'chrome-mv3'), benchDir);
  const sandbox = await startSandbox({ port: 0, quiet: true });
  const extension = await launchWithExtension({ extensionDir: benchDir });
  try {
    await connectToSandbox(extension, sandbox);
    const helper = await openStaticPage(extension);
    const typed = new Map<number, SearchTimes[]>(SIZES.map((size) => [size, []]));
    // One discarded warm-up round; sizes alternate so that load drift reaches both.
    for (let round = -1; round < ROUNDS; round += 1) {
      const order = round % 2 === 0 ? SIZES : [...SIZES].reverse();
      for (const size of order) {
        process.stdout.write(`  round ${round + 2}/${ROUNDS + 1}, ${size} invoices\r`);
        await seedHistory(helper, size, sandbox.apiBaseUrl);
        await settleAfterSeeding(helper);
        const popup = await openPopup(extension);
        await historyReady(popup);
        const result = await searchKeystrokes(popup, typedValues(args.text));
        await popup.close();
        if (round >= 0) typed.get(size)?.push(result);
      }
    }
    console.log(`\n"${args.text}", ${ROUNDS} rounds: median ms per keystroke (rows after it)`);
    for (const [size, results] of typed) {
      const keys = [...args.text].map((_, k) => {
        const ms = summarise(results.map((r) => r.ms[k] ?? 0)).median.toFixed(1);
        return `${ms} (${results.at(-1)?.rows[k] ?? '?'})`;
      });
      const all = summarise(results.flatMap((r) => r.ms)).median.toFixed(1);
      console.log(`${String(size).padStart(6)}: ${keys.join('  ')}   all keystrokes: ${all}`);
    }
  } finally {
    await extension.close();
    await sandbox.close();
  }
}

await main();
