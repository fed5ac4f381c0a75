import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  notifyPaid,
  paidMessage,
  reminderId,
} from '../../../entrypoints/background/notifications.ts';
import type { SessionRecord } from '../../../lib/history.ts';
import { useFakeLocale } from '../../support/fake-i18n.ts';
import { session } from './helpers.ts';

/*
 * "Payment received" as the user reads it: who paid which invoice and how much, and many
 * payments seen at once told in one notification instead of a stack.
 */

const ACME = { name: 'Acme Robotics Ltd', email: 'ap@acme-robotics.test', address: '' };

function invoice(id: string, number: string, client?: string, amountTotal = '1626.38') {
  return session(id, {
    invoiceNumber: number,
    amountTotal,
    ...(client === undefined ? {} : { client: { ...ACME, name: client } }),
  });
}

/** The notifications showing: fakeBrowser keeps each one's options (Chrome types them `true`). */
async function shown() {
  const all = (await browser.notifications.getAll()) as unknown as Record<
    string,
    { title?: string; message?: string }
  >;
  return Object.entries(all).map(([id, options]) => ({
    id,
    title: options.title,
    message: options.message,
  }));
}

beforeEach(async () => {
  fakeBrowser.reset();
  await useFakeLocale('en');
});

describe('the payment notification', () => {
  it('names the client and the invoice number, the amount grouped', () => {
    expect(paidMessage(invoice('cs_1', 'INV-0001', 'Acme Robotics Ltd'))).toBe(
      'Acme Robotics Ltd paid INV-0001 — 1,626.38 USDT',
    );
  });

  it('names the number alone for an invoice without a client', () => {
    expect(paidMessage(invoice('cs_1', 'INV-0001'))).toBe('INV-0001 paid — 1,626.38 USDT');
    expect(paidMessage(invoice('cs_1', 'INV-0001', '  '))).toBe('INV-0001 paid — 1,626.38 USDT');
  });

  it('says what was sold, as before, for a link without a number', () => {
    expect(paidMessage(session('cs_1', { amountTotal: '1020.50' }))).toBe(
      'Logo design — 1,020.50 USDT paid',
    );
  });

  it('leaves out characters that would reorder the line', () => {
    expect(paidMessage(invoice('cs_1', 'INV-0001', 'Acme\u202E Ltd'))).toBe(
      'Acme Ltd paid INV-0001 — 1,626.38 USDT',
    );
  });

  it('is written in Chinese for a zh-TW browser', async () => {
    await useFakeLocale('zh-TW');
    expect(paidMessage(invoice('cs_1', 'INV-0001', 'Acme Robotics Ltd'))).toBe(
      'Acme Robotics Ltd 已支付 INV-0001 — 1,626.38 USDT',
    );
    expect(paidMessage(invoice('cs_1', 'INV-0001'))).toBe('INV-0001 已付款 — 1,626.38 USDT');
  });

  it('shows one notification per link when one or two are paid at once', async () => {
    await notifyPaid([
      invoice('cs_1', 'INV-0001', 'Acme Robotics Ltd'),
      invoice('cs_2', 'INV-0002', undefined, '85.50'),
    ]);
    expect(await shown()).toEqual([
      {
        id: 'cs_1',
        title: 'Payment received',
        message: 'Acme Robotics Ltd paid INV-0001 — 1,626.38 USDT',
      },
      { id: 'cs_2', title: 'Payment received', message: 'INV-0002 paid — 85.50 USDT' },
    ]);
  });

  it('groups more than two payments into one notification that names the clients', async () => {
    const paid: SessionRecord[] = [
      invoice('cs_1', 'INV-0001', 'Acme Robotics Ltd'),
      invoice('cs_2', 'INV-0002', 'Mia Studio'),
      invoice('cs_3', 'INV-0003', 'Acme Robotics Ltd'),
      invoice('cs_4', 'INV-0004'),
      invoice('cs_5', 'INV-0005', 'Lin Design'),
    ];
    await notifyPaid(paid);
    const notices = await shown();
    expect(notices).toEqual([
      {
        id: expect.stringMatching(/^paid:/) as unknown as string,
        title: 'Payment received',
        message: '5 invoices paid — Acme Robotics Ltd, Mia Studio, …',
      },
    ]);
    // The same links seen again replace it rather than stack.
    await notifyPaid([...paid].reverse());
    expect(await shown()).toHaveLength(1);
  });

  it('groups in Chinese, and counts links without a number as links', async () => {
    await useFakeLocale('zh-TW');
    await notifyPaid([
      invoice('cs_1', 'INV-0001', 'Acme Robotics Ltd'),
      invoice('cs_2', 'INV-0002'),
      invoice('cs_3', 'INV-0003', 'Mia Studio'),
    ]);
    expect((await shown()).map((notice) => notice.message)).toEqual([
      '3 張請款單已付款 — Acme Robotics Ltd, INV-0002, …',
    ]);
    fakeBrowser.reset();
    await useFakeLocale('en');
    await notifyPaid([session('a'), session('b'), session('c')]);
    expect((await shown()).map((notice) => notice.message)).toEqual(['3 links paid — Logo design']);
  });

  it('clears the expiry reminders of the links a grouped notification tells of', async () => {
    const paid = ['cs_1', 'cs_2', 'cs_3'].map((id, index) =>
      session(id, { invoiceNumber: `INV-000${index + 1}`, remindedAt: 1 }),
    );
    for (const { id } of paid) {
      await browser.notifications.create(reminderId(id), {
        type: 'basic',
        iconUrl: '',
        title: 'Link expires soon',
        message: '',
      });
    }
    await notifyPaid(paid);
    expect((await shown()).map((notice) => notice.id)).toEqual([
      expect.stringMatching(/^paid:/) as unknown as string,
    ]);
  });

  it('shows nothing when nothing was paid', async () => {
    await notifyPaid([]);
    expect(await shown()).toEqual([]);
  });
});
