'use client';

import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { nodeRegistry } from '@/lib/pipeline/node-registry';
import type { PortSpec } from '@/lib/pipeline/ports';
import type { PipelineFlowNode } from '../_lib/flow-graph';
import { summarizeNode, withoutNodePrefix } from '../_lib/node-summary';
import { describeLive } from '../_lib/live-status';
import { useEditorContext } from './editor-context';

const portTop = 20;
const portSpacing = 18;

function PortHandles({ nodeId, ports, kind }: { nodeId: string; ports: PortSpec[]; kind: 'source' | 'target' }) {
  return ports.map((port, index) => (
    <Handle
      key={port.name}
      id={port.name}
      type={kind}
      position={kind === 'source' ? Position.Right : Position.Left}
      className={`port port-${port.type}`}
      // A fixed offset from the top: handles stay put when an error line makes the node taller.
      style={{ top: `${portTop + index * portSpacing}px` }}
      aria-label={`${nodeId} ${port.name} ${kind === 'source' ? 'output' : 'input'} (${port.type})`}
      title={`${port.name} ${kind === 'source' ? 'output' : 'input'}: ${port.type}`}
    />
  ));
}

/** One component for every node type: title, config summary, typed ports and the compiler's verdict. */
function PipelineNodeView({ id, type, data, selected }: NodeProps<PipelineFlowNode>) {
  const context = useEditorContext();
  const definition = nodeRegistry[type];
  const errors = context.errorsByNode.get(id) ?? [];
  const live = context.liveByNode.get(id);
  const classes = ['pipeline-node', `pipeline-node-${definition.category}`, errors.length > 0 ? 'pipeline-node-error' : '', selected ? 'pipeline-node-selected' : ''];
  return (
    <div className={classes.filter(Boolean).join(' ')} data-node-type={type} aria-invalid={errors.length > 0}>
      <PortHandles nodeId={id} ports={definition.ports.inputs} kind="target" />
      <div className="pipeline-node-title">
        <span title={definition.label}>{definition.label}</span>
        <span className="pipeline-node-id">{id}</span>
      </div>
      <div className="pipeline-node-summary">{summarizeNode(type, data, context)}</div>
      {live ? (
        <div className={`pipeline-node-live live-${live.ready ? 'ready' : live.phase}`} aria-label="Live status" title={live.message}>
          ● {describeLive(live)}
        </div>
      ) : null}
      {errors.length > 0 ? (
        <div className="pipeline-node-problem" role="note">
          {withoutNodePrefix(errors[0]!.message, id)}
          {errors.length > 1 ? ` (+${errors.length - 1} more)` : ''}
        </div>
      ) : null}
      <PortHandles nodeId={id} ports={definition.ports.outputs} kind="source" />
    </div>
  );
}

export const PipelineNode = memo(PipelineNodeView);

/** Stable object (React Flow warns when nodeTypes changes between renders). */
export const pipelineNodeTypes = Object.fromEntries(Object.keys(nodeRegistry).map((type) => [type, PipelineNode]));
