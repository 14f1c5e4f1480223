'use client';

import { memo, useEffect, useId, useState } from 'react';
import { useFormatter, useTranslations } from 'use-intl';
import type { GraphDiff } from '@/lib/pipeline/diff-graphs';
import { message } from '../_lib/canvas-text';
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
  const t = useTranslations('canvas.revisions');
  const format = useFormatter();
  const [items, setItems] = useState<RevisionSummary[] | null>(null);
  const [diff, setDiff] = useState<{ from: number; to: number; diff: GraphDiff } | null>(null);
  const [busy, setBusy] = useState(false);
  const { sayFailure } = status;

  useEffect(() => {
    let live = true;
    pipelineApi
      .listRevisions(pipelineId)
      .then((list) => live && setItems(list.items))
      .catch((failure: unknown) => live && sayFailure(message('status.listFailed'), failure));
    return () => {
      live = false;
    };
  }, [pipelineId, currentRevision, sayFailure]);

  const compare = async (revision: number) => {
    try {
      setDiff({ from: revision, to: currentRevision, diff: await pipelineApi.diff(pipelineId, revision, currentRevision) });
    } catch (failure) {
      sayFailure(message('status.compareFailed', { revision }), failure);
    }
  };
  const restore = async (revision: number) => {
    setBusy(true);
    setDiff(null);
    await onRestore(revision).finally(() => setBusy(false));
  };

  return (
    <section className="revisions-panel" aria-label={t('label')}>
      <div className="field">
        <label htmlFor={commentId}>{t('comment')}</label>
        <input id={commentId} type="text" maxLength={500} value={comment} onChange={(event) => onCommentChange(event.target.value)} placeholder={t('commentPlaceholder')} />
      </div>
      {dirty ? <p className="panel-hint">{t('unsavedHint')}</p> : null}
      {items === null ? <p className="panel-hint">{t('loading')}</p> : null}
      <ol className="revision-list">
        {(items ?? []).map((item) => (
          <li key={item.revision} className={item.revision === currentRevision ? 'revision-current' : undefined} data-revision={item.revision}>
            <div className="revision-head">
              <strong>{t('revision', { revision: String(item.revision) })}</strong>
              {item.revision === currentRevision ? <span className="badge">{t('current')}</span> : null}
            </div>
            <div className="revision-meta">
              {item.comment || t('noComment')} · {format.dateTime(new Date(item.createdAt), { dateStyle: 'medium', timeStyle: 'short' })}
            </div>
            {item.revision === currentRevision ? null : (
              <div className="revision-actions">
                <button type="button" className="button button-quiet button-small" onClick={() => void compare(item.revision)} aria-label={t('compareLabel', { revision: String(item.revision), current: String(currentRevision) })}>
                  {t('compare')}
                </button>
                <button type="button" className="button button-quiet button-small" disabled={busy} onClick={() => void restore(item.revision)} aria-label={t('restoreLabel', { revision: String(item.revision) })}>
                  {t('restore')}
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
