'use client';

import type { GraphDiff } from '@/lib/pipeline/diff-graphs';

const show = (value: unknown) => (value === undefined ? '—' : JSON.stringify(value));

/** A GraphDiff in words: added/removed/changed nodes and edges; moves listed last so they do not hide changes. */
export function RevisionDiff({ diff, from, to }: { diff: GraphDiff; from: number; to: number }) {
  const empty =
    diff.addedNodes.length + diff.removedNodes.length + diff.changedNodes.length + diff.addedEdges.length + diff.removedEdges.length + diff.movedNodes.length === 0;
  return (
    <section className="revision-diff" aria-label={`Changes from revision ${from} to revision ${to}`}>
      <h3>
        Revision {from} → {to}
      </h3>
      {empty ? <p className="panel-hint">No differences.</p> : null}
      <ul className="diff-list">
        {diff.addedNodes.map((node) => (
          <li key={`add-${node.id}`} className="diff-added">
            + node {node.id} ({node.type})
          </li>
        ))}
        {diff.removedNodes.map((node) => (
          <li key={`remove-${node.id}`} className="diff-removed">
            − node {node.id} ({node.type})
          </li>
        ))}
        {diff.changedNodes.flatMap((node) =>
          node.changes.map((change) => (
            <li key={`change-${node.id}-${change.field}`} className="diff-changed">
              ~ {node.id}.{change.field}: {show(change.before)} → {show(change.after)}
            </li>
          )),
        )}
        {diff.addedEdges.map((edge) => (
          <li key={`add-edge-${edge}`} className="diff-added">
            + edge {edge}
          </li>
        ))}
        {diff.removedEdges.map((edge) => (
          <li key={`remove-edge-${edge}`} className="diff-removed">
            − edge {edge}
          </li>
        ))}
        {diff.movedNodes.length > 0 ? <li className="diff-moved">moved: {diff.movedNodes.join(', ')}</li> : null}
      </ul>
    </section>
  );
}
