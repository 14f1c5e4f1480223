/** The console's top-level sections, in navigation order; the e2e tests check that all of them are reachable. */
export const consoleSections = [
  { href: '/pipelines', label: 'Pipelines' },
  { href: '/cameras', label: 'Cameras' },
  { href: '/algorithms', label: 'Algorithms' },
  { href: '/alarms', label: 'Alarms' },
  { href: '/training', label: 'Training' },
  { href: '/workflows', label: 'Workflows' },
  { href: '/settings', label: 'Settings' },
] as const;
