import { AppError } from '../../lib/errors';
import { FfmpegFailure } from '../../media/run-ffmpeg';
import { grabSnapshot } from '../../media/grab-snapshot';
import type { AppContext } from '../app-context';
import { getCamera } from './get-camera';
import { resolveStreamUrl } from './resolve-stream-url';

/** The camera's current frame as JPEG, for drawing regions on; a dead camera is a clear 502, never a hang. */
export async function takeSnapshot(app: AppContext, cameraId: string, timeoutSeconds = 8): Promise<Buffer> {
  const camera = await getCamera(app, cameraId);
  const url = await resolveStreamUrl(app, cameraId);
  try {
    return await grabSnapshot(url, { timeoutSeconds, maxWidth: 1920 });
  } catch (error) {
    const reason = error instanceof FfmpegFailure || error instanceof Error ? error.message : String(error);
    app.logger.warn({ cameraId, streamUrl: camera.streamUrl, reason }, 'snapshot failed');
    throw new AppError('camera_unreachable', `Camera "${camera.name}" gave no frame: ${reason}`);
  }
}
