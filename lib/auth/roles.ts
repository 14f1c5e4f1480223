export const roles = ['viewer', 'operator', 'admin'] as const;
export type Role = (typeof roles)[number];

/** viewer reads; operator also changes cameras, algorithms, pipelines and alarms; admin also users and settings. */
export function roleAtLeast(actual: Role, required: Role): boolean {
  return roles.indexOf(actual) >= roles.indexOf(required);
}
