'use client';

import { memo } from 'react';
import type { CompileError } from '@/lib/pipeline/compile-error';
import { nodeRegistry } from '@/lib/pipeline/node-registry';
import { configFieldsFor, configIssues } from '../_lib/config-fields';
import type { PipelineFlowNode } from '../_lib/flow-graph';
import { withoutNodePrefix } from '../_lib/node-summary';
import type { Catalog } from '../_hooks/use-catalog';
import { ConfigFieldInput } from './config-field';
import { ConnectForm, type ConnectFormProps } from './connect-form';

export interface NodeInspectorProps {
  node: PipelineFlowNode | undefined;
  /** Changes when undo/redo swaps the graph: the form remounts and re-reads every value. */
  formKey: number;
  catalog: Catalog;
  errors: CompileError[];
  onChange: (nodeId: string, key: string, value: unknown) => void;
  onDelete: (nodeId: string) => void;
  onEditRegions: (nodeId: string) => void;
  connect: Omit<ConnectFormProps, 'node'>;
}

/** The selected node's config as a form generated from its zod schema, with the schema's messages inline. */
export const NodeInspector = memo(function NodeInspector({ node, formKey, catalog, errors, onChange, onDelete, onEditRegions, connect }: NodeInspectorProps) {
  if (!node) {
    return <p className="panel-empty">Select a node to edit its settings. Drag node types from the palette onto the canvas, then connect an output port to an input port.</p>;
  }
  const definition = nodeRegistry[node.type];
  const local = configIssues(node.type, node.data);
  const fieldErrors = new Map(errors.filter((error) => error.field).map((error) => [error.field!.split('.')[0]!, withoutNodePrefix(error.message, node.id)]));
  // Errors about a field are shown beside it; the rest (connections, references) above the form.
  const general = errors.filter((error) => !error.field);
  const choices = {
    camera: catalog.cameras.map((camera): [string, string] => [camera.id, camera.name]),
    algorithm: catalog.algorithms.map((algorithm): [string, string] => [algorithm.id, `${algorithm.name} ${algorithm.version}`]),
  };
  return (
    <form className="node-inspector" aria-label={`Settings of ${node.id}`} onSubmit={(event) => event.preventDefault()} key={`${node.id}:${formKey}`}>
      <h3>
        {definition.label} <span className="pipeline-node-id">{node.id}</span>
      </h3>
      <p className="panel-hint">{definition.description}</p>
      {general.length > 0 ? (
        <ul className="inspector-problems" aria-label={`Problems of ${node.id}`}>
          {general.map((error, index) => (
            <li key={index}>{withoutNodePrefix(error.message, node.id)}</li>
          ))}
        </ul>
      ) : null}
      {configFieldsFor(node.type).map((field) => (
        <ConfigFieldInput
          key={field.key}
          field={field}
          value={node.data[field.key]}
          error={local.get(field.key) ?? fieldErrors.get(field.key)}
          onChange={(value) => onChange(node.id, field.key, value)}
          {...(field.kind === 'camera' || field.kind === 'algorithm' ? { choices: choices[field.kind] } : {})}
          onEditRegions={() => onEditRegions(node.id)}
        />
      ))}
      <ConnectForm node={node} {...connect} />
      <button type="button" className="button button-danger" onClick={() => onDelete(node.id)} aria-label={`Delete node ${node.id}`}>
        Delete node
      </button>
    </form>
  );
});
