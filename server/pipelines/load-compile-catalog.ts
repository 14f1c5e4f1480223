import type { Db } from '../../db/connect';
import type { AlgorithmManifest } from '../../lib/algorithms/manifest-schema';
import type { CompileCatalog } from '../../lib/pipeline/pipeline-spec';

/** Ids a (possibly invalid) graph mentions, read loosely: the compiler reports what is malformed. */
function mentionedIds(graph: unknown, key: 'cameraId' | 'algorithmId'): string[] {
  const nodes = typeof graph === 'object' && graph !== null ? (graph as { nodes?: unknown }).nodes : undefined;
  if (!Array.isArray(nodes)) return [];
  return nodes.map((node) => (node as { data?: Record<string, unknown> } | null)?.data?.[key]).filter((id): id is string => typeof id === 'string');
}

/** The cameras and algorithms a graph refers to, as the compiler needs them. */
export async function loadCompileCatalog(db: Db, graph: unknown): Promise<CompileCatalog> {
  const cameraIds = [...new Set(mentionedIds(graph, 'cameraId'))];
  const algorithmIds = [...new Set(mentionedIds(graph, 'algorithmId'))];
  const cameras = cameraIds.length ? await db.selectFrom('cameras').select(['id', 'name']).where('id', 'in', cameraIds).execute() : [];
  const algorithms = algorithmIds.length ? await db.selectFrom('algorithms').select(['id', 'name', 'version', 'manifest']).where('id', 'in', algorithmIds).execute() : [];
  return {
    cameras: new Map(cameras.map((camera) => [camera.id, camera])),
    algorithms: new Map(
      algorithms.map((row) => {
        const manifest = JSON.parse(row.manifest) as AlgorithmManifest;
        return [row.id, { id: row.id, name: row.name, version: row.version, labels: manifest.labels, roiTypes: manifest.roiTypes }];
      }),
    ),
  };
}
