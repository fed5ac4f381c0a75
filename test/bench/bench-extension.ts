import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

const PAGES = resolve(import.meta.dirname, 'pages');
const ROOT = resolve(import.meta.dirname, '../..');

/**
 * `wxt build` or `wxt zip` (which builds first) into `outDir`, quietly: its warnings are
 * noise on success and, printed on failure, the explanation. `env` adds variables
 * (PAYFECT_SOURCEMAP for `npm run bench:sizes`).
 */
export function runWxt(
  command: 'build' | 'zip',
  outDir: string,
  env: Record<string, string> = {},
): void {
  const result = spawnSync('npx', ['wxt', command], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env, PAYFECT_OUT_DIR: outDir },
  });
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr);
    throw new Error(`\`wxt ${command}\` failed.`);
  }
}

/** The comparison pages, reached at chrome-extension://<id>/<file> in the bench copy. */
export const STATIC_PAGE = 'bench-static.html';
export const REACT_PAGE = 'bench-react.html';
/** The popup's first screen with no script (measure.ts writeStaticForm), once it is kept. */
export const STATIC_FORM_PAGE = 'bench-static-form.html';

/**
 * Copies the production build to `benchDir` and adds the two comparison pages to the copy:
 * a static page with no script and a bare React page built by Vite with the same React in
 * production mode. They live only in the copy, so they never ship in the extension, yet
 * load from the same origin, disk and browser as the popup.
 */
export async function prepareBenchExtension(builtDir: string, benchDir: string): Promise<void> {
  rmSync(benchDir, { recursive: true, force: true });
  cpSync(builtDir, benchDir, { recursive: true });
  copyFileSync(join(PAGES, 'static.html'), join(benchDir, STATIC_PAGE));
  await build({
    root: PAGES,
    configFile: false,
    logLevel: 'warn',
    mode: 'production',
    // The page is moved up to the root; its scripts stay under bench-react/.
    base: '/bench-react/',
    plugins: [react()],
    build: {
      outDir: join(benchDir, 'bench-react'),
      emptyOutDir: true,
      rollupOptions: { input: join(PAGES, 'react.html') },
    },
  });
  // Vite keeps the HTML's name and folder; the page goes next to popup.html like the others.
  cpSync(join(benchDir, 'bench-react', 'react.html'), join(benchDir, REACT_PAGE));
  rmSync(join(benchDir, 'bench-react', 'react.html'));
}
