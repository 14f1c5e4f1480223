import type { AlarmEvent } from '../../lib/contracts/alarms';
import type { Db } from '../../db/connect';

/**
 * Stores an alarm event: `start` creates the alarm row, `update`/`end` move it on (one row per incident).
 * Idempotent on (id, state) so that a re-sent event is harmless (senders retry).
 */
export async function recordAlarmEvent(db: Db, event: AlarmEvent, snapshotPath: string | null): Promise<void> {
  const time = new Date(event.time).toISOString();
  const existing = await db.selectFrom('alarms').select(['id', 'state', 'event']).where('id', '=', event.id).executeTakeFirst();
  if (!existing) {
    await db
      .insertInto('alarms')
      .values({
        id: event.id,
        pipeline_id: event.pipeline.id,
        pipeline_revision: event.pipeline.revision,
        camera_id: event.camera.id,
        algorithm_id: event.algorithm.id,
        type: event.type,
        state: event.state,
        started_at: time,
        updated_at: time,
        ended_at: event.state === 'end' ? time : null,
        event: JSON.stringify(event),
        snapshot_path: snapshotPath,
        label: null,
        labeled_by: null,
        labeled_at: null,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    return;
  }
  if (existing.state === 'end') return;
  // Updates come without a picture: the alarm keeps the snapshot it has (the stored file and the event's link to it).
  const previous = (JSON.parse(existing.event) as Partial<AlarmEvent>).snapshot;
  const stored: AlarmEvent = event.snapshot || !previous ? event : { ...event, snapshot: previous };
  await db
    .updateTable('alarms')
    .set({ state: event.state, updated_at: time, ended_at: event.state === 'end' ? time : null, event: JSON.stringify(stored), ...(snapshotPath ? { snapshot_path: snapshotPath } : {}) })
    .where('id', '=', event.id)
    .execute();
}
