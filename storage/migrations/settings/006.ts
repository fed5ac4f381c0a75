/**
 * Settings v5 → v6: a profile may hold `confirmedKeyOrigin`, the host other than the live API
 * and loopback the user agreed to send its key to. Nothing before v6 asked, so no profile
 * comes out with one (whatever a damaged item holds): a profile on the live API or the
 * sandbox needs none, and one on any other host is asked again in Settings before its key
 * goes there.
 */
export const version = 6;

export function migrate(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const profiles: unknown = (value as { profiles?: unknown }).profiles;
  if (!Array.isArray(profiles)) return value;
  return {
    ...value,
    profiles: profiles.map((profile: unknown) => {
      if (typeof profile !== 'object' || profile === null) return profile;
      const unasked: Record<string, unknown> = { ...profile };
      delete unasked.confirmedKeyOrigin;
      return unasked;
    }),
  };
}
