/** Settings v1 → v2: `historyCap` arrived; v1 kept every session, and so does 0. */
export const version = 2;

export function migrate(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? { historyCap: 0, ...value } : value;
}
