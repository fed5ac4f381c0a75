/**
 * `npm run screenshots:zh-TW`: the popup in Traditional Chinese, as Chromium shows it when its
 * language is 中文（台灣）— the create form filled through its Chinese names — saved as
 * docs/popup-zh-TW.png at the size of the other popup screenshots (scripts/start.ts).
 *
 *   npm run screenshots:zh-TW -- --no-build   reuse the build in $PAYFECT_OUT_DIR or .output
 *   npm run screenshots:zh-TW -- --out FILE   save elsewhere
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchWithExtension } from '../test/support/chromium.ts';
import { connectToSandbox, openPopup } from '../test/support/flows.ts';
import { startSandbox } from '../test/sandbox/server.ts';
import { buildExtension, runScript } from './script-support.ts';

const { values: args } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false },
    out: { type: 'string', default: 'docs/popup-zh-TW.png' },
  },
});

const ITEMS = [
  { name: 'Logo 設計', description: '三款提案、兩次修改', unitPrice: '120.5', quantity: '1' },
  { name: '網站主機', description: '', unitPrice: '9.99', quantity: '12' },
] as const;

async function main(): Promise<void> {
  if (!args['no-build']) buildExtension();
  const sandbox = await startSandbox({ port: 0, quiet: true });
  const extension = await launchWithExtension({ locale: 'zh-TW' });
  try {
    await connectToSandbox(extension, sandbox);

    const popup = await openPopup(extension);
    for (const [index, item] of ITEMS.entries()) {
      if (index > 0) await popup.getByRole('button', { name: '新增品項' }).click();
      await popup.getByRole('textbox', { name: '品項名稱' }).nth(index).fill(item.name);
      await popup.getByRole('textbox', { name: '說明' }).nth(index).fill(item.description);
      await popup.getByRole('textbox', { name: '單價' }).nth(index).fill(item.unitPrice);
      await popup.getByRole('textbox', { name: '數量' }).nth(index).fill(item.quantity);
    }
    // Framed like docs/popup-filled.png: the second item just typed.
    const path = resolve(args.out);
    await popup.screenshot({ path });
    console.log(`Screenshot: ${path}`);
  } finally {
    await extension.close().catch(() => undefined);
    await sandbox.close();
  }
}

runScript(main);
