export interface DevServerSettings {
  host: string;
  port: number;
  uiPort: number;
  dbFile: string;
  namespace: string;
}

/** Arguments for `temporal server start-dev`: state in a SQLite file under the data dir, the Web UI on uiPort. */
export function buildDevServerArgs(settings: DevServerSettings): string[] {
  const args = [
    'server',
    'start-dev',
    '--ip',
    settings.host,
    '--port',
    String(settings.port),
    '--ui-port',
    String(settings.uiPort),
    '--db-filename',
    settings.dbFile,
    // The machine may be offline; the UI's news feed would only fail.
    '--ui-disable-news-fetch',
    // Its warnings (cluster-id notices, pollers closing at shutdown) are noise in a shared terminal.
    '--log-level',
    'error',
  ];
  // "default" always exists; any other namespace must be created at launch.
  if (settings.namespace !== 'default') args.push('--namespace', settings.namespace);
  return args;
}
