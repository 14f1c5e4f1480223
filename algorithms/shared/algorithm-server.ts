import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { z } from 'zod';
import type { Logger } from '../../server/logger';
import { decodeFrame } from './decode-frame';
import type { Detector } from './detector.port';
import { toEvResponse } from './ev-response';
import { InferenceQueue } from './inference-queue';
import { parseParams } from './parse-params';
import { readBody } from './read-body';
import { RequestError } from './request-error';
import { sendError, sendJson } from './send-json';
import { readStreamId } from './stream-id';

export interface AlgorithmServerOptions {
  queueSize: number;
  maxBodyBytes: number;
  logger: Logger;
}

/** The HTTP contract of DESIGN.md §4.1 around one detector; it listens before the model loads so /readyz can say 503. */
export class AlgorithmServer {
  readonly server: Server;
  private detector: Detector | undefined;
  private ready = false;
  private stopping = false;
  private readonly queue: InferenceQueue;

  constructor(private readonly options: AlgorithmServerOptions) {
    this.queue = new InferenceQueue(options.queueSize);
    this.server = createServer((request, response) => void this.handle(request, response));
  }

  /** The detector is known (its info can be served) before its model is loaded. */
  setDetector(detector: Detector): void {
    this.detector = detector;
  }

  markReady(): void {
    this.ready = true;
  }

  /** Stops accepting connections and waits for accepted inferences to finish. */
  async close(): Promise<void> {
    this.ready = false;
    this.stopping = true;
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeIdleConnections();
    await this.queue.drained();
    this.server.closeIdleConnections();
    await closed;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url ?? '/').split('?')[0];
    try {
      const route = this.routes[`${request.method} ${path}`];
      if (route) return await route(request, response);
      if (Object.keys(this.routes).some((key) => key.endsWith(` ${path}`))) {
        throw new RequestError(405, 'method_not_allowed', `${request.method} is not allowed on ${path}`);
      }
      throw new RequestError(404, 'not_found', `no route ${request.method} ${path}; see DESIGN.md §4.1: /healthz, /readyz, /v1/info, POST /v1/infer`);
    } catch (error) {
      if (error instanceof RequestError) {
        this.options.logger.info({ path, status: error.status, code: error.code, message: error.message }, 'request refused');
        return sendError(response, error);
      }
      this.options.logger.error({ err: error, path }, 'request failed');
      sendError(response, new RequestError(500, 'internal', `the algorithm failed: ${(error as Error).message}`));
    }
  }

  private readonly routes: Record<string, (request: IncomingMessage, response: ServerResponse) => Promise<void> | void> = {
    'GET /healthz': (_request, response) => sendJson(response, 200, { status: 'alive' }),
    'GET /readyz': (_request, response) =>
      this.ready ? sendJson(response, 200, { status: 'ready' }) : sendJson(response, 503, { status: this.stopping ? 'stopping' : 'loading' }, { 'retry-after': '1' }),
    'GET /v1/info': (_request, response) => {
      const detector = this.requireDetector();
      sendJson(response, 200, { ...detector.info, params: z.toJSONSchema(detector.paramsSchema, { io: 'input' }) });
    },
    'POST /v1/infer': (request, response) => this.infer(request, response),
  };

  private requireDetector(): Detector {
    if (!this.detector) throw new RequestError(503, 'starting', 'the algorithm is starting; retry shortly');
    return this.detector;
  }

  private async infer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const detector = this.requireDetector();
    if (this.stopping) throw new RequestError(503, 'shutting_down', 'the algorithm server is shutting down; send to another replica');
    if (!this.ready) throw new RequestError(503, 'model_loading', 'the model is still loading (see GET /readyz); retry shortly');
    const streamId = readStreamId(request.headers['x-stream-id']);
    const params = parseParams(request.headers['x-params'], detector.paramsSchema);
    // Refuse before reading the body when nothing more may wait.
    this.queue.ensureRoom();
    const body = await readBody(request, this.options.maxBodyBytes);
    const result = await this.queue.run(async () => {
      const started = performance.now();
      const frame = await decodeFrame(request.headers, body);
      const decoded = performance.now();
      const objects = await detector.detect(frame, params, { streamId });
      return { frame, objects, decodeMs: decoded - started, inferMs: performance.now() - decoded };
    });
    const { frame, objects, decodeMs, inferMs } = result;
    this.options.logger.debug({ streamId, width: frame.width, height: frame.height, objects: objects.length, decodeMs, inferMs }, 'inferred');
    sendJson(response, 200, toEvResponse(objects, frame), { 'server-timing': `decode;dur=${decodeMs.toFixed(2)}, infer;dur=${inferMs.toFixed(2)}` });
  }
}
