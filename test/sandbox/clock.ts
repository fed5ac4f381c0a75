/** The sandbox's notion of "now", which tests can pin to expire sessions without waiting. */
export interface Clock {
  /** Unix milliseconds, a whole number. */
  now(): number;
  /** Pins the clock to `ms`; `undefined` returns to the configured source. */
  set(ms: number | undefined): void;
}

export function createClock(source: () => number): Clock {
  let pinned: number | undefined;
  return {
    now: () => Math.floor(pinned ?? source()),
    set: (ms) => {
      if (ms !== undefined && !Number.isFinite(ms)) {
        throw new TypeError(`Sandbox clock must be a finite number, got ${ms}`);
      }
      pinned = ms;
    },
  };
}
