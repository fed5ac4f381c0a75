import { connect, type Socket } from 'node:net';
import { z } from 'zod';

/*
 * A small client of Firefox's Marionette protocol (what geckodriver speaks to Firefox): JSON
 * messages prefixed with their byte length, `[0, id, command, params]` out and
 * `[1, id, error, result]` back. Playwright's Firefox cannot load add-ons (and cannot be
 * downloaded here); Marionette can install the built add-on and drive its pages.
 */

const ReplySchema = z.tuple([
  z.literal(1),
  z.number(),
  z.union([z.null(), z.object({ error: z.string(), message: z.string() })]),
  z.unknown(),
]);

export class MarionetteError extends Error {
  override readonly name = 'MarionetteError';
}

export class Marionette {
  readonly #socket: Socket;
  #buffer = Buffer.alloc(0);
  #nextId = 0;
  readonly #waiting = new Map<number, (reply: z.infer<typeof ReplySchema>) => void>();

  private constructor(socket: Socket) {
    this.#socket = socket;
  }

  /** Connects and waits for Marionette's greeting. */
  static async connect(port: number): Promise<Marionette> {
    const socket = connect(port, '127.0.0.1');
    const client = new Marionette(socket);
    const greeted = new Promise<void>((resolve, reject) => {
      client.#greeted = resolve;
      socket.once('error', reject);
    });
    socket.on('data', (data) => client.#receive(data));
    await greeted;
    return client;
  }

  #greeted: (() => void) | undefined;

  #receive(data: Buffer): void {
    this.#buffer = Buffer.concat([this.#buffer, data]);
    for (;;) {
      const colon = this.#buffer.indexOf(0x3a);
      if (colon < 0) return;
      const length = Number(this.#buffer.subarray(0, colon).toString());
      if (this.#buffer.length < colon + 1 + length) return;
      const message: unknown = JSON.parse(
        this.#buffer.subarray(colon + 1, colon + 1 + length).toString(),
      );
      this.#buffer = this.#buffer.subarray(colon + 1 + length);
      const reply = ReplySchema.safeParse(message);
      if (reply.success) this.#waiting.get(reply.data[1])?.(reply.data);
      else this.#greeted?.();
    }
  }

  /** Sends a command; its result, or a MarionetteError with Firefox's message. */
  async send(command: string, params: Record<string, unknown> = {}): Promise<unknown> {
    this.#nextId += 1;
    const id = this.#nextId;
    const body = JSON.stringify([0, id, command, params]);
    const reply = new Promise<z.infer<typeof ReplySchema>>((resolve) => {
      this.#waiting.set(id, resolve);
    });
    this.#socket.write(`${Buffer.byteLength(body)}:${body}`);
    const [, , error, result] = await reply;
    this.#waiting.delete(id);
    if (error) throw new MarionetteError(`${command}: ${error.error}: ${error.message}`);
    return result;
  }

  /** Runs `script` (a function body) in the current context and returns its value. */
  async run<T>(script: string, args: readonly unknown[] = []): Promise<T> {
    const result = await this.send('WebDriver:ExecuteAsyncScript', {
      script: `const done = arguments[arguments.length - 1];
        Promise.resolve((async (...args) => { ${script} })(...Array.from(arguments).slice(0, -1)))
          .then(done, (error) => done({ __error: String(error) }));`,
      args,
    });
    const value = (result as { value?: unknown }).value;
    if (typeof value === 'object' && value !== null && '__error' in value) {
      throw new MarionetteError(String((value as { __error: unknown }).__error));
    }
    return value as T;
  }

  close(): void {
    this.#socket.destroy();
  }
}
