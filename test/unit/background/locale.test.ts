import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { checkApiKey } from '../../../entrypoints/background/key-store.ts';
import { createSelectionMenu, SELECTION_MENU_ID } from '../../../entrypoints/background/menus.ts';
import { paidMessage } from '../../../entrypoints/background/notifications.ts';
import { createMessageHandler } from '../../../entrypoints/background/router.ts';
import {
  uiErrorFromFailedCreate,
  uiErrorFromPayfect,
} from '../../../entrypoints/background/ui-error.ts';
import { historyCapError, keyStatusSentence } from '../../../entrypoints/options/values.ts';
import { emptyDraft, validateDraft } from '../../../lib/draft.ts';
import { DEFAULT_SETTINGS } from '../../../lib/settings.ts';
import { describePayfectError, validateBaseUrl } from '../../../lib/payfect/index.ts';
import { profileDisplayName } from '../../../lib/profile-names.ts';
import { reminderMessage } from '../../../lib/reminders.ts';
import { useFakeLocale } from '../../support/fake-i18n.ts';
import { ask, session } from './helpers.ts';

/*
 * The worker's words in Traditional Chinese: what a browser set to zh-TW shows in its
 * notifications, its menu and the errors the pages display. English is pinned by the other
 * tests, which run in English.
 */

beforeEach(async () => {
  fakeBrowser.reset();
  await useFakeLocale('zh-TW');
});

describe('in zh-TW', () => {
  it('titles the selection menu in Chinese, with the selection still in place of %s', async () => {
    vi.spyOn(browser.contextMenus, 'removeAll').mockResolvedValue(undefined);
    const create = vi.spyOn(browser.contextMenus, 'create').mockReturnValue(SELECTION_MENU_ID);
    await createSelectionMenu(browser.contextMenus);
    expect(create).toHaveBeenCalledWith(expect.objectContaining({ title: '為「%s」建立付款連結' }));
  });

  it('says a link was paid in Chinese, with the amount grouped', () => {
    const paid = session('cs_1', { amountTotal: '1200.50', currency: 'twd' });
    expect(paidMessage(paid)).toBe('Logo design — 1,200.50 TWD 已付款');
  });

  it('reminds of an expiring link in Chinese hours and minutes', () => {
    const open = session('cs_1', { expiresAt: 1_000_000 + 65 * 60_000 });
    expect(reminderMessage(open, 1_000_000)).toBe('Logo design — 41.00 USDT，1 小時 5 分鐘後到期');
  });

  it('tells of a rejected key (401) in Chinese', () => {
    expect(uiErrorFromPayfect({ kind: 'auth', status: 401 })).toEqual({
      kind: 'auth',
      message: 'Payfect 拒絕了這個 API 金鑰，請在「設定」中檢查。',
    });
  });

  it('warns in Chinese that a timed-out create may exist, counting seconds in Chinese', () => {
    const error = uiErrorFromFailedCreate({ kind: 'timeout', timeoutMs: 15_000 });
    expect(error.message).toBe(
      'Payfect 在 15 秒內沒有回應，請檢查您的網路連線後再試一次。' +
        '連結可能仍已建立，再次建立之前，請先查看您的 Payfect 管理後台。',
    );
  });

  it('names Payfect’s rejected fields in Chinese and keeps the server’s own words', () => {
    const sentence = describePayfectError({
      kind: 'validation',
      status: 400,
      messages: [],
      fields: [
        { path: 'invoice_items.1.price_data.unit_amount', messages: ['Too small.'] },
        { path: 'currency', messages: ['Unknown.'] },
        { path: 'network', messages: ['Not offered.'] },
      ],
    });
    expect(sentence).toBe(
      'Payfect 不接受這筆結帳：品項 2 的單價：Too small. 幣別：Unknown.（還有 1 項）',
    );
  });

  it('rejects input beside its field in Chinese', () => {
    const draft = {
      ...emptyDraft(DEFAULT_SETTINGS, 'INV-1'),
      items: [{ name: '', description: '', unitPrice: '15.000,50', quantity: '0' }],
    };
    const checked = validateDraft(draft, { baseUrl: 'https://api.payfect.finance/api/v1' });
    expect(checked.ok ? {} : checked.error).toEqual({
      'items.0.name': '請輸入客戶付款的項目。',
      'items.0.unitPrice': '小數請用小數點，例如 15000.50 或 15,000.50。',
      'items.0.quantity': '數量至少要是 1。',
    });
    expect(validateBaseUrl('http://api.example.com/')).toEqual({
      ok: false,
      error:
        '請使用 https://：API 金鑰不能在未加密的情況下傳送。只有本機沙箱（例如 http://localhost:8787）才可以使用一般的 http://。',
    });
    expect(checkApiKey('two words')).toEqual({
      ok: false,
      error: { kind: 'invalid_request', message: 'API 金鑰不能包含空格或換行，請重新貼上。' },
    });
  });

  it('answers a create without a key in Chinese', async () => {
    const handle = createMessageHandler();
    const answer = await ask(handle, {
      type: 'createCheckout',
      requestId: 'r1',
      order: {
        items: [{ name: 'Logo design', description: '', unitAmount: '20.5', quantity: 1 }],
        currency: 'usdt',
        network: 'tron',
        reference: 'INV-1',
        successUrl: '',
        cancelUrl: '',
        callbackUrl: '',
      },
    });
    expect(answer).toEqual({
      ok: false,
      error: { kind: 'no_key', message: '請先在「設定」中加入您的 Payfect API 金鑰。' },
    });
  });

  it('words the options page’s own checks and key status in Chinese', () => {
    expect(historyCapError()).toBe('請輸入 0 到 1,000,000 之間的整數。');
    expect(keyStatusSentence({ set: true, last4: '4f2a', mode: 'test', lock: 'locked' })).toBe(
      '已儲存金鑰，結尾為 …4f2a · 已鎖定 · 測試模式',
    );
  });

  it('names the first profile in Chinese until it is renamed, for every page that asks', async () => {
    const state = await ask(createMessageHandler(), { type: 'getState' });
    expect((state as { profiles: { name: string }[] }).profiles[0]?.name).toBe('預設');
    expect(profileDisplayName({ id: 'default', name: 'Studio' })).toBe('Studio');
  });
});

describe('plural forms', () => {
  it('count one second, several seconds and minutes in English', async () => {
    await useFakeLocale('en');
    const wait = (retryAfterMs: number) =>
      describePayfectError({ kind: 'rate_limited', status: 429, retryAfterMs });
    expect(wait(1_000)).toContain('wait 1 second and');
    expect(wait(2_000)).toContain('wait 2 seconds and');
    expect(wait(120_000)).toContain('wait 2 minutes and');
  });

  it('count seconds and minutes in Chinese', () => {
    const wait = (retryAfterMs: number) =>
      describePayfectError({ kind: 'rate_limited', status: 429, retryAfterMs });
    expect(wait(1_000)).toBe('Payfect 收到太多要求，請等 1 秒再試一次。');
    expect(wait(120_000)).toBe('Payfect 收到太多要求，請等 2 分鐘再試一次。');
  });
});
