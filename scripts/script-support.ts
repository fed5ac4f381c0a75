import { spawnSync } from 'node:child_process';

/*
 * What the scripts that drive the built extension (npm start, the screenshot scripts) share:
 * the build they load, and how they end.
 */

/** `wxt build` into PAYFECT_OUT_DIR (or .output), its output shown; throws if it fails. */
export function buildExtension(): void {
  console.log('Building the extension…');
  const result = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('The build failed (see above).');
}

/**
 * Runs the script's main and exits: 0 when it is done (the sandbox's server would keep Node
 * alive otherwise), 1 with the error's message when it fails.
 */
export function runScript(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
