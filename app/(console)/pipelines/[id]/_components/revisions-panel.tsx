'use client';

import { memo, useEffect, useId, useState } from 'react';
import type { GraphDiff } from '@/lib/pipeline/diff-graphs';
import { pipelineApi, type RevisionSummary } from '../_lib/pipeline-api';
import type { EditorStatusApi } from '../_hooks/use-editor-status';
import { RevisionDiff } from './revision-diff';

export interface RevisionsPanelProps {
  pipelineId: string;
  currentRevision: number;
  dirty: boolean;
  comment: string;
  onCommentChange: (comment: string) => void;
  onRestore: (revision: number) => Promise<void>;
  status: EditorStatusApi;
}

/** Saved revisions, newest first: compare one with the current revision, or restore it as a new revision. */
export const RevisionsPanel = memo(function RevisionsPanel({ pipelineId, currentRevision, dirty, comment, onCommentChange, onRestore, status }: RevisionsPanelProps) {
  const commentId = useId();
  const [items, setItems] = useState<RevisionSummary[] | null>(null);
  const [diff, setDiff] = useState<{ from: number; to: number; diff: GraphDiff } | null>(null);
  const [busy, setBusy] = useState(false);
  const { sayFailure } = status;

  useEffect(() => {
    let live = true;
    pipelineApi
      .listRevisions(pipelineId)
      .then((list) => live && setItems(list.items))
      .catch((failure: unknown) => live && sayFailure('Cannot list revisions', failure));
    return () => {
      live = false;
    };
  }, [pipelineId, currentRevision, sayFailure]);

  const compare = async (revision: number) => {
    try {
      setDiff({ from: revision, to: currentRevision, diff: await pipelineApi.diff(pipelineId, revision, currentRevision) });
    } catch (failure) {
      sayFailure(`Cannot compare revision ${revision}`, failure);
    }
  };
  const restore = async (revision: number) => {
    setBusy(true);
    setDiff(null);
    await onRestore(revision).finally(() => setBusy(false));
  };

  return (
    <section className="revisions-panel" aria-label="Revisions">
      <div className="field">
        <label htmlFor={commentId}>Comment for the next save</label>
        <input id={commentId} type="text" maxLength={500} value={comment} onChange={(event) => onCommentChange(event.target.value)} placeholder="What changed?" />
      </div>
      {dirty ? <p className="panel-hint">Unsaved changes on the canvas are not part of any revision yet.</p> : null}
      {items === null ? <p className="panel-hint">Loading revisions…</p> : null}
      <ol className="revision-list">
        {(items ?? []).map((item) => (
          <li key={item.revision} className={item.revision === currentRevision ? 'revision-current' : undefined} data-revision={item.revision}>
            <div className="revision-head">
              <strong>Revision {item.revision}</strong>
              {item.revision === currentRevision ? <span className="badge">current</span> : null}
            </div>
            <div className="revision-meta">
              {item.comment || 'no comment'} · {new Date(item.createdAt).toLocaleString()}
            </div>
            {item.revision === currentRevision ? null : (
              <div className="revision-actions">
                <button type="button" className="button button-quiet button-small" onClick={() => void compare(item.revision)} aria-label={`Compare revision ${item.revision} with revision ${currentRevision}`}>
                  Compare
                </button>
                <button type="button" className="button button-quiet button-small" disabled={busy} onClick={() => void restore(item.revision)} aria-label={`Restore revision ${item.revision}`}>
                  Restore
                </button>
              </div>
            )}
          </li>
        ))}
      </ol>
      {diff ? <RevisionDiff diff={diff.diff} from={diff.from} to={diff.to} /> : null}
    </section>
  );
});
