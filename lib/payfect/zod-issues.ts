import type { z } from 'zod/mini';
import type { FieldError } from './errors';

type Issue = z.core.$ZodIssue;

function pathOf(issue: Issue): string {
  return issue.path.map(String).join('.');
}

/** Issues grouped by dotted path; issues about the whole value go to `messages`. */
export function fieldErrorsFromIssues(issues: readonly Issue[]): {
  fields: FieldError[];
  messages: string[];
} {
  const byPath = new Map<string, string[]>();
  for (const issue of issues) {
    const path = pathOf(issue);
    byPath.set(path, [...(byPath.get(path) ?? []), issue.message]);
  }
  const messages = byPath.get('') ?? [];
  byPath.delete('');
  return { fields: [...byPath].map(([path, list]) => ({ path, messages: list })), messages };
}

/** The distinct field paths named by issues (at most `limit`), for a short reason. */
export function issuePaths(issues: readonly Issue[], limit = 5): string[] {
  const paths = [...new Set(issues.map(pathOf))];
  return paths.slice(0, limit);
}
