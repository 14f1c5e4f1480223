import type { Selectable } from 'kysely';
import type { AlarmsTable } from '../../db/schema';
import type { Alarm, AlarmEvent } from '../../lib/contracts/alarms';

/** An alarm row with the labelling user's name joined in (null when nobody labelled it or the user is gone). */
export type AlarmRow = Selectable<AlarmsTable> & { labeled_by_username?: string | null };

export function toAlarm(row: AlarmRow): Alarm {
  return {
    id: row.id,
    pipelineId: row.pipeline_id,
    pipelineRevision: row.pipeline_revision,
    cameraId: row.camera_id,
    algorithmId: row.algorithm_id,
    type: row.type,
    state: row.state,
    startedAt: row.started_at,
    updatedAt: row.updated_at,
    endedAt: row.ended_at,
    label: row.label,
    labeledBy: row.labeled_by ? { id: row.labeled_by, username: row.labeled_by_username ?? null } : null,
    labeledAt: row.labeled_at,
    event: JSON.parse(row.event) as AlarmEvent,
  };
}
