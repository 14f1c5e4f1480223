'use client';

import { Background, Controls, MiniMap, ReactFlow, type OnBeforeDelete } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo, type RefObject } from 'react';
import { useTranslations } from 'use-intl';
import type { CompileError } from '@/lib/pipeline/compile-error';
import type { PipelineFlowEdge, PipelineFlowNode } from '../_lib/flow-graph';
import type { CanvasActions } from '../_hooks/use-canvas-actions';
import type { GraphHistory } from '../_hooks/use-graph-history';
import { pipelineNodeTypes } from './pipeline-node';

const deleteKeys = ['Delete', 'Backspace'];
const directionKeys = { up: true, down: true, left: true, right: true };
// The minimap redraws every node on every drag step: on big graphs it costs more than it helps (bench/canvas-200-nodes.ts).
const minimapLimit = 80;
const minimapColour = (node: PipelineFlowNode) => ({ camera: '#58a6ff', algorithm: '#3fb950', roi: '#3fb950', rule: '#d29922' })[node.type as string] ?? '#f778ba';

interface EditorCanvasProps {
  history: GraphHistory;
  actions: CanvasActions;
  errors: CompileError[];
  canvasRef: RefObject<HTMLDivElement | null>;
  /** Off while a modal is open: React Flow listens for Delete on the whole document. */
  keyboardEnabled: boolean;
  /** Fit only a graph that exists at load: on an empty canvas the first drop would re-centre the view. */
  fitOnLoad: boolean;
}

/** The React Flow surface: nodes and edges from the history, every change routed through it. */
export function EditorCanvas({ history, actions, errors, canvasRef, keyboardEnabled, fitOnLoad }: EditorCanvasProps) {
  const t = useTranslations('canvas.canvas');
  const flowText = useTranslations('canvas.flow');
  // React Flow's own screen-reader texts, in the reader's language.
  const ariaLabelConfig = useMemo(
    () => ({
      'node.a11yDescription.default': flowText('nodeHelp'),
      'node.a11yDescription.keyboardDisabled': flowText('nodeHelpKeyboard'),
      'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }: { direction: string; x: number; y: number }) =>
        flowText('nodeMoved', { direction: direction in directionKeys ? flowText(`directions.${direction as keyof typeof directionKeys}`) : direction, x: String(x), y: String(y) }),
      'edge.a11yDescription.default': flowText('edgeHelp'),
      'controls.ariaLabel': flowText('controls'),
      'controls.zoomIn.ariaLabel': flowText('zoomIn'),
      'controls.zoomOut.ariaLabel': flowText('zoomOut'),
      'controls.fitView.ariaLabel': flowText('fitView'),
      'controls.interactive.ariaLabel': flowText('interactive'),
      'minimap.ariaLabel': t('overview'),
      'handle.ariaLabel': flowText('handle'),
    }),
    [flowText, t],
  );
  const { graph, checkpoint, onNodesChange, onEdgesChange } = history;
  const faultyEdges = useMemo(() => new Set(errors.flatMap((error) => (error.edgeId ? [error.edgeId] : []))), [errors]);
  const edges = useMemo(
    () => graph.edges.map((edge): PipelineFlowEdge => (faultyEdges.has(edge.id) ? { ...edge, className: 'edge-error', ariaLabel: t('faultyEdge', { source: edge.source, target: edge.target }) } : edge)),
    [graph.edges, faultyEdges, t],
  );
  const onBeforeDelete: OnBeforeDelete<PipelineFlowNode, PipelineFlowEdge> = async () => {
    checkpoint();
    return true;
  };
  return (
    <div className="editor-canvas" ref={canvasRef} onDrop={actions.onDrop} onDragOver={actions.onDragOver}>
      <ReactFlow<PipelineFlowNode, PipelineFlowEdge>
        nodes={graph.nodes}
        edges={edges}
        nodeTypes={pipelineNodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={actions.connect}
        onConnectEnd={actions.onConnectEnd}
        isValidConnection={actions.isValidConnection}
        onNodeDragStart={() => checkpoint()}
        onBeforeDelete={onBeforeDelete}
        deleteKeyCode={keyboardEnabled ? deleteKeys : null}
        colorMode="dark"
        fitView={fitOnLoad}
        fitViewOptions={{ maxZoom: 1.1 }}
        minZoom={0.1}
        defaultEdgeOptions={{ type: 'smoothstep' }}
        aria-label={t('label')}
        ariaLabelConfig={ariaLabelConfig}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={20} />
        <Controls showInteractive={false} />
        {graph.nodes.length <= minimapLimit ? <MiniMap pannable zoomable nodeColor={minimapColour} ariaLabel={t('overview')} style={{ width: 140, height: 90 }} /> : null}
      </ReactFlow>
    </div>
  );
}
