/**
 * The history's keys (history:meta, history:chunk:<n>) and their stored values, as every
 * step takes and returns them. A value a step leaves alone keeps its identity and is not
 * written back.
 */
export type StoredHistory = Readonly<Record<string, unknown>>;
