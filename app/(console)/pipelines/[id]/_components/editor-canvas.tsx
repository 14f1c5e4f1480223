'use client';

import { Background, Controls, MiniMap, ReactFlow, type OnBeforeDelete } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo, type RefObject } from 'react';
import type { CompileError } from '@/lib/pipeline/compile-error';
import type { PipelineFlowEdge, PipelineFlowNode } from '../_lib/flow-graph';
import type { CanvasActions } from '../_hooks/use-canvas-actions';
import type { GraphHistory } from '../_hooks/use-graph-history';
import { pipelineNodeTypes } from './pipeline-node';

const deleteKeys = ['Delete', 'Backspace'];
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
  const { graph, checkpoint, onNodesChange, onEdgesChange } = history;
  const faultyEdges = useMemo(() => new Set(errors.flatMap((error) => (error.edgeId ? [error.edgeId] : []))), [errors]);
  const edges = useMemo(
    () => graph.edges.map((edge): PipelineFlowEdge => (faultyEdges.has(edge.id) ? { ...edge, className: 'edge-error', ariaLabel: `Edge ${edge.source} to ${edge.target} (has a problem)` } : edge)),
    [graph.edges, faultyEdges],
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
        aria-label="Pipeline canvas"
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={20} />
        <Controls showInteractive={false} />
        {graph.nodes.length <= minimapLimit ? <MiniMap pannable zoomable nodeColor={minimapColour} ariaLabel="Pipeline overview" style={{ width: 140, height: 90 }} /> : null}
      </ReactFlow>
    </div>
  );
}
