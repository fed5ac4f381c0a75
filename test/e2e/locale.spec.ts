import type { Page } from '@playwright/test';
import { connectToSandbox, openPopup } from '../support/flows.ts';
import { clipboardText } from '../support/sandbox-traffic.ts';
import { expect, test } from './fixtures.ts';
import { seriousFindings } from '../support/axe.ts';

// Chromium in Traditional Chinese: chrome.i18n answers from _locales/zh_TW, Intl in zh-TW.
test.use({ locale: 'zh-TW' });

function row(popup: Page, name: string) {
  return popup.getByRole('listitem').filter({ hasText: name });
}

test('the popup speaks Traditional Chinese and writes amounts and dates the Taiwanese way', async ({
  extension,
  sandbox,
}) => {
  await extension.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await connectToSandbox(extension, sandbox);
  const popup = await openPopup(extension);

  await expect(popup.locator('html')).toHaveAttribute('lang', 'zh-TW');
  await expect(popup).toHaveTitle('Payfect 快速連結');
  await expect(popup.getByRole('heading', { level: 1 })).toHaveText('Payfect 快速連結');
  await expect(popup.getByRole('tab', { name: '新連結' })).toHaveAttribute('aria-selected', 'true');
  await expect(popup.getByRole('button', { name: '設定' })).toBeVisible();

  // Created by the Chinese accessible names alone.
  await popup.getByRole('textbox', { name: '品項名稱' }).fill('Logo 設計');
  await popup.getByRole('textbox', { name: '說明' }).fill('三個提案');
  await popup.getByRole('textbox', { name: '單價' }).fill('1200.25');
  await popup.getByRole('textbox', { name: '數量' }).fill('2');
  await expect(popup.getByRole('combobox', { name: '幣別' })).toBeVisible();
  await expect(popup.getByRole('combobox', { name: '網路' })).toBeVisible();
  await expect(popup.getByText(/總計/)).toContainText('2,400.50 USDT');
  expect(await seriousFindings(popup), 'create form').toEqual([]);
  await popup.getByRole('button', { name: '建立連結' }).click();

  await expect(popup.getByRole('heading', { name: '連結已建立' })).toBeVisible();
  const [session] = [...sandbox.sessions.values()];
  expect(session?.amountTotal).toBe('2400.50');
  await expect(popup.getByText('2,400.50 USDT')).toBeVisible();
  await expect(popup.getByText('測試模式')).toBeVisible();
  await expect(popup.getByRole('img', { name: 'QR 碼' })).toBeVisible();
  await expect(popup.getByRole('button', { name: '開啟連結' })).toBeVisible();
  // "Expires": a Taiwanese date ("11月25日 週二 …"), not "Tue 25 Nov".
  await expect(popup.locator('dd time')).toHaveText(/\d+月\d+日/);

  await popup.getByRole('button', { name: '複製訊息' }).click();
  await expect(popup.getByRole('status').filter({ hasText: '已複製訊息' })).toBeVisible();
  expect(await clipboardText(popup)).toContain('僅限以 USDT 透過 Tron (TRC20) 付款');

  await popup.getByRole('tab', { name: '紀錄' }).click();
  await expect(row(popup, 'Logo 設計')).toContainText('待付款');
  await expect(row(popup, 'Logo 設計')).toContainText('2,400.50 USDT');
  await expect(row(popup, 'Logo 設計')).toContainText('剛剛');
  await expect(row(popup, 'Logo 設計')).toContainText(/剩 \d+ 小時/);
  await expect(popup.getByText('1 個連結')).toBeVisible();

  expect(session && sandbox.pay(session.id).ok).toBe(true);
  await popup.getByRole('button', { name: '重新整理狀態' }).click();
  await expect(popup.getByRole('status').filter({ hasText: '已檢查' })).toHaveText(
    '已檢查 1 個待付款連結 · 1 個狀態有變更',
  );
  await expect(row(popup, 'Logo 設計')).toContainText('已付款');
  expect(await seriousFindings(popup), 'History').toEqual([]);

  // The amount is found as the row writes it.
  await popup.getByRole('searchbox', { name: '搜尋' }).fill('2,400.50');
  await expect(popup.getByRole('listitem')).toHaveCount(1);
  await popup.getByRole('combobox', { name: '狀態' }).selectOption({ label: '已過期' });
  await expect(popup.getByText('沒有符合的連結。')).toBeVisible();
});
