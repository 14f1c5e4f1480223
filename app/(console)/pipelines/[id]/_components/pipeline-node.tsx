'use client';

import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslations } from 'use-intl';
import { nodeRegistry } from '@/lib/pipeline/node-registry';
import type { PortSpec } from '@/lib/pipeline/ports';
import { renderText, type CanvasTranslator } from '../_lib/canvas-text';
import type { PipelineFlowNode } from '../_lib/flow-graph';
import { nodeDescription, nodeLabel, portTypeName, summarizeNode } from '../_lib/node-summary';
import { describeLive } from '../_lib/live-status';
import { useEditorContext } from './editor-context';

const portTop = 20;
const portSpacing = 18;

function PortHandles({ ports, kind, t }: { ports: PortSpec[]; kind: 'source' | 'target'; t: CanvasTranslator }) {
  return ports.map((port, index) => {
    const type = renderText(t, portTypeName(port.type));
    return (
      <Handle
        key={port.name}
        id={port.name}
        type={kind}
        position={kind === 'source' ? Position.Right : Position.Left}
        className={`port port-${port.type}`}
        // A fixed offset from the top: handles stay put when an error line makes the node taller.
        style={{ top: `${portTop + index * portSpacing}px` }}
        // A handle is a generic element (aria-label is prohibited there); keyboard users connect with the connect form.
        title={t(kind === 'source' ? 'node.outputTitle' : 'node.inputTitle', { port: port.name, type })}
      />
    );
  });
}

/** One component for every node type: title, config summary, typed ports and the compiler's verdict. */
function PipelineNodeView({ id, type, data, selected }: NodeProps<PipelineFlowNode>) {
  const t = useTranslations('canvas');
  const context = useEditorContext();
  const definition = nodeRegistry[type];
  const problems = context.errorsByNode.get(id) ?? [];
  const live = context.liveByNode.get(id);
  const classes = ['pipeline-node', `pipeline-node-${definition.category}`, problems.length > 0 ? 'pipeline-node-error' : '', selected ? 'pipeline-node-selected' : ''];
  const label = renderText(t, nodeLabel(type));
  const first = problems[0];
  return (
    <div className={classes.filter(Boolean).join(' ')} data-node-type={type} aria-invalid={problems.length > 0}>
      <PortHandles ports={definition.ports.inputs} kind="target" t={t} />
      <div className="pipeline-node-title">
        <span title={renderText(t, nodeDescription(type))}>{label}</span>
        <span className="pipeline-node-id">{id}</span>
      </div>
      <div className="pipeline-node-summary">{renderText(t, summarizeNode(type, data, context))}</div>
      {live ? (
        <div role="group" className={`pipeline-node-live live-${live.ready ? 'ready' : live.phase}`} aria-label={t('node.liveStatus')} title={live.message}>
          ● {renderText(t, describeLive(live))}
        </div>
      ) : null}
      {first ? (
        <div className="pipeline-node-problem" role="note" title={first.detail}>
          {problems.length > 1 ? t('node.moreProblems', { problem: renderText(t, first.text), count: problems.length - 1 }) : renderText(t, first.text)}
        </div>
      ) : null}
      <PortHandles ports={definition.ports.outputs} kind="source" t={t} />
    </div>
  );
}

export const PipelineNode = memo(PipelineNodeView);

/** Stable object (React Flow warns when nodeTypes changes between renders). */
export const pipelineNodeTypes = Object.fromEntries(Object.keys(nodeRegistry).map((type) => [type, PipelineNode]));
