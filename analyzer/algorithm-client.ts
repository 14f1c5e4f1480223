import { detectionsFromEv, evOutputSchema } from '../lib/contracts/ev-output';
import type { Detection } from '../lib/analysis/tracked-object';

export class InferenceError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'InferenceError';
  }
}

export interface InferenceResult {
  detections: Detection[];
  /** The algorithm decided an alarm itself (EV `is_alert`). */
  isAlert: boolean;
  latencyMs: number;
}

/** Calls an algorithm server's POST /v1/infer with a raw RGB24 frame (DESIGN.md §4.1). */
export function createAlgorithmClient(options: { baseUrl: string; timeoutMs: number; params: Record<string, unknown>; streamId: string }) {
  const paramsHeader = JSON.stringify(options.params);
  return {
    async infer(frame: { data: Buffer; width: number; height: number }): Promise<InferenceResult> {
      const started = performance.now();
      let response: Response;
      try {
        response = await fetch(`${options.baseUrl}/v1/infer`, {
          method: 'POST',
          headers: {
            'content-type': 'application/octet-stream',
            'x-frame-width': String(frame.width),
            'x-frame-height': String(frame.height),
            'x-params': paramsHeader,
            'x-stream-id': options.streamId,
          },
          // A view, not a copy (0.7 MB per frame); frames come from ffmpeg's pipe, never a SharedArrayBuffer.
          body: new Uint8Array(frame.data.buffer as ArrayBuffer, frame.data.byteOffset, frame.data.byteLength),
          signal: AbortSignal.timeout(options.timeoutMs),
        });
      } catch (error) {
        throw new InferenceError(`algorithm server unreachable: ${(error as Error).message}`, true);
      }
      const text = await response.text();
      if (!response.ok) throw new InferenceError(`algorithm server answered ${response.status}: ${text.slice(0, 200)}`, response.status >= 500 || response.status === 429);
      const parsed = evOutputSchema.safeParse(JSON.parse(text));
      if (!parsed.success) throw new InferenceError(`algorithm server answered outside the EV output protocol: ${parsed.error.issues[0]?.message ?? ''}`, false);
      return { detections: detectionsFromEv(parsed.data), isAlert: parsed.data.algorithm_data.is_alert, latencyMs: performance.now() - started };
    },
  };
}
