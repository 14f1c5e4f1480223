/** The console's top-level sections, in navigation order (labels: the `nav.sections` messages); the e2e tests check that all of them are reachable. */
export const consoleSections = [
  { href: '/dashboard', key: 'dashboard' },
  { href: '/live', key: 'live' },
  { href: '/pipelines', key: 'pipelines' },
  { href: '/cameras', key: 'cameras' },
  { href: '/algorithms', key: 'algorithms' },
  { href: '/alarms', key: 'alarms' },
  { href: '/training', key: 'training' },
  { href: '/workflows', key: 'workflows' },
  { href: '/settings', key: 'settings' },
] as const;
