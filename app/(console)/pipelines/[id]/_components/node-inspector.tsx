'use client';

import { memo } from 'react';
import { useTranslations } from 'use-intl';
import { renderText } from '../_lib/canvas-text';
import type { CompileProblem } from '../_lib/compile-problems';
import { configFieldsFor, configIssues } from '../_lib/config-fields';
import type { PipelineFlowNode } from '../_lib/flow-graph';
import { nodeDescription, nodeLabel } from '../_lib/node-summary';
import type { Catalog } from '../_hooks/use-catalog';
import { ConfigFieldInput } from './config-field';
import { ConnectForm, type ConnectFormProps } from './connect-form';

export interface NodeInspectorProps {
  node: PipelineFlowNode | undefined;
  /** Changes when undo/redo swaps the graph: the form remounts and re-reads every value. */
  formKey: number;
  catalog: Catalog;
  /** The compiler's errors about this node, in the reader's language. */
  problems: CompileProblem[];
  onChange: (nodeId: string, key: string, value: unknown) => void;
  onDelete: (nodeId: string) => void;
  onEditRegions: (nodeId: string) => void;
  connect: Omit<ConnectFormProps, 'node'>;
}

/** The selected node's config as a form generated from its zod schema, with the schema's messages inline. */
export const NodeInspector = memo(function NodeInspector({ node, formKey, catalog, problems, onChange, onDelete, onEditRegions, connect }: NodeInspectorProps) {
  const t = useTranslations('canvas');
  if (!node) {
    return <p className="panel-empty">{t('inspector.empty')}</p>;
  }
  const local = configIssues(node.type, node.data);
  const fieldErrors = new Map(problems.filter((problem) => problem.error.field).map((problem) => [problem.error.field!.split('.')[0]!, renderText(t, problem.text)]));
  // Errors about a field are shown beside it; the rest (connections, references) above the form.
  const general = problems.filter((problem) => !problem.error.field);
  const choices = {
    camera: catalog.cameras.map((camera): [string, string] => [camera.id, camera.name]),
    algorithm: catalog.algorithms.map((algorithm): [string, string] => [algorithm.id, `${algorithm.name} ${algorithm.version}`]),
  };
  return (
    <form className="node-inspector" aria-label={t('inspector.form', { id: node.id })} onSubmit={(event) => event.preventDefault()} key={`${node.id}:${formKey}`}>
      <h3>
        {renderText(t, nodeLabel(node.type))} <span className="pipeline-node-id">{node.id}</span>
      </h3>
      <p className="panel-hint">{renderText(t, nodeDescription(node.type))}</p>
      {general.length > 0 ? (
        <ul className="inspector-problems" aria-label={t('inspector.problems', { id: node.id })}>
          {general.map((problem, index) => (
            <li key={index} title={problem.detail}>
              {renderText(t, problem.text)}
              {problem.showDetail ? <span className="problem-detail"> — {problem.detail}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {configFieldsFor(node.type).map((field) => {
        const issue = local.get(field.key);
        return (
          <ConfigFieldInput
            key={field.key}
            field={field}
            value={node.data[field.key]}
            error={issue ? renderText(t, issue) : fieldErrors.get(field.key)}
            onChange={(value) => onChange(node.id, field.key, value)}
            {...(field.kind === 'camera' || field.kind === 'algorithm' ? { choices: choices[field.kind] } : {})}
            onEditRegions={() => onEditRegions(node.id)}
          />
        );
      })}
      <ConnectForm node={node} {...connect} />
      <button type="button" className="button button-danger" onClick={() => onDelete(node.id)} aria-label={t('inspector.deleteNodeLabel', { id: node.id })}>
        {t('inspector.deleteNode')}
      </button>
    </form>
  );
});
