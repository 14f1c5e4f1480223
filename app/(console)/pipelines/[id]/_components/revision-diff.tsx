'use client';

import { useTranslations } from 'use-intl';
import type { GraphDiff } from '@/lib/pipeline/diff-graphs';

const show = (value: unknown) => (value === undefined ? '—' : JSON.stringify(value));

/** A GraphDiff in words: added/removed/changed nodes and edges; moves listed last so they do not hide changes. */
export function RevisionDiff({ diff, from: fromRevision, to: toRevision }: { diff: GraphDiff; from: number; to: number }) {
  const t = useTranslations('canvas.diff');
  const [from, to] = [String(fromRevision), String(toRevision)];
  const empty =
    diff.addedNodes.length + diff.removedNodes.length + diff.changedNodes.length + diff.addedEdges.length + diff.removedEdges.length + diff.movedNodes.length === 0;
  return (
    <section className="revision-diff" aria-label={t('label', { from, to })}>
      <h3>{t('title', { from, to })}</h3>
      {empty ? <p className="panel-hint">{t('none')}</p> : null}
      <ul className="diff-list">
        {diff.addedNodes.map((node) => (
          <li key={`add-${node.id}`} className="diff-added">
            {t('addedNode', { id: node.id, type: node.type })}
          </li>
        ))}
        {diff.removedNodes.map((node) => (
          <li key={`remove-${node.id}`} className="diff-removed">
            {t('removedNode', { id: node.id, type: node.type })}
          </li>
        ))}
        {diff.changedNodes.flatMap((node) =>
          node.changes.map((change) => (
            <li key={`change-${node.id}-${change.field}`} className="diff-changed">
              {t('changed', { id: node.id, field: change.field, before: show(change.before), after: show(change.after) })}
            </li>
          )),
        )}
        {diff.addedEdges.map((edge) => (
          <li key={`add-edge-${edge}`} className="diff-added">
            {t('addedEdge', { id: edge })}
          </li>
        ))}
        {diff.removedEdges.map((edge) => (
          <li key={`remove-edge-${edge}`} className="diff-removed">
            {t('removedEdge', { id: edge })}
          </li>
        ))}
        {diff.movedNodes.length > 0 ? <li className="diff-moved">{t('moved', { ids: diff.movedNodes.join(', ') })}</li> : null}
      </ul>
    </section>
  );
}
