'use client';

import { useId, useState } from 'react';
import type { Connection } from '@xyflow/react';
import { useTranslations } from 'use-intl';
import { nodeRegistry } from '@/lib/pipeline/node-registry';
import { renderText } from '../_lib/canvas-text';
import type { ConnectionCheck, ProposedConnection } from '../_lib/connection-rules';
import type { PipelineFlowNode } from '../_lib/flow-graph';
import { portTypeName } from '../_lib/node-summary';

export interface ConnectFormProps {
  node: PipelineFlowNode;
  nodes: readonly Pick<PipelineFlowNode, 'id' | 'type'>[];
  check: (connection: ProposedConnection) => ConnectionCheck;
  onConnect: (connection: Connection) => void;
}

/** The keyboard way to draw an edge: this node's output to any node whose input accepts it. */
export function ConnectForm({ node, nodes, check, onConnect }: ConnectFormProps) {
  const id = useId();
  const t = useTranslations('canvas');
  const [target, setTarget] = useState('');
  const output = nodeRegistry[node.type].ports.outputs[0];
  if (!output) return null;
  const candidates = nodes
    .filter((other) => other.id !== node.id)
    .flatMap((other) => nodeRegistry[other.type].ports.inputs.map((input) => ({ node: other, input })))
    .filter(({ node: other, input }) => check({ source: node.id, sourceHandle: output.name, target: other.id, targetHandle: input.name }).ok);
  if (candidates.length === 0) return null;
  const chosen = candidates.find((candidate) => `${candidate.node.id}.${candidate.input.name}` === target);
  return (
    <div className="field">
      <label htmlFor={id}>{t('inspector.connectTo', { type: renderText(t, portTypeName(output.type)) })}</label>
      <div className="field-row">
        <select id={id} value={target} onChange={(event) => setTarget(event.target.value)}>
          <option value="">{t('inspector.chooseNode')}</option>
          {candidates.map(({ node: other, input }) => (
            <option key={`${other.id}.${input.name}`} value={`${other.id}.${input.name}`}>
              {t('inspector.connectOption', { id: other.id, port: input.name })}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button button-quiet"
          disabled={!chosen}
          onClick={() => {
            if (!chosen) return;
            onConnect({ source: node.id, sourceHandle: output.name, target: chosen.node.id, targetHandle: chosen.input.name });
            setTarget('');
          }}
        >
          {t('inspector.connect')}
        </button>
      </div>
    </div>
  );
}
