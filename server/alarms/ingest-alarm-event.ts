import { AppError } from '../../lib/errors';
import type { AlarmEvent, IngestAlarmEventBody } from '../../lib/contracts/alarms';
import type { AppContext } from '../app-context';
import { startAlarmDeliveries } from '../deliveries/start-alarm-deliveries';
import { getEventHub } from '../realtime/event-hub';
import { recordAlarmEvent } from './record-alarm-event';
import { snapshotPath, writeSnapshot } from './snapshot-store';

/**
 * An analyzer reports an incident transition: store the snapshot, persist the event (idempotent on id +
 * state, analyzers retry), then push it live to websocket clients.
 */
export async function ingestAlarmEvent(app: AppContext, body: IngestAlarmEventBody): Promise<AlarmEvent> {
  const time = new Date(body.event.time);
  let snapshot: AlarmEvent['snapshot'];
  let path: string | null = null;
  if (body.snapshotJpegBase64) {
    const jpeg = Buffer.from(body.snapshotJpegBase64, 'base64');
    if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new AppError('validation_failed', 'Invalid request body: snapshotJpegBase64: not a JPEG', [{ path: 'snapshotJpegBase64', message: 'not a JPEG' }]);
    if (!body.snapshotSize) throw new AppError('validation_failed', 'Invalid request body: snapshotSize: required with a snapshot', [{ path: 'snapshotSize', message: 'required with a snapshot' }]);
    path = snapshotPath(app.config.dataDir, body.event.id, body.event.state, time);
    await writeSnapshot(app.config.dataDir, path, jpeg);
    snapshot = { url: `/api/v1/alarms/${body.event.id}/snapshot`, ...body.snapshotSize };
  }
  const event: AlarmEvent = { ...body.event, ...(snapshot ? { snapshot } : {}) };
  await recordAlarmEvent(app.db, event, path);
  const listeners = getEventHub().publish({ channel: 'alarms', type: `alarm.${event.state}`, payload: event });
  app.logger.info({ alarmId: event.id, state: event.state, pipelineId: event.pipeline.id, cameraId: event.camera.id, listeners }, 'alarm event recorded');
  // Callbacks get the alarm once (its start), one delivery per target; re-sent starts are deduplicated there.
  if (event.state === 'start' && body.sinkNodeIds?.length) void (await startAlarmDeliveries(app, event, body.sinkNodeIds)).started;
  return event;
}
