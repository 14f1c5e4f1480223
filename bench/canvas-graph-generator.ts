import type { PipelineGraph } from '../lib/pipeline/graph-schema';

/**
 * `chains` copies of camera → algorithm → roi → rule → callback (5 nodes, 4 edges each), laid out in rows,
 * all referring to one camera and one algorithm: a valid graph the compiler must walk end to end.
 */
export function generateChainGraph(chains: number, refs: { cameraId: string; algorithmId: string }): PipelineGraph {
  const graph: PipelineGraph = { nodes: [], edges: [] };
  const region = { id: 'r1', name: 'Area 1', kind: 'polygon' as const, points: [[0.1, 0.1], [0.9, 0.1], [0.9, 0.9]] as [number, number][] };
  for (let index = 0; index < chains; index += 1) {
    const y = index * 110;
    const id = (type: string) => `${type}-${index + 1}`;
    graph.nodes.push(
      { id: id('camera'), type: 'camera', position: { x: 0, y }, data: { cameraId: refs.cameraId, fps: 5, width: 640, height: 360 } },
      { id: id('algorithm'), type: 'algorithm', position: { x: 240, y }, data: { algorithmId: refs.algorithmId, params: {}, minScore: 0.3 } },
      { id: id('roi'), type: 'roi', position: { x: 480, y }, data: { regions: [region], anchor: 'bottom-center' } },
      { id: id('rule'), type: 'rule', position: { x: 720, y }, data: { alarmType: 'intrusion', labels: ['person'], minScore: 0.5, dwellSeconds: 0, cooldownSeconds: 30, minCount: 1 } },
      { id: id('callback'), type: 'callback', position: { x: 960, y }, data: { url: 'http://127.0.0.1:9/hook', timeoutSeconds: 10 } },
    );
    const link = (source: string, sourceHandle: string, target: string, targetHandle: string) =>
      graph.edges.push({ id: `e-${source}.${sourceHandle}-${target}.${targetHandle}`, source, target, sourceHandle, targetHandle });
    link(id('camera'), 'video', id('algorithm'), 'video');
    link(id('algorithm'), 'detections', id('roi'), 'detections');
    link(id('roi'), 'detections', id('rule'), 'detections');
    link(id('rule'), 'events', id('callback'), 'events');
  }
  return graph;
}
