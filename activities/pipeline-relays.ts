import type { Db } from '../db/connect';
import { joinStreamUrl, splitStreamUrl } from '../lib/cameras/stream-url';
import type { MediaConfig } from '../lib/config/config-schema';
import { relayStreamPath, rtmpStreamUrl } from '../lib/media/stream-paths';
import type { DesiredRelay, RelaySet } from '../media/relay/relay-set';
import { openCredentials } from '../server/cameras/camera-mapper';
import type { SecretBox } from '../server/secrets/secret-box';
import { resolveStreamUrl } from '../server/cameras/resolve-stream-url';

/**
 * The camera relays of deployed pipelines (docs/decisions/0006-camera-relays-in-the-worker.md). The desired set is
 * re-read from the database on every sync (level-triggered: a restarted worker rebuilds it on the next health check),
 * plus the cameras of deploys in progress, which the database does not name until the deploy is recorded.
 */
export interface PipelineRelays {
  /** Where an analyzer of this camera reads: its relay for network cameras, the camera itself otherwise. */
  streamUrl(cameraId: string): Promise<string>;
  /** Keeps these cameras relayed while a deploy of this revision is in progress (until recorded, or 15 min). */
  claim(pipelineId: string, revision: number, cameraIds: readonly string[]): void;
  /** The pipeline's state was recorded in the database, which now names its cameras (or none). */
  release(pipelineId: string): void;
  /** Makes the running relays equal to the desired set. Calls are serialised, each reading the latest state. */
  sync(): Promise<void>;
}

export interface PipelineRelayDeps {
  db: Db;
  secrets: SecretBox;
  config: { media: MediaConfig };
  /** Absent (or a media server of 'none'): no relays; analyzers open their cameras directly. */
  relays?: RelaySet;
}

// Longer than the deploy activity's start-to-close timeout (10 min): a claim outlives any deploy that holds it.
const claimLifetimeMs = 15 * 60_000;
// Schemes that open a connection to a device with a client limit; files have none and are read directly.
const relayedSchemes = new Set(['rtsp', 'rtsps', 'rtmp', 'rtmps', 'http', 'https']);

export function isRelayedStream(url: string): boolean {
  const split = splitStreamUrl(url);
  return split.ok && relayedSchemes.has(split.value.scheme);
}

/** Camera ids of a saved pipeline graph (JSON), without compiling it. */
export function cameraIdsOfGraph(graph: string): string[] {
  const parsed = JSON.parse(graph) as { nodes?: Array<{ type?: unknown; data?: { cameraId?: unknown } }> };
  return (parsed.nodes ?? []).flatMap((node) => (node.type === 'camera' && typeof node.data?.cameraId === 'string' ? [node.data.cameraId] : []));
}

/** Reads its deps on use, not on creation: the worker without a runtime hands over a stand-in that refuses. */
export function createPipelineRelays(deps: PipelineRelayDeps, now: () => number = Date.now): PipelineRelays {
  const active = () => (deps.config.media.server === 'none' ? undefined : deps.relays);
  const claims = new Map<string, { pipelineId: string; cameraIds: readonly string[]; until: number }>();
  let queue: Promise<void> = Promise.resolve();

  async function desiredCameraIds(): Promise<Set<string>> {
    const ids = new Set<string>();
    const running = await deps.db.selectFrom('pipelines').select(['id', 'deployed_revision', 'latest_revision']).where('desired_state', '=', 'running').execute();
    for (const pipeline of running) {
      const saved = await deps.db
        .selectFrom('pipeline_revisions')
        .select(['graph'])
        .where('pipeline_id', '=', pipeline.id)
        .where('revision', '=', pipeline.deployed_revision ?? pipeline.latest_revision)
        .executeTakeFirst();
      if (saved) for (const id of cameraIdsOfGraph(saved.graph)) ids.add(id);
    }
    for (const [key, claim] of claims) {
      if (claim.until < now()) claims.delete(key);
      else for (const id of claim.cameraIds) ids.add(id);
    }
    return ids;
  }

  async function syncNow(set: RelaySet): Promise<void> {
    const ids = [...(await desiredCameraIds())];
    const rows = ids.length ? await deps.db.selectFrom('cameras').select(['id', 'stream_url', 'credentials_encrypted']).where('id', 'in', ids).execute() : [];
    const desired: DesiredRelay[] = rows
      .filter((row) => isRelayedStream(row.stream_url))
      .map((row) => ({ cameraId: row.id, sourceUrl: joinStreamUrl(row.stream_url, openCredentials(deps.secrets, row.credentials_encrypted)) }))
      .sort((a, b) => a.cameraId.localeCompare(b.cameraId));
    await set.sync(desired);
  }

  return {
    async streamUrl(cameraId) {
      const source = await resolveStreamUrl(deps, cameraId);
      const { internalHost, rtmpPort } = deps.config.media;
      return active() && isRelayedStream(source) ? rtmpStreamUrl({ host: internalHost, rtmpPort }, relayStreamPath(cameraId)) : source;
    },
    claim(pipelineId, revision, cameraIds) {
      claims.set(`${pipelineId}:r${revision}`, { pipelineId, cameraIds, until: now() + claimLifetimeMs });
    },
    release(pipelineId) {
      for (const [key, claim] of claims) if (claim.pipelineId === pipelineId) claims.delete(key);
    },
    sync() {
      const relays = active();
      if (!relays) return Promise.resolve();
      // Serialised: two overlapping syncs could otherwise start a camera's new relay before its old one has left the path.
      const next = queue.then(() => syncNow(relays));
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
