/**
 * `npm run bench:scan`: what History's search costs by itself, in Node, without a browser.
 * For 100 and 10,000 invoices shaped as the benchmark seeds them (test/bench/seed.ts), the
 * time of one `firstMatches` for an old invoice number (the whole history read to find it,
 * as when one is pasted), and what an index that would not read it all costs to build: a
 * trigram index of the same search texts (kept here only to be measured; History has none).
 *
 *   npm run bench:scan
 */
import { firstMatches, prepareSearch, searchText } from '../../lib/history-query.ts';
import type { SessionRecord } from '../../lib/history.ts';
import { session } from '../unit/factories.ts';
import { summarise } from './stats.ts';

const NAMES = ['Logo design', 'Hosting', 'Website audit', 'Consulting', '品牌設計', 'SEO'];
const ROUNDS = 200;

/** `count` invoices, newest first, numbered, priced and named as the benchmark's seed. */
function history(count: number): SessionRecord[] {
  return Array.from({ length: count }, (_, k) => {
    const i = count - 1 - k;
    const number = `INV-${(i + 1).toString().padStart(4, '0')}`;
    return session({
      id: `cs_${i}`,
      invoiceNumber: number,
      reference: number,
      amountTotal: `${(i % 500) + 1}.50`,
      items: [
        { name: NAMES[i % NAMES.length] ?? '', description: '', unitAmount: '1', quantity: 1 },
      ],
    });
  });
}

/** Every three-character run of each text → the rows holding it, in order. */
function trigramIndex(texts: readonly string[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  texts.forEach((text, row) => {
    const seen = new Set<string>();
    for (let at = 0; at + 3 <= text.length; at += 1) {
      const gram = text.slice(at, at + 3);
      if (seen.has(gram)) continue;
      seen.add(gram);
      const rows = index.get(gram);
      if (rows === undefined) index.set(gram, [row]);
      else rows.push(row);
    }
  });
  return index;
}

const now = Date.now();
for (const count of [100, 10_000]) {
  const rows = history(count);
  prepareSearch(rows);
  const scans: number[] = [];
  for (let round = -20; round < ROUNDS; round += 1) {
    // Old invoices: found last, so every row is read.
    const query = `inv-00${12 + (((round % 80) + 80) % 80)}`;
    const t0 = performance.now();
    firstMatches(rows, { query, status: 'all' }, now, 8);
    if (round >= 0) scans.push(performance.now() - t0);
  }
  const texts = rows.map((record) => searchText(record, 'en'));
  const builds: number[] = [];
  let entries = 0;
  for (let round = 0; round < 5; round += 1) {
    const t0 = performance.now();
    const index = trigramIndex(texts);
    builds.push(performance.now() - t0);
    entries = [...index.values()].reduce((sum, list) => sum + list.length, 0);
  }
  const length = texts.reduce((sum, text) => sum + text.length, 0) / texts.length;
  console.log(
    `${count} invoices: a full scan ${summarise(scans).median.toFixed(3)} ms (median of ${ROUNDS}); ` +
      `a trigram index of their texts (${length.toFixed(0)} characters each) ` +
      `${Math.min(...builds).toFixed(1)}–${Math.max(...builds).toFixed(1)} ms to build (5 builds), ` +
      `${entries} entries`,
  );
}
