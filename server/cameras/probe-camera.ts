import { performance } from 'node:perf_hooks';
import { AppError, notFound } from '../../lib/errors';
import { joinStreamUrl, splitStreamUrl, type StreamScheme } from '../../lib/cameras/stream-url';
import type { ProbeCameraBody, ProbeResult } from '../../lib/contracts/cameras';
import { FfmpegFailure, runFfmpeg } from '../../media/run-ffmpeg';
import type { AppContext } from '../app-context';
import { openCredentials, type CameraCredentials } from './camera-mapper';
import { buildCameraProbeArgs, readProbeOutput, scrubCredentials } from './probe-args';
import { resolveCredentials } from './resolve-credentials';

interface ProbeTarget {
  /** Without credentials: the only form that is logged or answered. */
  safeUrl: string;
  scheme: StreamScheme;
  credentials: CameraCredentials;
}

/**
 * Test connection: ffprobe the stream within a bounded time and answer codec, size and frame rate, or a 502
 * camera_unreachable whose message says why. Credentials go into ffprobe's input only, never into logs or answers.
 */
export async function probeCamera(app: AppContext, body: ProbeCameraBody): Promise<ProbeResult> {
  const target = await resolveProbeTarget(app, body);
  const started = performance.now();
  const timeoutSeconds = body.timeoutSeconds;
  try {
    const args = buildCameraProbeArgs(joinStreamUrl(target.safeUrl, target.credentials), target.scheme, timeoutSeconds);
    // A little past the socket timeout so that ffprobe's own, clearer message usually wins.
    const output = await runFfmpeg(args, { timeoutMs: timeoutSeconds * 1000 + 2000, binary: 'ffprobe', maxOutputBytes: 1024 * 1024 });
    const video = readProbeOutput(output.toString('utf8'));
    if (!video) throw new Error('the stream has no video');
    const elapsedMs = Math.round(performance.now() - started);
    app.logger.info({ cameraId: body.cameraId, streamUrl: target.safeUrl, ...video, elapsedMs }, 'camera probed');
    return { streamUrl: target.safeUrl, ...video, elapsedMs };
  } catch (error) {
    const raw = error instanceof FfmpegFailure && error.reason === 'timeout' ? `no answer within ${timeoutSeconds} s` : error instanceof Error ? error.message : String(error);
    const reason = scrubCredentials(raw, target.credentials);
    app.logger.warn({ cameraId: body.cameraId, streamUrl: target.safeUrl, reason }, 'camera probe failed');
    throw new AppError('camera_unreachable', `No video from ${target.safeUrl}: ${reason}`);
  }
}

/** A typed URL uses the credentials typed with it over the stored ones of the camera being edited; a camera alone, its own. */
async function resolveProbeTarget(app: AppContext, body: ProbeCameraBody): Promise<ProbeTarget> {
  const stored = body.cameraId ? await storedCamera(app, body.cameraId) : undefined;
  if (body.streamUrl !== undefined) {
    const { split, credentials } = resolveCredentials(body.streamUrl, { username: body.username, password: body.password });
    // As saving would: what is typed replaces, what is left empty keeps the stored value.
    return { safeUrl: split.url, scheme: split.scheme, credentials: { ...stored?.credentials, ...credentials } };
  }
  if (!stored) throw new AppError('validation_failed', 'Invalid request body: streamUrl: give streamUrl or cameraId', [{ path: 'streamUrl', message: 'give streamUrl or cameraId' }]);
  return stored;
}

async function storedCamera(app: AppContext, cameraId: string): Promise<ProbeTarget> {
  const row = await app.db.selectFrom('cameras').select(['stream_url', 'credentials_encrypted']).where('id', '=', cameraId).executeTakeFirst();
  if (!row) throw notFound('Camera', cameraId);
  const split = splitStreamUrl(row.stream_url);
  if (!split.ok) throw new AppError('validation_failed', `Camera ${cameraId} has an invalid stream URL: ${split.message}`);
  return { safeUrl: split.value.url, scheme: split.value.scheme, credentials: openCredentials(app.secrets, row.credentials_encrypted) ?? {} };
}
