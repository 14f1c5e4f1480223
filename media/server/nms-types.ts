import type { Server as HttpServer } from 'node:http';
import type { Server as NetServer } from 'node:net';

// The parts of node-media-server 4.4 (untyped CommonJS) this adapter touches; nothing outside media/server sees them.
export interface NmsSession {
  id: string;
  ip: string;
  protocol: string;
  streamPath: string;
  createTime: number;
  videoCodec: number;
  videoWidth: number;
  videoHeight: number;
  videoFramerate: number;
  inBytes: number;
  outBytes: number;
}

export interface NmsBroadcast {
  publisher: NmsSession | null;
  subscribers: Map<string, NmsSession>;
  getPublishStatus(): 'publishing' | 'reconnecting' | 'idle';
}

export interface NmsConfig {
  bind: string;
  rtmp: { port: number };
  http: { port: number };
  record: { auto: boolean; path: string };
  store: { path: string };
  webadmin: { enable: boolean };
}

export interface NmsInstance {
  run(): Promise<void>;
  stop(): Promise<void>;
  on(event: 'postPublish' | 'donePublish' | 'postPlay' | 'donePlay', listener: (session: NmsSession) => void): void;
  httpServer: { httpServer?: HttpServer };
  rtmpServer: { tcpServer?: NetServer };
}

export interface NmsModules {
  NodeMediaServer: new (config: NmsConfig) => NmsInstance;
  context: { broadcasts: Map<string, NmsBroadcast> };
  logger: { log(message: string, level?: string): void; level: string };
  rateSampler: { getStreamRates(path: string): { inBps: number; outBps: number } };
}
