'use client';

import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslations } from 'use-intl';
import { renderText } from '../_lib/canvas-text';
import { presentCompileError, type CompileProblem } from '../_lib/compile-problems';
import { createConnectionChecker } from '../_lib/connection-rules';
import { toFlowGraph, toPipelineGraph } from '../_lib/flow-graph';
import type { PipelineWithGraph } from '../_lib/pipeline-api';
import { useCanvasActions } from '../_hooks/use-canvas-actions';
import { useCatalog } from '../_hooks/use-catalog';
import { useEditorShortcuts } from '../_hooks/use-editor-shortcuts';
import { useEditorStatus } from '../_hooks/use-editor-status';
import { useGraphHistory } from '../_hooks/use-graph-history';
import { useGraphValidation } from '../_hooks/use-graph-validation';
import { usePipelineCommands } from '../_hooks/use-pipeline-commands';
import { useRevisionSaver } from '../_hooks/use-revision-saver';
import { describeRun, useRunStatus } from '../_hooks/use-run-status';
import { EditorCanvas } from './editor-canvas';
import { EditorContext } from './editor-context';
import { liveStatusByNode } from '../_lib/live-status';
import { EditorSidePanel, useSideTab } from './editor-side-panel';
import { EditorToolbar } from './editor-toolbar';
import { NodeInspector } from './node-inspector';
import { NodePalette } from './node-palette';
import { ProblemsPanel } from './problems-panel';
import { RevisionsPanel } from './revisions-panel';
import { StatusLine } from './status-line';

// Konva touches `window` when imported: the ROI editor loads in the browser only.
const noProblems: CompileProblem[] = [];
const RoiEditor = dynamic(() => import('../_roi/roi-editor').then((module) => module.RoiEditor), { ssr: false });

/** The pipeline builder: palette, canvas, inspector/revisions, problems, and the commands around them. */
export function PipelineEditor({ pipeline }: { pipeline: PipelineWithGraph }) {
  const t = useTranslations('canvas');
  const canvasRef = useRef<HTMLDivElement>(null);
  const initial = useMemo(() => toFlowGraph(pipeline.graph), [pipeline.graph]);
  const history = useGraphHistory(initial);
  const status = useEditorStatus();
  const catalog = useCatalog();
  const actions = useCanvasActions(history, status, canvasRef);
  const graph = useMemo(() => toPipelineGraph(history.graph.nodes, history.graph.edges), [history.graph]);
  const saver = useRevisionSaver(pipeline.id, pipeline.latestRevision, pipeline.graph, graph, status);
  const runStatus = useRunStatus(pipeline);
  const commands = usePipelineCommands(pipeline.id, history, saver, status, actions.fitView, runStatus.refresh);
  const validation = useGraphValidation(history.graph, pipeline.id);
  const [tab, setTab] = useSideTab();
  const [roiNodeId, setRoiNodeId] = useState<string | null>(null);

  // Each compile error in the reader's language; a config error is checked again against the node on the canvas.
  const problems = useMemo(() => validation.errors.map((error) => presentCompileError(error, graph.nodes)), [validation.errors, graph.nodes]);
  const errorsByNode = useMemo(() => {
    const map = new Map<string, CompileProblem[]>();
    for (const problem of problems) if (problem.error.nodeId) map.set(problem.error.nodeId, [...(map.get(problem.error.nodeId) ?? []), problem]);
    return map;
  }, [problems]);
  const liveByNode = useMemo(() => liveStatusByNode(graph, runStatus.run.status?.workloads), [graph, runStatus.run.status?.workloads]);
  const context = useMemo(() => ({ errorsByNode, liveByNode, cameraNames: catalog.cameraNames, algorithmNames: catalog.algorithmNames }), [errorsByNode, liveByNode, catalog]);
  const selected = history.graph.nodes.filter((node) => node.selected);
  const selectedNode = selected.length === 1 ? selected[0] : undefined;
  const roiNode = history.graph.nodes.find((node) => node.id === roiNodeId && node.type === 'roi');

  const { save } = saver;
  const { deploy, stop } = commands;
  const onSave = useCallback(() => void save(), [save]);
  const onDeploy = useCallback(() => void deploy(), [deploy]);
  const onStop = useCallback(() => void stop(), [stop]);
  const { removeNodes } = actions;
  const removeNode = useCallback((id: string) => removeNodes([id]), [removeNodes]);
  const shortcuts = useMemo(() => ({ undo: history.undo, redo: history.redo, save: onSave }), [history.undo, history.redo, onSave]);
  // The inspector's connect list depends on ids, types and edges only, not on positions: dragging does not redo it.
  const nodeIdsKey = history.graph.nodes.map((node) => `${node.id}:${node.type}`).join(',');
  const connect = useMemo(() => {
    const shape = { nodes: history.graph.nodes.map((node) => ({ id: node.id, type: node.type })), edges: history.graph.edges };
    return { nodes: shape.nodes, check: createConnectionChecker(shape), onConnect: actions.connect };
  }, [nodeIdsKey, history.graph.edges, actions.connect]);
  useEditorShortcuts(roiNodeId === null, shortcuts);
  useEffect(() => {
    if (!saver.dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [saver.dirty]);
  const { say } = status;
  useEffect(() => {
    if (catalog.error) say('error', catalog.error);
  }, [catalog.error, say]);

  const selectProblem = useCallback((problem: CompileProblem) => {
    const { error } = problem;
    const nodeId = error.nodeId ?? history.graph.edges.find((edge) => edge.id === error.edgeId)?.target;
    if (!nodeId) return;
    actions.selectNode(nodeId);
    setTab('inspector');
  }, [actions, history.graph.edges, setTab]);

  return (
    <EditorContext.Provider value={context}>
      <div className="pipeline-editor">
        <header className="editor-header">
          <div className="editor-title">
            <h1>{pipeline.name}</h1>
            <span className="editor-meta">
              {t('header.revision', { revision: String(saver.baseRevision) })} · <span aria-label={t('header.runState')}>{renderText(t, describeRun(runStatus.run, runStatus.error))}</span> ·{' '}
              <Link href={`/pipelines/${pipeline.id}/live`}>{t('header.liveView')}</Link> · <Link href="/pipelines">{t('header.allPipelines')}</Link>
            </span>
          </div>
          <EditorToolbar
            canUndo={history.canUndo}
            canRedo={history.canRedo}
            dirty={saver.dirty}
            saving={saver.saving}
            busy={commands.busy}
            onUndo={history.undo}
            onRedo={history.redo}
            onLayout={actions.layOut}
            onFitView={actions.fitView}
            onSave={onSave}
            onDeploy={onDeploy}
            onStop={onStop}
          />
        </header>
        <StatusLine status={status.status} onDismiss={status.clear} />
        <div className="editor-body">
          <NodePalette onAdd={actions.addNode} />
          <div className="editor-center">
            <EditorCanvas history={history} actions={actions} errors={validation.errors} canvasRef={canvasRef} keyboardEnabled={roiNodeId === null} fitOnLoad={pipeline.graph.nodes.length > 0} />
            <ProblemsPanel validation={validation} problems={problems} onSelect={selectProblem} />
          </div>
          <EditorSidePanel tab={tab} onTab={setTab}>
            {{
              inspector: (
                <NodeInspector
                  node={selectedNode}
                  formKey={history.revision}
                  catalog={catalog}
                  problems={(selectedNode && errorsByNode.get(selectedNode.id)) || noProblems}
                  onChange={actions.updateNodeData}
                  onDelete={removeNode}
                  onEditRegions={setRoiNodeId}
                  connect={connect}
                />
              ),
              revisions: (
                <RevisionsPanel
                  pipelineId={pipeline.id}
                  currentRevision={saver.baseRevision}
                  dirty={saver.dirty}
                  comment={saver.comment}
                  onCommentChange={saver.setComment}
                  onRestore={commands.restore}
                  status={status}
                />
              ),
            }}
          </EditorSidePanel>
        </div>
        {roiNode ? (
          <RoiEditor
            node={roiNode}
            graph={history.graph}
            onApply={(regions) => actions.updateNodeData(roiNode.id, 'regions', regions, { merge: false })}
            onClose={() => setRoiNodeId(null)}
          />
        ) : null}
      </div>
    </EditorContext.Provider>
  );
}
