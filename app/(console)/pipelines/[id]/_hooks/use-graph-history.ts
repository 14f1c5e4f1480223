'use client';

import { applyEdgeChanges, applyNodeChanges, type EdgeChange, type NodeChange } from '@xyflow/react';
import { useCallback, useRef, useState, type RefObject } from 'react';
import type { FlowGraph, PipelineFlowEdge, PipelineFlowNode } from '../_lib/flow-graph';

const historyLimit = 100;

/**
 * The canvas graph plus undo/redo as a history of graph snapshots. Callers take a checkpoint before each
 * user change; changes under the same key (typing in one field) share one checkpoint.
 */
export function useGraphHistory(initial: FlowGraph) {
  const [graph, setGraph] = useState<FlowGraph>(initial);
  const current = useRef(graph);
  current.current = graph;
  const past = useRef<FlowGraph[]>([]);
  const future = useRef<FlowGraph[]>([]);
  const lastKey = useRef<string | null>(null);
  // Bumped when undo/redo/replace swaps the graph, so inspector fields re-read their values.
  const [revision, setRevision] = useState(0);
  const [counts, setCounts] = useState({ past: 0, future: 0 });
  const syncCounts = () => setCounts({ past: past.current.length, future: future.current.length });

  const checkpoint = useCallback((key?: string) => {
    if (key && key === lastKey.current) return;
    past.current.push(current.current);
    if (past.current.length > historyLimit) past.current.shift();
    future.current = [];
    lastKey.current = key ?? null;
    syncCounts();
  }, []);

  const step = useCallback((from: RefObject<FlowGraph[]>, to: RefObject<FlowGraph[]>) => {
    const target = from.current.pop();
    if (!target) return;
    to.current.push(current.current);
    lastKey.current = null;
    const unselected = { nodes: target.nodes.map((node) => ({ ...node, selected: false })), edges: target.edges.map((edge) => ({ ...edge, selected: false })) };
    current.current = unselected;
    setGraph(unselected);
    setRevision((value) => value + 1);
    syncCounts();
  }, []);

  const undo = useCallback(() => step(past, future), [step]);
  const redo = useCallback(() => step(future, past), [step]);

  /** Sets the graph; `record` takes a checkpoint first (undoable), `key` merges repeated edits of one thing. */
  const update = useCallback((change: (graph: FlowGraph) => FlowGraph, options: { record?: boolean; key?: string; reload?: boolean } = {}) => {
    if (options.record) checkpoint(options.key);
    const next = change(current.current);
    current.current = next;
    setGraph(next);
    if (options.reload) setRevision((value) => value + 1);
  }, [checkpoint]);

  const onNodesChange = useCallback((changes: NodeChange<PipelineFlowNode>[]) => {
    // Removals are recorded by onBeforeDelete, drags by onNodeDragStart; the rest (selection, size) is not history.
    update((graph) => ({ ...graph, nodes: applyNodeChanges(changes, graph.nodes) }));
  }, [update]);

  const onEdgesChange = useCallback((changes: EdgeChange<PipelineFlowEdge>[]) => {
    update((graph) => ({ ...graph, edges: applyEdgeChanges(changes, graph.edges) }));
  }, [update]);

  return { graph, current, revision, canUndo: counts.past > 0, canRedo: counts.future > 0, checkpoint, update, undo, redo, onNodesChange, onEdgesChange };
}

export type GraphHistory = ReturnType<typeof useGraphHistory>;
