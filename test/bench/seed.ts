import type { Page } from '@playwright/test';
import { CHUNK_SIZE, HISTORY_VERSION } from '../../storage/history.ts';

declare const chrome: {
  storage: {
    local: {
      get(keys: null): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
      remove(keys: string[]): Promise<void>;
    };
  };
};

/** The id seedHistory gives its first (oldest) session. */
export const SEEDED_FIRST_ID = 'seed-000000-0000-4000-8000-000000000000';

/**
 * Replaces the stored history with `count` realistic invoices (every other one with two links), written in the history's
 * storage format as this build's appends would (storage/history.ts: `history:meta` and
 * `history:chunk:<n>` of `chunkSize` records, oldest first); only the newest 50 can still be
 * paid, as in a history the extension has kept checking. The benchmark then checks the popup shows them, so a
 * drift in the format fails loudly instead of measuring an empty history. `baseUrl` is the
 * sandbox's, so status queries of the seeded open sessions get a real (404) answer. `page` is
 * an extension page: it shares the worker's storage and, unlike the worker, survives a stop.
 */
export async function seedHistory(
  page: Page,
  count: number,
  baseUrl: string,
  chunkSize = CHUNK_SIZE,
  /** Line items per session: 20 for the invoice figure. */
  itemsPerSession = 1,
): Promise<void> {
  await page.evaluate(
    async ({ total, baseUrl, chunkSize, itemsPerSession, version }) => {
      const all = await chrome.storage.local.get(null);
      await chrome.storage.local.remove(
        Object.keys(all).filter((key) => key.startsWith('history:')),
      );
      const now = Date.now();
      const names = ['Logo design', 'Hosting', 'Website audit', 'Consulting', '品牌設計', 'SEO'];
      const items: Record<string, unknown> = {};
      const records: Record<string, unknown>[] = [];
      let firstOpen: number | undefined;
      // `total` invoices; every other one was paid through a second link, made under its
      // number after the first expired (New payment link), so History has 1.5 links per row.
      // (No helper functions in here: the bundler would name them with a helper the page lacks.)
      for (let i = 0; i < total; i += 1) {
        const createdAt = now - (total - i) * 60_000;
        const seeded = i % 3 === 0 ? 'complete' : i % 3 === 1 ? 'expired' : 'open';
        const status = seeded === 'open' && i < total - 50 ? 'expired' : seeded;
        const invoiceNumber = `INV-${(i + 1).toString().padStart(4, '0')}`;
        const current = `seed-${i.toString().padStart(6, '0')}-0000-4000-8000-000000000000`;
        const earlier = `seed-${i.toString().padStart(6, '0')}-0000-4000-8000-000000000001`;
        const base = {
          amountTotal: `${(i % 500) + 1}.50`,
          currency: 'usdt',
          network: 'tron',
          networkName: 'Tron (TRC20)',
          items: Array.from({ length: itemsPerSession }, (_, k) => ({
            name: names[(i + k) % names.length],
            description: k % 2 === 0 ? '' : 'Two revisions included',
            unitAmount: `${(i % 500) + 1}.5`,
            quantity: k + 1,
          })),
          reference: invoiceNumber,
          invoiceNumber,
          isLivemode: false,
          lastChecked: now,
          baseUrl,
        };
        if (i % 2 === 1) {
          const at = createdAt - 30_000;
          records.push({
            ...base,
            id: earlier,
            url: `https://buy.payfect.finance/checkouts/${earlier}`,
            status: 'expired',
            createdAt: at,
            expiresAt: at + 86_400_000,
            statusChangedAt: at,
            renewedBy: current,
          });
        }
        if (status === 'open') firstOpen ??= records.length;
        records.push({
          ...base,
          id: current,
          url: `https://buy.payfect.finance/checkouts/${current}`,
          status,
          createdAt,
          expiresAt: createdAt + 86_400_000,
          statusChangedAt: createdAt,
        });
      }
      let chunks = 0;
      for (let start = 0; start < records.length; start += chunkSize) {
        items[`history:chunk:${chunks}`] = records.slice(start, start + chunkSize);
        chunks += 1;
      }
      // openFrom as the extension keeps it (history-store.ts updateSessions): the first chunk
      // holding an open session, or the end when none is open.
      const openFrom = firstOpen === undefined ? chunks : Math.floor(firstOpen / chunkSize);
      items['history:meta'] = {
        version,
        first: 0,
        end: chunks,
        count: records.length,
        openFrom,
      };
      await chrome.storage.local.set(items);
    },
    { total: count, baseUrl, chunkSize, itemsPerSession, version: HISTORY_VERSION },
  );
}
