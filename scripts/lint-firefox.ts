/**
 * `npm run lint:firefox`: builds the Firefox (MV2) package into its own folder and runs
 * Mozilla's `web-ext lint` on it, the check addons.mozilla.org runs on upload. Exits
 * non-zero on any lint error, or when the built manifest has no toolbar shortcut.
 *
 * Warnings are printed but pass, except React DOM's own two `innerHTML` assignments (its
 * dangerouslySetInnerHTML and SVG code paths), which are not shown: every build has them, and
 * a reader can do nothing about them. They are left out only while the project's own code
 * never writes innerHTML (checked here), so one of ours would still be reported.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

interface LintMessage {
  readonly code: string;
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
}

interface LintReport {
  readonly summary: {
    readonly errors: number;
    readonly warnings: number;
    readonly notices: number;
  };
  readonly errors: readonly LintMessage[];
  readonly warnings: readonly LintMessage[];
  readonly notices: readonly LintMessage[];
}

// Its own folder, so linting never rewrites a build that a running Chromium is loading.
const outDir = `${process.env.PAYFECT_OUT_DIR ?? '.output'}-firefox`;
const extensionDir = resolve(outDir, 'firefox-mv2');

function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(command, args, { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  return result;
}

console.log(`Building the Firefox package into ${outDir}/firefox-mv2…`);
const build = run('npx', ['wxt', 'build', '-b', 'firefox'], {
  ...process.env,
  PAYFECT_OUT_DIR: outDir,
});
if (build.status !== 0) {
  console.error(build.stdout, build.stderr);
  process.exit(build.status ?? 1);
}

// web-ext exits 1 when it finds errors; the JSON report is on stdout either way.
const lint = run('npx', ['web-ext', 'lint', '--source-dir', extensionDir, '--output', 'json']);
let report: LintReport;
try {
  report = JSON.parse(lint.stdout) as LintReport;
} catch {
  console.error('web-ext lint gave no JSON report:', lint.stdout, lint.stderr);
  process.exit(1);
}

const WRITES_HTML =
  /\b(?:innerHTML|outerHTML)\s*\+?=(?!=)|\binsertAdjacentHTML\b|\bdocument\.write\b/u;

/** Whether any of the project's own source files assigns HTML as text (innerHTML and kin). */
function ownCodeWritesInnerHtml(): boolean {
  return ['entrypoints', 'components', 'lib', 'utils'].some((dir) =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.tsx?$/.test(file))
      .some((file) => WRITES_HTML.test(readFileSync(join(dir, file), 'utf8'))),
  );
}

const REACT_DOM_INNER_HTML_WARNINGS = 2;
const innerHtml = report.warnings.filter(
  (warning) => warning.code === 'UNSAFE_VAR_ASSIGNMENT' && warning.message.includes('innerHTML'),
);
const reactDomOnly = innerHtml.length <= REACT_DOM_INNER_HTML_WARNINGS && !ownCodeWritesInnerHtml();
const warnings = reactDomOnly
  ? report.warnings.filter((warning) => !innerHtml.includes(warning))
  : report.warnings;

for (const [kind, messages] of [
  ['error', report.errors],
  ['warning', warnings],
  ['notice', report.notices],
] as const) {
  for (const { code, message, file, line } of messages) {
    const where = file ? ` (${file}${line ? `:${line}` : ''})` : '';
    console.log(`${kind} ${code}: ${message}${where}`);
  }
}
const { errors, notices } = report.summary;
const known = reactDomOnly ? ` (and React DOM's ${innerHtml.length} innerHTML warnings)` : '';
console.log(
  `web-ext lint: ${errors} errors, ${warnings.length} warnings${known}, ${notices} notices`,
);

// web-ext accepts any command name; an MV3 name here would leave Firefox users without
// the shortcut, silently.
const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
  commands?: Record<string, { suggested_key?: { default?: string } }>;
};
const shortcut = manifest.commands?._execute_browser_action?.suggested_key?.default;
if (!shortcut) {
  console.error('The Firefox manifest has no _execute_browser_action shortcut.');
  process.exit(1);
}
console.log(`Toolbar shortcut: ${shortcut}`);

// Reviewers at addons.mozilla.org read every warning: one from our own code fails the run.
if (warnings.length > 0) console.error('Fix the warnings above: they are our own code’s.');
process.exit(errors > 0 || warnings.length > 0 || lint.status !== 0 ? 1 : 0);
