import { expect, test } from './fixtures.ts';

declare const chrome: {
  i18n: { getMessage(name: string): string };
  action: { getTitle(details: object): Promise<string> };
};

/*
 * The options page and the worker's answers in Traditional Chinese: Chromium started in
 * zh-TW, as a Taiwanese user's browser is. The English names are pinned by every other spec.
 */
test.use({ locale: 'zh-TW' });

test('the options page speaks Traditional Chinese', async ({ extension, page }) => {
  await page.goto(extension.url('options.html'));
  await expect(page).toHaveTitle('Payfect 快速連結 — 設定');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-TW');
  await expect(page.getByRole('heading', { name: '設定', exact: true })).toBeVisible();
  for (const heading of ['Payfect 帳戶', '預設值', '保留紀錄']) {
    await expect(page.getByRole('heading', { name: heading })).toBeVisible();
  }
  await expect(page.getByRole('textbox', { name: 'API 金鑰' })).toHaveAttribute('type', 'password');
  await expect(page.getByRole('textbox', { name: 'API 基礎網址' })).toBeVisible();
  await expect(page.getByText('尚未儲存金鑰')).toBeVisible();
  await expect(page.getByRole('button', { name: '儲存', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save' })).toHaveCount(0);
});

test('the extension and its toolbar button are named in Chinese', async ({ extension, page }) => {
  await page.goto(extension.url('options.html'));
  expect(await page.evaluate(() => chrome.i18n.getMessage('extName'))).toBe('Payfect 快速連結');
  expect(await extension.worker.evaluate(() => chrome.action.getTitle({}))).toBe(
    'Payfect 快速連結',
  );
  await expect(page.getByText('Payfect 快速連結', { exact: true })).toBeVisible();
});

test('a plain-http base URL is refused in Chinese beside its field', async ({
  extension,
  page,
}) => {
  await page.goto(extension.url('options.html'));
  const baseUrl = page.getByRole('textbox', { name: 'API 基礎網址' });
  await baseUrl.fill('http://api.example.com/api/v1');
  await page.getByRole('button', { name: '儲存', exact: true }).click();
  await expect(baseUrl).toBeFocused();
  await expect(baseUrl).toHaveAccessibleDescription(
    /請使用 https:\/\/：API 金鑰不能在未加密的情況下傳送/,
  );
  await expect(page.getByRole('status').filter({ hasText: '已儲存' })).toHaveCount(0);
});

test('Test connection against the sandbox answers in Chinese', async ({
  extension,
  sandbox,
  page,
}) => {
  await page.goto(extension.url('options.html'));
  await page.getByRole('textbox', { name: 'API 金鑰' }).fill(sandbox.keys[0] ?? '');
  await page.getByRole('textbox', { name: 'API 基礎網址' }).fill(sandbox.apiBaseUrl);
  await page.getByRole('button', { name: '測試連線' }).click();
  const host = new URL(sandbox.apiBaseUrl).host;
  // Tested as typed, and said so: nothing is saved until 儲存.
  await expect(
    page.getByText(`已連線至 ${host}：Payfect 接受了這個金鑰。 尚未儲存：按「儲存」即可保留。`),
  ).toBeVisible();
  await expect(page.getByText(/已儲存金鑰，結尾為/)).toHaveCount(0);
  await page.getByRole('button', { name: '儲存' }).click();
  await expect(page.getByText(/已儲存金鑰，結尾為 …\S{4} · 首次使用前無法得知模式/)).toBeVisible();

  await page.getByRole('textbox', { name: 'API 金鑰' }).fill('pk_test_not_a_key_the_sandbox_knows');
  await page.getByRole('button', { name: '測試連線' }).click();
  // Said on the Settings page: no "check it in Settings".
  await expect(
    page.getByText(
      'Payfect 拒絕了這個 API 金鑰：請確認貼上的是完整的金鑰，且屬於這個 Payfect 帳戶。',
    ),
  ).toBeVisible();
});
