import type { Annotations } from '../lib/media/draw-annotations';
import type { TrackedObject } from '../lib/analysis/tracked-object';
import type { AnalyzerSpec, SinkSpec } from '../lib/pipeline/pipeline-spec';
import type { AnalyzerRestreamSpec } from './analyzer-run-spec';

/**
 * Folds an analyzer's restream sinks into one stream (the media server gets one encode per pipeline × camera):
 * the highest bitrate asked for, labels when any sink wants them, each ROI node's regions once when its sink draws
 * regions. Undefined when no algorithm of this camera feeds a restream.
 */
export function planRestream(analyzer: AnalyzerSpec, sinks: readonly SinkSpec[], server: AnalyzerRestreamSpec['server']): AnalyzerRestreamSpec | undefined {
  const configs = new Map(sinks.flatMap((sink) => (sink.type === 'restream' ? [[sink.nodeId, sink.config] as const] : [])));
  const feeding = analyzer.algorithms.filter((algorithm) => algorithm.restreams.some((entry) => configs.has(entry.sinkNodeId)));
  const first = feeding[0];
  if (!first) return undefined;
  let maxBitrateKbps = 0;
  let drawLabels = false;
  const regions = new Map<string, AnalyzerRestreamSpec['regions']>();
  for (const algorithm of feeding) {
    for (const entry of algorithm.restreams) {
      const config = configs.get(entry.sinkNodeId);
      if (!config) continue;
      maxBitrateKbps = Math.max(maxBitrateKbps, config.bitrateKbps);
      drawLabels ||= config.drawLabels;
      // An ROI node feeding several sinks is drawn once.
      if (config.drawRegions && entry.roiNodeId && !regions.has(entry.roiNodeId)) regions.set(entry.roiNodeId, entry.regions);
    }
  }
  return {
    server,
    algorithmId: first.algorithmId,
    maxBitrateKbps,
    drawLabels,
    algorithmNodeIds: feeding.map((algorithm) => algorithm.algorithmNodeId),
    regions: [...regions.values()].flat(),
  };
}

/** What one processed frame shows: the tracked objects of the algorithms feeding the restream, over its regions. */
export function restreamAnnotations(plan: AnalyzerRestreamSpec, objects: ReadonlyMap<string, readonly TrackedObject[]>): Annotations {
  return {
    objects: plan.algorithmNodeIds.flatMap((nodeId) => (objects.get(nodeId) ?? []).map((object) => ({ box: object.box, label: object.label, score: object.score, trackId: object.trackId }))),
    rois: plan.regions,
  };
}
