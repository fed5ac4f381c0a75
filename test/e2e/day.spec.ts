/**
 * A freelancer's day at the popup's real size (380 px wide, at most 600 px tall), in English
 * and in Traditional Chinese: a TWD link and a USDT link, one paid, one expired, a third still
 * open, with two profiles. At each step: nothing scrolls sideways, the form from its first
 * field to Create link is in view without scrolling, History rows are not cut, and a settled
 * row offers no way to send its link again. Screenshots of each step go to the test's output
 * (test-results/), to be looked at.
 */
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { connectToSandbox, POPUP_VIEWPORT } from '../support/flows.ts';
import type { ExtensionBrowser } from '../support/chromium.ts';
import type { Sandbox } from '../sandbox/server.ts';

const POPUP = POPUP_VIEWPORT;

const WORDS = {
  'en-US': {
    itemName: 'Item name',
    unitPrice: 'Unit price',
    currency: 'Currency',
    createLink: 'Create link',
    newLink: 'New link',
    history: 'History',
    refresh: 'Refresh statuses',
    copyLink: 'Copy link',
    more: 'More actions',
    copyMessage: 'Copy message',
    renew: 'New payment link',
    moreOptions: 'More options',
    items: ['Website redesign', 'Logo design', 'Monthly hosting'],
  },
  'zh-TW': {
    itemName: '品項名稱',
    unitPrice: '單價',
    currency: '幣別',
    createLink: '建立連結',
    newLink: '新連結',
    history: '紀錄',
    refresh: '重新整理狀態',
    copyLink: '複製連結',
    more: '更多動作',
    copyMessage: '複製訊息',
    renew: '新付款連結',
    moreOptions: '更多選項',
    items: ['網站設計與改版', '標誌設計', '每月主機代管'],
  },
} as const;

type Locale = keyof typeof WORDS;

/** Nothing wider than the popup, and (unless `scrolls`) nothing taller either. */
async function expectFits(popup: Page, step: string, info: TestInfo, scrolls = false) {
  const size = await popup.evaluate(() => ({
    width: document.documentElement.scrollWidth,
    height: document.documentElement.scrollHeight,
  }));
  expect(size.width, `${step}: no sideways scroll`).toBeLessThanOrEqual(POPUP.width);
  if (!scrolls) expect(size.height, `${step}: within 600 px`).toBeLessThanOrEqual(POPUP.height);
  const path = info.outputPath(`${step.replace(/\W+/g, '-')}.png`);
  await info.attach(step, { body: await popup.screenshot({ path }), contentType: 'image/png' });
}

/** Entirely inside the popup's 380 × 600 without scrolling. */
async function expectInView(popup: Page, locator: ReturnType<Page['getByRole']>, what: string) {
  const box = await locator.boundingBox();
  expect(box, `${what} is drawn`).not.toBeNull();
  if (!box) return;
  expect(box.y, `${what} top`).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, `${what} bottom`).toBeLessThanOrEqual(POPUP.height);
  expect(box.x + box.width, `${what} right`).toBeLessThanOrEqual(POPUP.width);
}

async function makeLink(popup: Page, words: (typeof WORDS)[Locale], item: string, price: string) {
  await popup.getByRole('tab', { name: words.newLink }).click();
  await popup.getByRole('textbox', { name: words.itemName }).fill(item);
  await popup.getByRole('textbox', { name: words.unitPrice }).fill(price);
  await popup.keyboard.press('Enter');
  await expect(popup.getByRole('link', { name: /^https?:\/\// })).toBeVisible({ timeout: 15_000 });
}

async function day(extension: ExtensionBrowser, sandbox: Sandbox, locale: Locale, info: TestInfo) {
  const words = WORDS[locale];
  await connectToSandbox(extension, sandbox);
  const popup = await extension.context.newPage();
  await popup.setViewportSize(POPUP);
  await popup.goto(extension.url('popup.html'));

  // Morning: the empty form, its common case in view, the rarer fields folded.
  await expect(popup.getByRole('textbox', { name: words.itemName })).toBeFocused();
  await expectFits(popup, 'empty form', info);
  for (const [control, what] of [
    [popup.getByRole('textbox', { name: words.itemName }), 'Item name'],
    [popup.getByRole('textbox', { name: words.unitPrice }), 'Unit price'],
    [popup.getByRole('button', { name: words.createLink }), 'Create link'],
  ] as const) {
    await expectInView(popup, control, what);
  }
  await expect(popup.getByText(words.moreOptions)).toBeInViewport();

  // A TWD link: its result fits too.
  await popup.getByRole('combobox', { name: words.currency }).selectOption('twd');
  await makeLink(popup, words, words.items[0], '9,000');
  await expectFits(popup, 'TWD result', info);
  const twd = [...sandbox.sessions.values()].at(-1)?.id ?? '';

  // Two more; the form kept TWD, so the second goes back to USDT by hand.
  await popup.getByRole('tab', { name: words.newLink }).click();
  await expect(popup.getByRole('combobox', { name: words.currency })).toHaveValue('twd');
  await popup.getByRole('combobox', { name: words.currency }).selectOption('usdt');
  await makeLink(popup, words, words.items[1], '120.5');
  const usdt = [...sandbox.sessions.values()].at(-1)?.id ?? '';
  await makeLink(popup, words, words.items[2], '12');

  // Afternoon: the TWD link is paid, the USDT one expires.
  expect(sandbox.pay(twd).ok).toBe(true);
  expect(sandbox.expire(usdt).ok).toBe(true);
  await popup.getByRole('tab', { name: words.history }).click();
  await popup.getByRole('button', { name: words.refresh }).click();
  const rows = popup.getByRole('listitem');
  await expect(rows).toHaveCount(3);
  const row = (item: string) => rows.filter({ hasText: item });
  await expect(row(words.items[1]).getByRole('button', { name: words.renew })).toBeVisible();
  await expectFits(popup, 'History', info);

  // Every row's words whole: status, total, item, reference and time, none cut short.
  const cut = await popup.evaluate(() =>
    [
      ...document.querySelectorAll(
        '.history-row .pill, .history-total, .history-item, .history-reference, .history-created, .history-left, .history-paid',
      ),
    ]
      .filter((element) => element.scrollWidth > element.clientWidth + 1)
      .map((element) => element.textContent),
  );
  expect(cut, 'text cut short in History rows').toEqual([]);

  // Settled rows hand out no link: no Copy link, and no Copy message behind More actions.
  for (const settled of [words.items[0], words.items[1]]) {
    await expect(row(settled).getByRole('button', { name: words.copyLink })).toHaveCount(0);
    await row(settled).getByRole('button', { name: words.more }).click();
    const menu = popup.getByRole('menu', { name: words.more });
    await expect(menu).toBeVisible();
    await expect(menu.getByRole('menuitem', { name: words.copyMessage })).toHaveCount(0);
    await expectFits(popup, `menu of settled row ${settled === words.items[0] ? 1 : 2}`, info);
    await popup.keyboard.press('Escape');
  }
  await expect(row(words.items[2]).getByRole('button', { name: words.copyLink })).toBeVisible();
}

for (const locale of Object.keys(WORDS) as Locale[]) {
  test.describe(locale, () => {
    test.use({ locale });
    test(`a freelancer's day at the popup's real size (${locale})`, async ({
      extension,
      sandbox,
    }, info) => {
      await day(extension, sandbox, locale, info);
    });
  });
}
