/**
 * `npm test` runs this first (npm's pretest): every program outside npm the tests use is
 * found, or installed where this user may install packages, or the run stops at once with
 * the one command that installs them (scripts/tools.ts).
 */
import { ensureTools, testTools } from './tools.ts';

try {
  const installed = ensureTools(testTools());
  if (installed.length > 0) console.log(`Installed ${installed.join(', ')}.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
