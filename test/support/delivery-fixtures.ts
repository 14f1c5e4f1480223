import type { Db } from '../../db/connect';
import type { AlarmEvent } from '../../lib/contracts/alarms';

/** The callback policy refuses loopback by default; tests and benches deliver to a receiver on 127.0.0.1. */
export async function allowLoopbackCallbacks(db: Db): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key: 'callbackPolicy', value: JSON.stringify({ allowPrivateNetworks: false, allowList: ['127.0.0.1'], denyList: [] }), updated_at: new Date().toISOString(), updated_by: null })
    .execute();
}

/** A deployed pipeline whose revision 1 holds one callback node pointing at `url` (alarms name it in sinkNodeIds). */
export async function seedCallbackPipeline(db: Db, options: { pipelineId: string; name: string; nodeId: string; url: string; timeoutSeconds: number }): Promise<void> {
  const at = new Date().toISOString();
  await db.insertInto('pipelines').values({ id: options.pipelineId, name: options.name, description: '', latest_revision: 1, deployed_revision: 1, desired_state: 'running', created_at: at, updated_at: at }).execute();
  const graph = { nodes: [{ id: options.nodeId, type: 'callback', position: { x: 0, y: 0 }, data: { url: options.url, timeoutSeconds: options.timeoutSeconds } }], edges: [] };
  await db.insertInto('pipeline_revisions').values({ pipeline_id: options.pipelineId, revision: 1, graph: JSON.stringify(graph), comment: '', created_at: at, created_by: null }).execute();
}

/** A `start` event of an intrusion alarm, as an analyzer would post it. */
export function startEvent(id: string, pipeline: { id: string; name: string }): Omit<AlarmEvent, 'snapshot'> {
  return {
    id,
    version: 1,
    type: 'intrusion',
    state: 'start',
    time: new Date().toISOString(),
    pipeline: { ...pipeline, revision: 1 },
    camera: { id: 'cam_1', name: 'Gate' },
    algorithm: { id: 'alg_1', name: 'person', version: '1.0.0' },
    objects: [{ label: 'person', score: 0.9, box: { x: 1, y: 2, width: 30, height: 60 } }],
  };
}
