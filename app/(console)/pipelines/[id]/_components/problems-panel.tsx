'use client';

import { memo } from 'react';
import { useTranslations } from 'use-intl';
import { renderText, type CanvasTranslator } from '../_lib/canvas-text';
import type { CompileProblem } from '../_lib/compile-problems';
import type { ValidationState } from '../_hooks/use-graph-validation';

const verdict = (validation: ValidationState, t: CanvasTranslator) => {
  switch (validation.status) {
    case 'checking':
      return t('problems.checking');
    case 'ok':
      return t('problems.ok');
    case 'errors':
      return t('problems.count', { count: validation.errors.length });
    case 'unavailable':
      return renderText(t, validation.message);
  }
};

interface ProblemsPanelProps {
  validation: ValidationState;
  /** The validation's errors in the reader's language (presentCompileError). */
  problems: CompileProblem[];
  onSelect: (problem: CompileProblem) => void;
}

/** The compiler's errors for the graph on the canvas; a click selects the node at fault. */
export const ProblemsPanel = memo(function ProblemsPanel({ validation, problems, onSelect }: ProblemsPanelProps) {
  const t = useTranslations('canvas');
  return (
    <section className="problems-panel" aria-labelledby="problems-title">
      <h2 id="problems-title" className="panel-title">
        {t('problems.title')} <span className={`problems-verdict problems-${validation.status}`}>{verdict(validation, t)}</span>
      </h2>
      {problems.length > 0 ? (
        <ul className="problems-list" aria-label={t('problems.list')}>
          {problems.map((problem, index) => {
            const { error } = problem;
            const text = renderText(t, problem.text);
            const detail = problem.showDetail ? <span className="problem-detail"> — {problem.detail}</span> : null;
            return (
              <li key={`${error.code}-${error.nodeId ?? error.edgeId ?? ''}-${index}`} title={problem.detail}>
                {error.nodeId || error.edgeId ? (
                  <button type="button" className="problem-link" onClick={() => onSelect(problem)} title={t('problems.select', { problem: text, target: error.nodeId ?? t('problems.edge') })}>
                    <span className="problem-where">{error.nodeId ?? error.edgeId}</span> {text}
                    {detail}
                  </button>
                ) : (
                  <span className="problem-text">
                    {text}
                    {detail}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
});
