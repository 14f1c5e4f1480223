'use client';

import { memo } from 'react';
import type { CompileError } from '@/lib/pipeline/compile-error';
import type { ValidationState } from '../_hooks/use-graph-validation';

const verdict = (validation: ValidationState) => {
  switch (validation.status) {
    case 'checking':
      return 'Checking…';
    case 'ok':
      return 'No problems: the pipeline compiles.';
    case 'errors':
      return `${validation.errors.length} problem${validation.errors.length === 1 ? '' : 's'}`;
    case 'unavailable':
      return validation.message;
  }
};

/** The compiler's errors for the graph on the canvas; a click selects the node at fault. */
export const ProblemsPanel = memo(function ProblemsPanel({ validation, onSelect }: { validation: ValidationState; onSelect: (error: CompileError) => void }) {
  const { errors } = validation;
  return (
    <section className="problems-panel" aria-labelledby="problems-title">
      <h2 id="problems-title" className="panel-title">
        Problems <span className={`problems-verdict problems-${validation.status}`}>{verdict(validation)}</span>
      </h2>
      {errors.length > 0 ? (
        <ul className="problems-list" aria-label="Problems">
          {errors.map((error, index) => (
            <li key={`${error.code}-${error.nodeId ?? error.edgeId ?? ''}-${index}`}>
              {error.nodeId || error.edgeId ? (
                <button type="button" className="problem-link" onClick={() => onSelect(error)} aria-label={`${error.message} (select ${error.nodeId ?? 'edge'})`}>
                  <span className="problem-where">{error.nodeId ?? error.edgeId}</span> {error.message}
                </button>
              ) : (
                <span className="problem-text">{error.message}</span>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
});
