import { createTranslator } from 'use-intl';
import { describe, expect, it } from 'vitest';
import { catalogues } from '@/app/_i18n/messages';
import type { PipelineGraph } from '@/lib/pipeline/graph-schema';
import { renderText } from './canvas-text';
import { describeLive as describeLiveText, liveStatusByNode, type NodeLiveStatus } from './live-status';

const english = createTranslator({ locale: 'en', messages: catalogues.en, namespace: 'canvas' });
const chinese = createTranslator({ locale: 'zh-CN', messages: catalogues['zh-CN'], namespace: 'canvas' });
const describeLive = (status: NodeLiveStatus, t = english) => renderText(t, describeLiveText(status));

const graph: PipelineGraph = {
  nodes: [
    { id: 'cam-a', type: 'camera', position: { x: 0, y: 0 }, data: { cameraId: 'cam_1' } },
    { id: 'cam-b', type: 'camera', position: { x: 0, y: 0 }, data: { cameraId: 'cam_2' } },
    { id: 'person-1', type: 'algorithm', position: { x: 0, y: 0 }, data: { algorithmId: 'alg_p' } },
    { id: 'person-2', type: 'algorithm', position: { x: 0, y: 0 }, data: { algorithmId: 'alg_p' } },
  ],
  edges: [],
};

describe('liveStatusByNode', () => {
  it('puts analyzers on their camera node and a shared algorithm server on every node using it', () => {
    const live = liveStatusByNode(graph, [
      { workloadId: 'analyzer-a', kind: 'analyzer', serves: 'cam-a', phase: 'ready', ready: true, restarts: 0, fps: 5 },
      { workloadId: 'analyzer-b', kind: 'analyzer', serves: 'cam-b', phase: 'crash-loop', ready: false, restarts: 3, message: 'exited 1' },
      { workloadId: 'algorithm-p', kind: 'algorithm-server', serves: 'alg_p', phase: 'ready', ready: true, restarts: 1 },
    ]);
    expect(describeLive(live.get('cam-a')!)).toBe('ready · 5 fps');
    expect(describeLive(live.get('cam-b')!)).toBe('crash-loop · 3 restarts');
    expect(describeLive(live.get('person-1')!)).toBe('ready · 1 restart');
    expect(describeLive(live.get('cam-b')!, chinese)).toBe('反复崩溃 · 重启 3 次');
    expect(live.get('person-2')).toEqual(live.get('person-1'));
    expect(liveStatusByNode(graph, undefined).size).toBe(0);
  });
});
