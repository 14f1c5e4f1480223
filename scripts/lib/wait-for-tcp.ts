import { connect } from 'node:net';
import { pollUntil, type PollOptions } from './poll-until';

/** True when something accepts a TCP connection on host:port within timeoutMs. */
export function isTcpReachable(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const finish = (reachable: boolean) => {
      socket.destroy();
      resolve(reachable);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}

export function waitForTcp(host: string, port: number, options: PollOptions): Promise<void> {
  return pollUntil(`TCP ${host}:${port}`, () => isTcpReachable(host, port), options);
}
