'use client';

import { useReactFlow, type Connection, type Edge, type FinalConnectionState, type XYPosition } from '@xyflow/react';
import { useCallback, useMemo, type DragEvent, type RefObject } from 'react';
import { nodeTypes, type NodeType } from '@/lib/pipeline/graph-schema';
import { layOutLeftToRight } from '../_lib/auto-layout';
import { initialNodeData } from '../_lib/config-fields';
import { checkConnection } from '../_lib/connection-rules';
import { message } from '../_lib/canvas-text';
import { edgeIdFor, type PipelineFlowNode } from '../_lib/flow-graph';
import { nextNodeId } from '../_lib/node-summary';
import { nodeTypeMime } from '../_components/node-palette';
import type { EditorStatusApi } from './use-editor-status';
import type { GraphHistory } from './use-graph-history';

/** Everything the user does to the graph on the canvas, each recorded for undo. */
export function useCanvasActions(history: GraphHistory, status: EditorStatusApi, canvas: RefObject<HTMLDivElement | null>) {
  const flow = useReactFlow<PipelineFlowNode>();
  const { update, current } = history;

  const addNode = useCallback((type: NodeType, position?: XYPosition) => {
    const box = canvas.current?.getBoundingClientRect();
    const at = position ?? flow.screenToFlowPosition(box ? { x: box.left + box.width / 2 - 100, y: box.top + box.height / 2 - 40 } : { x: 300, y: 200 });
    const id = nextNodeId(type, current.current.nodes.map((node) => node.id));
    const node: PipelineFlowNode = { id, type, position: at, data: initialNodeData(type), selected: true };
    update((graph) => ({ ...graph, nodes: [...graph.nodes.map((other) => (other.selected ? { ...other, selected: false } : other)), node] }), { record: true });
    status.say('info', message('status.added', { id }));
  }, [canvas, current, flow, status, update]);

  const onDrop = useCallback((event: DragEvent) => {
    const type = event.dataTransfer.getData(nodeTypeMime);
    if (!(nodeTypes as readonly string[]).includes(type)) return;
    event.preventDefault();
    addNode(type as NodeType, flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }));
  }, [addNode, flow]);

  const onDragOver = useCallback((event: DragEvent) => {
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
  }, []);

  const isValidConnection = useCallback((connection: Connection | Edge) => checkConnection(current.current, connection).ok, [current]);

  const connect = useCallback((connection: Connection) => {
    const verdict = checkConnection(current.current, connection);
    if (!verdict.ok) {
      status.say('error', verdict.reason);
      return;
    }
    const edge = { id: edgeIdFor(connection), source: connection.source, target: connection.target, sourceHandle: connection.sourceHandle, targetHandle: connection.targetHandle };
    update((graph) => ({ ...graph, edges: [...graph.edges, edge] }), { record: true });
    status.say('info', message('status.connected', { source: connection.source, target: connection.target }));
  }, [current, status, update]);

  /** React Flow only greys out a refused target; the status line says why it was refused. */
  const onConnectEnd = useCallback((_event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
    if (state.isValid !== false || !state.fromHandle || !state.toHandle) return;
    const forward = state.fromHandle.type === 'source';
    const [from, to] = forward ? [state.fromHandle, state.toHandle] : [state.toHandle, state.fromHandle];
    const verdict = checkConnection(current.current, { source: from.nodeId, sourceHandle: from.id ?? null, target: to.nodeId, targetHandle: to.id ?? null });
    if (!verdict.ok) status.say('error', verdict.reason);
  }, [current, status]);

  const updateNodeData = useCallback((id: string, key: string, value: unknown, options: { merge?: boolean } = {}) => {
    update(
      (graph) => ({
        ...graph,
        nodes: graph.nodes.map((node) => {
          if (node.id !== id) return node;
          const data = { ...node.data };
          if (value === undefined) delete data[key];
          else data[key] = value;
          return { ...node, data };
        }),
      }),
      // Typing in one field is one undo step; a whole-value edit (regions from the ROI editor) is its own.
      { record: true, ...(options.merge === false ? {} : { key: `data:${id}:${key}` }) },
    );
  }, [update]);

  const removeNodes = useCallback((ids: string[]) => {
    const doomed = new Set(ids);
    update((graph) => ({ nodes: graph.nodes.filter((node) => !doomed.has(node.id)), edges: graph.edges.filter((edge) => !doomed.has(edge.source) && !doomed.has(edge.target)) }), { record: true });
    status.say('info', message('status.deleted', { ids: ids.join(', ') }));
  }, [status, update]);

  const selectNode = useCallback((id: string) => {
    update((graph) => ({ nodes: graph.nodes.map((node) => ({ ...node, selected: node.id === id })), edges: graph.edges.map((edge) => (edge.selected ? { ...edge, selected: false } : edge)) }));
    void flow.fitView({ nodes: [{ id }], duration: 250, maxZoom: 1.2 });
  }, [flow, update]);

  const layOut = useCallback(() => {
    update((graph) => ({ ...graph, nodes: layOutLeftToRight(graph.nodes, graph.edges) }), { record: true });
    // After React Flow has the new positions.
    requestAnimationFrame(() => void flow.fitView({ duration: 250 }));
    status.say('info', message('status.laidOut'));
  }, [flow, status, update]);

  const fitView = useCallback(() => void flow.fitView({ duration: 250 }), [flow]);

  return useMemo(
    () => ({ addNode, onDrop, onDragOver, isValidConnection, connect, onConnectEnd, updateNodeData, removeNodes, selectNode, layOut, fitView }),
    [addNode, onDrop, onDragOver, isValidConnection, connect, onConnectEnd, updateNodeData, removeNodes, selectNode, layOut, fitView],
  );
}

export type CanvasActions = ReturnType<typeof useCanvasActions>;
