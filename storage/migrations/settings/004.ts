/** Settings v3 → v4: `reminderMinutes` arrived; an hour before expiry, as for a new user. */
export const version = 4;

export function migrate(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? { reminderMinutes: 60, ...value } : value;
}
