import { Client, Connection } from '@temporalio/client';

export interface TemporalClientSettings {
  address: string;
  namespace: string;
  connectTimeoutMs?: number;
}

/** One lazily opened Temporal connection + client per process; a failed attempt is forgotten so the next call retries. */
export interface TemporalClientHolder {
  connection(): Promise<Connection>;
  client(): Promise<Client>;
  close(): Promise<void>;
}

export function createTemporalClient(settings: TemporalClientSettings): TemporalClientHolder {
  let pending: Promise<{ connection: Connection; client: Client }> | undefined;
  const open = () => {
    pending ??= Connection.connect({ address: settings.address, connectTimeout: settings.connectTimeoutMs ?? 3000 }).then(
      (connection) => ({ connection, client: new Client({ connection, namespace: settings.namespace }) }),
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    );
    return pending;
  };
  return {
    connection: async () => (await open()).connection,
    client: async () => (await open()).client,
    async close() {
      const opened = await pending?.catch(() => undefined);
      pending = undefined;
      await opened?.connection.close();
    },
  };
}
