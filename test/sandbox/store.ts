/**
 * The sandbox's sessions: in memory, or also in a JSON file so they survive a restart (the
 * demo's history keeps pointing at live sessions). The file is replaced atomically — written
 * to a temporary file, then renamed — so a crash never leaves half a file.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { storedCheckoutSchema, type StoredCheckout } from './checkout-object.ts';

const dataFileSchema = z.object({
  version: z.literal(1),
  checkouts: z.array(storedCheckoutSchema),
});

export class CheckoutStore {
  readonly #checkouts = new Map<string, StoredCheckout>();
  readonly #dataFile: string | undefined;
  #writes = 0;

  private constructor(dataFile: string | undefined, checkouts: readonly StoredCheckout[]) {
    this.#dataFile = dataFile;
    for (const checkout of checkouts) this.#checkouts.set(checkout.id, checkout);
  }

  /** Reads `dataFile` when it exists; a file that is not the sandbox's format is an error. */
  static open(dataFile?: string): CheckoutStore {
    if (dataFile === undefined) return new CheckoutStore(undefined, []);
    return new CheckoutStore(dataFile, readDataFile(dataFile));
  }

  get(id: string): StoredCheckout | undefined {
    return this.#checkouts.get(id);
  }

  list(): StoredCheckout[] {
    return [...this.#checkouts.values()];
  }

  get size(): number {
    return this.#checkouts.size;
  }

  /** Adds or replaces a session, then saves. */
  put(checkout: StoredCheckout): void {
    this.#checkouts.set(checkout.id, checkout);
    this.#save();
  }

  clear(): void {
    this.#checkouts.clear();
    this.#save();
  }

  #save(): void {
    if (this.#dataFile === undefined) return;
    mkdirSync(dirname(this.#dataFile), { recursive: true });
    const temporary = `${this.#dataFile}.${process.pid}.${(this.#writes += 1)}.tmp`;
    const content = { version: 1, checkouts: this.list() };
    writeFileSync(temporary, `${JSON.stringify(content, null, 2)}\n`);
    renameSync(temporary, this.#dataFile);
  }
}

function readDataFile(dataFile: string): StoredCheckout[] {
  let text: string;
  try {
    text = readFileSync(dataFile, 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return [];
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`Sandbox data file ${dataFile} is not JSON; delete it to start afresh`);
  }
  const parsed = dataFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(
      `Sandbox data file ${dataFile} is not in the sandbox's format (${z.prettifyError(parsed.error)}); delete it to start afresh`,
    );
  }
  return parsed.data.checkouts;
}
