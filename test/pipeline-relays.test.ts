import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cameraIdsOfGraph, createPipelineRelays, isRelayedStream } from '../activities/pipeline-relays';
import type { MediaConfig } from '../lib/config/config-schema';
import type { DesiredRelay, RelaySet } from '../media/relay/relay-set';
import { sealCredentials } from '../server/cameras/camera-mapper';
import { startTestApp, type TestApp } from './support/test-app';

/** Records what it is asked to run; the real set is exercised by test/media-relay.test.ts and test/pipeline-relay.test.ts. */
function recordingRelaySet(): RelaySet & { last: DesiredRelay[] | undefined; syncs: number } {
  const set = {
    last: undefined as DesiredRelay[] | undefined,
    syncs: 0,
    sync(desired: readonly DesiredRelay[]) {
      set.last = [...desired];
      set.syncs += 1;
      return Promise.resolve();
    },
    get: () => undefined,
    statuses: () => [],
    stopAll: () => Promise.resolve(),
  };
  return set;
}

const graphOn = (...cameraIds: string[]) =>
  JSON.stringify({ nodes: cameraIds.map((cameraId, index) => ({ id: `c${index}`, type: 'camera', position: { x: 0, y: 0 }, data: { cameraId } })), edges: [] });

describe('which cameras are relayed', () => {
  let t: TestApp;
  let media: MediaConfig;
  beforeAll(async () => {
    t = await startTestApp('sqlite');
    media = { ...t.app.config.media, server: 'builtin', internalHost: '127.0.0.1', rtmpPort: 31935 };
    const at = new Date().toISOString();
    const camera = (id: string, url: string, credentials = {}) => ({
      id, name: id, description: '', stream_url: url, credentials_encrypted: sealCredentials(t.app.secrets, credentials), location: '', tags: '[]', enabled: 1, created_at: at, updated_at: at,
    });
    await t.app.db.insertInto('cameras').values([
      camera('cam_door', 'rtsp://10.0.0.5/stream1', { username: 'admin', password: 's3cret' }),
      camera('cam_file', 'file:///videos/gate.mp4'),
      camera('cam_yard', 'http://10.0.0.6/video.flv'),
      camera('cam_dock', 'rtmp://10.0.0.7/live/dock'),
    ]).execute();
    const pipeline = (id: string, state: 'running' | 'stopped', deployed: number | null, latest: number) => ({
      id, name: id, description: '', latest_revision: latest, deployed_revision: deployed, desired_state: state, created_at: at, updated_at: at,
    });
    await t.app.db.insertInto('pipelines').values([pipeline('pip_a', 'running', 1, 2), pipeline('pip_b', 'running', null, 1), pipeline('pip_c', 'stopped', null, 1)]).execute();
    const revision = (pipelineId: string, number: number, graph: string) => ({ pipeline_id: pipelineId, revision: number, graph, comment: '', created_at: at, created_by: null });
    await t.app.db.insertInto('pipeline_revisions').values([
      // pip_a runs revision 1 (door + file); its revision 2 (yard) is not deployed.
      revision('pip_a', 1, graphOn('cam_door', 'cam_file')), revision('pip_a', 2, graphOn('cam_yard')),
      // pip_b asked to run, first deploy not recorded yet: its latest revision counts.
      revision('pip_b', 1, graphOn('cam_door')),
      revision('pip_c', 1, graphOn('cam_dock')),
    ]).execute();
  });
  afterAll(async () => t?.close());

  it('relays network schemes only', () => {
    expect(['rtsp://h/s', 'rtsps://h/s', 'rtmp://h/a/b', 'http://h/v.flv', 'https://h/v.m3u8'].every(isRelayedStream)).toBe(true);
    expect(isRelayedStream('file:///videos/gate.mp4')).toBe(false);
    expect(isRelayedStream('not a url')).toBe(false);
  });

  it('reads camera ids from a saved graph', () => {
    expect(cameraIdsOfGraph(graphOn('cam_a', 'cam_b'))).toEqual(['cam_a', 'cam_b']);
    expect(cameraIdsOfGraph(JSON.stringify({ nodes: [{ id: 'x', type: 'algorithm', data: { cameraId: 'cam_no' } }] }))).toEqual([]);
  });

  it('keeps one relay per network camera of running pipelines, with its credentials, plus the cameras of deploys in progress', async () => {
    const set = recordingRelaySet();
    let now = 1_000_000;
    const relays = createPipelineRelays({ db: t.app.db, secrets: t.app.secrets, config: { media }, relays: set }, () => now);
    await relays.sync();
    // cam_file is read directly; cam_dock's pipeline is stopped; cam_yard is only in an undeployed revision.
    expect(set.last).toEqual([{ cameraId: 'cam_door', sourceUrl: 'rtsp://admin:s3cret@10.0.0.5/stream1' }]);

    // Deploying pip_a revision 2: its camera is relayed before the analyzers start, though the database names revision 1.
    relays.claim('pip_a', 2, ['cam_yard']);
    await relays.sync();
    expect(set.last?.map((relay) => relay.cameraId)).toEqual(['cam_door', 'cam_yard']);
    relays.release('pip_a');
    await relays.sync();
    expect(set.last?.map((relay) => relay.cameraId)).toEqual(['cam_door']);

    // A claim of a deploy that never got recorded (a failed update) lapses.
    relays.claim('pip_c', 1, ['cam_dock']);
    await relays.sync();
    expect(set.last?.map((relay) => relay.cameraId)).toEqual(['cam_dock', 'cam_door']);
    now += 16 * 60_000;
    await relays.sync();
    expect(set.last?.map((relay) => relay.cameraId)).toEqual(['cam_door']);
  });

  it('points analyzers of network cameras at the relay, and of files at the file', async () => {
    const relays = createPipelineRelays({ db: t.app.db, secrets: t.app.secrets, config: { media }, relays: recordingRelaySet() });
    expect(await relays.streamUrl('cam_door')).toBe('rtmp://127.0.0.1:31935/relay/cam_door');
    expect(await relays.streamUrl('cam_file')).toBe('file:///videos/gate.mp4');
  });

  it('runs no relays without a media server: analyzers open their cameras directly', async () => {
    const set = recordingRelaySet();
    const relays = createPipelineRelays({ db: t.app.db, secrets: t.app.secrets, config: { media: { ...media, server: 'none' } }, relays: set });
    await relays.sync();
    expect(set.syncs).toBe(0);
    expect(await relays.streamUrl('cam_door')).toBe('rtsp://admin:s3cret@10.0.0.5/stream1');
  });
});
