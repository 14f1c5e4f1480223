import { splitStreamUrl } from '../../lib/cameras/stream-url';
import type { CameraReason, CameraStatus } from '../../lib/contracts/dashboard';

export interface CameraFacts {
  id: string;
  enabled: boolean;
  streamUrl: string;
}

/** An analyzer of a running pipeline that reads this camera, as its pipeline workflow reported it. */
export interface AnalyzerSighting {
  pipelineId: string;
  ready: boolean;
}

export interface CameraEvidence {
  /** Relay states by camera id; null when the media server did not answer (or there is none). */
  relays: ReadonlyMap<string, 'publishing' | 'reconnecting' | 'idle'> | null;
  /** Analyzers by camera id, from pipelines whose status query answered. */
  analyzers: ReadonlyMap<string, readonly AnalyzerSighting[]>;
  /** Cameras of pipelines that should be running (whether or not their workflows answered). */
  expected: ReadonlySet<string>;
}

// Network cameras are read through their relay (docs/decisions/0006); files are read directly by the analyzer.
const relayedSchemes = new Set(['rtsp', 'rtsps', 'rtmp', 'rtmps', 'http', 'https']);

function isRelayed(streamUrl: string): boolean {
  const split = splitStreamUrl(streamUrl);
  return split.ok && relayedSchemes.has(split.value.scheme);
}

/** A camera's status from what the media server and the pipelines already know: nothing is probed. */
export function classifyCamera(camera: CameraFacts, evidence: CameraEvidence): { status: CameraStatus; reason: CameraReason } {
  if (!camera.enabled) return { status: 'disabled', reason: 'disabled' };
  const relay = evidence.relays?.get(camera.id);
  if (relay === 'publishing') return { status: 'online', reason: 'relay-publishing' };
  const analyzers = evidence.analyzers.get(camera.id) ?? [];
  if (analyzers.some((analyzer) => analyzer.ready)) return { status: 'online', reason: 'analyzer-streaming' };
  if (!evidence.expected.has(camera.id)) return { status: 'unwatched', reason: 'not-in-running-pipeline' };
  if (evidence.relays && isRelayed(camera.streamUrl)) return { status: 'offline', reason: relay ? 'relay-reconnecting' : 'relay-missing' };
  if (analyzers.length > 0) return { status: 'offline', reason: 'analyzer-not-streaming' };
  return { status: 'unknown', reason: 'no-answer' };
}

/** Counts per status, every status present (zero when none). */
export function countByStatus<S extends string>(values: readonly S[], all: readonly S[]): Record<S, number> {
  const counts = Object.fromEntries(all.map((status) => [status, 0])) as Record<S, number>;
  for (const value of values) counts[value] += 1;
  return counts;
}
