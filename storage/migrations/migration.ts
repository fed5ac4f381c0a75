/*
 * One step of a stored format, as MetaMask numbers them: `storage/migrations/<store>/NNN.ts`
 * exports the `version` it produces and `migrate`, which turns the value stored at
 * `version - 1` into the value at `version`. A step is frozen once released: it copies the
 * constants it needs and never imports live code (defaults, schemas, helpers), so what an
 * old install's data becomes cannot change when today's code does. ESLint holds them to it.
 */

/** A released step of one store's format. */
export interface Migration<Stored = unknown> {
  /** The version this step produces from the one before it. */
  readonly version: number;
  readonly migrate: (stored: Stored) => Stored;
}

/** Throws unless the steps are numbered 2, 3, … in order, with no gap. */
export function checkNumbered(steps: readonly { readonly version: number }[]): void {
  steps.forEach((step, i) => {
    if (step.version !== i + 2) throw new Error(`Migration ${i + 2} is missing or out of order.`);
  });
}

/** The steps as storage/item.ts takes them (version → step). */
export function byVersion(
  steps: readonly Migration[],
): Record<number, (value: unknown) => unknown> {
  checkNumbered(steps);
  return Object.fromEntries(steps.map((step) => [step.version, step.migrate]));
}

/** The version after every step: 1 when there are none. */
export function latestVersion(steps: readonly Migration[]): number {
  return steps.at(-1)?.version ?? 1;
}
