import { join, resolve } from 'node:path';
import { startSandbox } from '../sandbox/server.ts';
import { launchWithExtension } from '../support/chromium.ts';
import { connectToSandbox } from '../support/flows.ts';
import { prepareBenchExtension, runWxt, STATIC_FORM_PAGE } from './bench-extension.ts';
import { markedReady, takesInput, writeStaticForm } from './measure.ts';
import { summarise } from './stats.ts';

const OUT = resolve('.output-quick');
const N = Number(process.env.N ?? 12);
runWxt('build', OUT);
await prepareBenchExtension(join(OUT, 'chrome-mv3'), join(OUT, 'bench-mv3'));
const sandbox = await startSandbox({ port: 0, quiet: true });
const extension = await launchWithExtension({ extensionDir: join(OUT, 'bench-mv3') });
await connectToSandbox(extension, sandbox);
await writeStaticForm(extension, join(OUT, 'bench-mv3'));
const t = { popup: [] as number[], stat: [] as number[], hyd: [] as number[] };
for (let i = -2; i < N; i++) {
  const a = await takesInput(extension, 'popup.html');
  const b = await takesInput(extension, STATIC_FORM_PAGE);
  const c = await markedReady(extension, 'popup.html');
  if (i >= 0) { t.popup.push(a); t.stat.push(b); t.hyd.push(c); }
}
console.log('popup takes input', summarise(t.popup).median.toFixed(1), 'static', summarise(t.stat).median.toFixed(1), 'hydrated', summarise(t.hyd).median.toFixed(1));
await extension.close();
await sandbox.close();
