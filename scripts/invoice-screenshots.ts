/**
 * `npm run screenshots:invoice`: the README's pictures of invoices, made the way a user gets
 * there — business details in Settings, a client on the form, Invoice on the result:
 *
 * - docs/invoice.png          the invoice page (what "Save as PDF" prints), in English
 * - docs/invoice-zh-TW.png    the same in Traditional Chinese
 * - docs/options-invoices.png Settings → Invoices
 *
 *   npm run screenshots:invoice -- --no-build   reuse the build in $PAYFECT_OUT_DIR or .output
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from '@playwright/test';
import { launchWithExtension } from '../test/support/chromium.ts';
import { connectToSandbox, createLink, openPopup } from '../test/support/flows.ts';
import { startSandbox } from '../test/sandbox/server.ts';
import { buildExtension, runScript } from './script-support.ts';

const { values: args } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false },
    dir: { type: 'string', default: 'docs' },
  },
});

interface Example {
  readonly locale: string;
  readonly file: string;
  readonly words: { readonly save: RegExp; readonly invoice: string; readonly create: string };
  readonly fields: Record<'name' | 'address' | 'taxId' | 'email' | 'footer', string>;
  readonly business: Record<'name' | 'address' | 'taxId' | 'email' | 'footer', string>;
  readonly form: Record<
    'item' | 'description' | 'price' | 'quantity' | 'addItem' | 'client',
    string
  >;
  readonly items: readonly { name: string; description: string; price: string; quantity: string }[];
  readonly client: string;
  /** The profile's terms (days) and tax, chosen in Settings → Invoices. */
  readonly terms: string;
  readonly tax: { readonly mode: string; readonly rate: string; readonly label: string };
  readonly labels: Record<'terms' | 'taxMode' | 'taxRate' | 'taxLabel', string>;
}

const EXAMPLES: readonly Example[] = [
  {
    locale: 'en-US',
    file: 'invoice',
    words: { save: /^Save$/, invoice: 'Invoice', create: 'Create link' },
    fields: {
      name: 'Business name',
      address: 'Business address',
      taxId: 'Tax ID',
      email: 'Business email',
      footer: 'Footer note',
    },
    business: {
      name: 'Lin Studio',
      address: '12 Harbour Road\nKaohsiung 806, Taiwan',
      taxId: '12345678',
      email: 'billing@linstudio.example',
      footer: 'Thank you for your business!',
    },
    form: {
      item: 'Item name',
      description: 'Description',
      price: 'Unit price',
      quantity: 'Quantity',
      addItem: 'Add item',
      client: 'Client name',
    },
    items: [
      {
        name: 'Logo design',
        description: 'Three concepts, two revisions',
        price: '120.5',
        quantity: '1',
      },
      { name: 'Hosting', description: 'Monthly', price: '9.99', quantity: '12' },
    ],
    client: 'ACME Trading Ltd',
    terms: '14',
    tax: { mode: 'tax', rate: '5', label: 'VAT' },
    labels: { terms: 'Payment terms', taxMode: 'Tax', taxRate: 'Tax rate', taxLabel: 'Tax label' },
  },
  {
    locale: 'zh-TW',
    file: 'invoice-zh-TW',
    words: { save: /^儲存$/, invoice: '請款單', create: '建立連結' },
    fields: {
      name: '公司名稱',
      address: '公司地址',
      taxId: '統一編號',
      email: '公司電子郵件',
      footer: '頁尾附註',
    },
    business: {
      name: '林氏設計工作室',
      address: '高雄市前鎮區成功二路 12 號',
      taxId: '12345678',
      email: 'billing@linstudio.example',
      footer: '感謝您的惠顧！',
    },
    form: {
      item: '品項名稱',
      description: '說明',
      price: '單價',
      quantity: '數量',
      addItem: '新增品項',
      client: '客戶名稱',
    },
    items: [
      { name: '品牌識別設計', description: '三款提案，兩次修改', price: '120.5', quantity: '1' },
      { name: '網站主機', description: '月費', price: '9.99', quantity: '12' },
    ],
    client: '王小明有限公司',
    terms: '14',
    tax: { mode: 'tax', rate: '5', label: '營業稅' },
    labels: { terms: '付款條件', taxMode: '稅', taxRate: '稅率', taxLabel: '稅名' },
  },
];

async function shot(page: Page, name: string): Promise<void> {
  const path = resolve(args.dir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  console.log(`Screenshot: ${path}`);
}

async function makeInvoice(example: Example): Promise<void> {
  const sandbox = await startSandbox({ port: 0, quiet: true });
  const extension = await launchWithExtension({ locale: example.locale });
  try {
    await connectToSandbox(extension, sandbox);
    const options = await extension.context.newPage();
    await options.setViewportSize({ width: 900, height: 900 });
    await options.goto(extension.url('options.html'));
    for (const field of ['name', 'address', 'taxId', 'email', 'footer'] as const) {
      await options
        .getByRole('textbox', { name: example.fields[field], exact: true })
        .fill(example.business[field]);
    }
    const { labels, tax } = example;
    await options.getByRole('combobox', { name: labels.terms }).selectOption(example.terms);
    await options
      .getByRole('combobox', { name: labels.taxMode, exact: true })
      .selectOption(tax.mode);
    await options.getByRole('textbox', { name: labels.taxRate, exact: true }).fill(tax.rate);
    await options.getByRole('textbox', { name: labels.taxLabel, exact: true }).fill(tax.label);
    await options.getByRole('button', { name: example.words.save }).click();
    await options.getByRole('status').filter({ hasText: /./ }).first().waitFor();
    if (example.locale === 'en-US') {
      // The whole section: business details, numbering, terms, notes and tax; tall enough
      // that the sticky Save bar sits below it, not over it.
      await options.setViewportSize({ width: 900, height: 3000 });
      await options
        .locator('section', { has: options.getByRole('heading', { name: 'Invoices' }) })
        .screenshot({ path: resolve(args.dir, 'options-invoices.png') });
    }
    await options.close();

    const popup = await openPopup(extension);
    for (const [index, item] of example.items.entries()) {
      if (index > 0) await popup.getByRole('button', { name: example.form.addItem }).click();
      await popup.getByRole('textbox', { name: example.form.item }).nth(index).fill(item.name);
      await popup
        .getByRole('textbox', { name: example.form.description })
        .nth(index)
        .fill(item.description);
      await popup.getByRole('textbox', { name: example.form.price }).nth(index).fill(item.price);
      await popup
        .getByRole('textbox', { name: example.form.quantity })
        .nth(index)
        .fill(item.quantity);
    }
    await popup.getByRole('combobox', { name: example.form.client }).fill(example.client);
    if (example.locale === 'en-US') await createLink(popup);
    else {
      await popup.getByRole('button', { name: example.words.create }).click();
      await popup.getByRole('link', { name: /^http/ }).waitFor();
    }
    const opened = extension.context.waitForEvent('page');
    await popup.getByRole('link', { name: example.words.invoice, exact: true }).click();
    const invoice = await opened;
    await invoice.setViewportSize({ width: 900, height: 1200 });
    await invoice.locator('[data-ready="true"]').waitFor();
    await shot(invoice, example.file);
  } finally {
    await extension.close().catch(() => undefined);
    await sandbox.close();
  }
}

async function main(): Promise<void> {
  if (!args['no-build']) buildExtension();
  for (const example of EXAMPLES) await makeInvoice(example);
}

runScript(main);
