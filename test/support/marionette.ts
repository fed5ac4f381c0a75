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
type Reply = z.infer<typeof ReplySchema>;

/** What WebDriver:ExecuteAsyncScript answers: the script's value, or the error it threw. */
const ScriptResultSchema = z.object({ value: z.unknown() });
const ScriptErrorSchema = z.object({ scriptError: z.string() });

/** The W3C WebDriver element reference. */
export const ELEMENT_KEY = 'element-6066-11e4-a52e-4f735466cecf';
export const ElementSchema = z.object({ [ELEMENT_KEY]: z.string() });
export type ElementReference = z.infer<typeof ElementSchema>;

export class MarionetteError extends Error {
  override readonly name = 'MarionetteError';
  /** WebDriver's error code, e.g. "no such element", "element click intercepted". */
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

export class Marionette {
  readonly #socket: Socket;
  #buffer = Buffer.alloc(0);
  #nextId = 0;
  readonly #waiting = new Map<
    number,
    { resolve: (r: Reply) => void; reject: (e: Error) => void }
  >();
  #closed: Error | undefined;

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
    // Firefox gone (crashed, killed): every command still waiting fails instead of hanging.
    socket.on('close', () => client.#fail(new MarionetteError('closed', 'Marionette closed')));
    socket.on('error', (error) => client.#fail(error));
    await greeted;
    return client;
  }

  #greeted: (() => void) | undefined;

  #fail(error: Error): void {
    this.#closed ??= error;
    for (const { reject } of this.#waiting.values()) reject(error);
    this.#waiting.clear();
  }

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
      if (!reply.success) {
        // The only message that is not a reply: the greeting, {applicationType, marionetteProtocol}.
        this.#greeted?.();
        continue;
      }
      const waiting = this.#waiting.get(reply.data[1]);
      this.#waiting.delete(reply.data[1]);
      waiting?.resolve(reply.data);
    }
  }

  /** Sends a command; its result, or a MarionetteError with Firefox's message. */
  async send(command: string, params: Record<string, unknown> = {}): Promise<unknown> {
    if (this.#closed) throw this.#closed;
    this.#nextId += 1;
    const id = this.#nextId;
    const body = JSON.stringify([0, id, command, params]);
    const reply = new Promise<Reply>((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
    });
    this.#socket.write(`${Buffer.byteLength(body)}:${body}`);
    const [, , error, result] = await reply;
    if (error)
      throw new MarionetteError(error.error, `${command}: ${error.error}: ${error.message}`);
    return result;
  }

  /**
   * Runs `script`, the body of an async function that reads its arguments from `args`, in
   * the current context (content or chrome), and returns its value as `schema` reads it.
   */
  async evaluate<T>(
    schema: z.ZodType<T>,
    script: string,
    args: readonly unknown[] = [],
  ): Promise<T> {
    const result = await this.send('WebDriver:ExecuteAsyncScript', {
      script: `const done = arguments[arguments.length - 1];
        const args = Array.from(arguments).slice(0, -1);
        (async () => { ${script} })()
          .then(done, (error) => done({ scriptError: String(error) }));`,
      args,
    });
    const { value } = ScriptResultSchema.parse(result);
    const thrown = ScriptErrorSchema.safeParse(value);
    if (thrown.success) throw new MarionetteError('script error', thrown.data.scriptError);
    return schema.parse(value);
  }

  close(): void {
    this.#socket.destroy();
  }
}
