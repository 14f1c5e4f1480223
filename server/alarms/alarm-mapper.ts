import type { Selectable } from 'kysely';
import type { AlarmsTable } from '../../db/schema';
import type { Alarm, AlarmEvent } from '../../lib/contracts/alarms';

export function toAlarm(row: Selectable<AlarmsTable>): Alarm {
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
    event: JSON.parse(row.event) as AlarmEvent,
  };
}
