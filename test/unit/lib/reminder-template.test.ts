import { describe, expect, it } from 'vitest';
import {
  defaultReminderText,
  fillReminderTemplate,
  reminderForDisplay,
  reminderForStorage,
} from '../../../lib/reminder-template.ts';
import { DEFAULT_REMINDER_TEMPLATE } from '../../../lib/settings.ts';
import { useFakeLocale } from '../../support/fake-i18n.ts';
import { session } from '../factories.ts';

const invoice = session({
  invoiceNumber: 'INV-0007',
  amountTotal: '1250.00',
  url: 'https://buy.payfect.finance/checkouts/cs_new',
  client: { name: 'Acme Robotics Ltd', email: '', address: '' },
});

describe('fillReminderTemplate', () => {
  it('fills the default with the number, amount, due date and link', () => {
    expect(fillReminderTemplate(DEFAULT_REMINDER_TEMPLATE, invoice, '2026-03-20')).toBe(
      'A reminder about invoice INV-0007 (Logo design): 1250.00 USDT, due 20 March 2026. ' +
        'You can pay here: https://buy.payfect.finance/checkouts/cs_new · Pay in USDT on Tron (TRC20) only',
    );
  });

  it('fills a template of the user’s own and leaves unknown braces as typed', () => {
    const template = 'Hi {client}, {number} is open: {url} {unknown} {expires}';
    expect(fillReminderTemplate(template, invoice, '2026-03-20')).toBe(
      'Hi Acme Robotics Ltd, INV-0007 is open: https://buy.payfect.finance/checkouts/cs_new {unknown} {expires}',
    );
  });

  it('prints the due date as a date, the same in every time zone', () => {
    // A date, not an instant: no zone can move it to the 19th or the 21st.
    expect(fillReminderTemplate('{due}', invoice, '2026-03-20', 'en')).toBe('20 March 2026');
  });

  it('never expands a placeholder that a value brings in', () => {
    const named = session({
      items: [{ name: '{url}', description: '', unitAmount: '1', quantity: 1 }],
    });
    expect(fillReminderTemplate('{items}', named, '2026-03-20')).toBe('{url}');
  });

  it('stands in the reference for a link made before invoice numbers', () => {
    expect(fillReminderTemplate('{number}', session({ reference: 'Job 12' }), '2026-03-20')).toBe(
      'Job 12',
    );
  });

  it('sends a zh-TW user who kept the default a Chinese reminder that never says 發票', async () => {
    await useFakeLocale('zh-TW');
    const text = fillReminderTemplate(DEFAULT_REMINDER_TEMPLATE, invoice, '2026-03-20', 'zh-TW');
    expect(text).toContain('請款單 INV-0007');
    expect(text).toContain('2026年3月20日');
    expect(text).toContain('https://buy.payfect.finance/checkouts/cs_new');
    expect(text).not.toContain('發票');
    expect(text).not.toMatch(/reminder|due/i);
  });
});

describe('the default, stored and shown', () => {
  it('is stored as its English text whatever language showed it', async () => {
    expect(defaultReminderText()).toBe(DEFAULT_REMINDER_TEMPLATE);
    await useFakeLocale('zh-TW');
    const shown = reminderForDisplay(DEFAULT_REMINDER_TEMPLATE);
    expect(shown).not.toBe(DEFAULT_REMINDER_TEMPLATE);
    expect(reminderForStorage(shown)).toBe(DEFAULT_REMINDER_TEMPLATE);
    expect(reminderForStorage('My own {url}')).toBe('My own {url}');
  });
});
