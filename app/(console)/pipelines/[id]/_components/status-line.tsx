'use client';

import { memo } from 'react';
import { useTranslations } from 'use-intl';
import { renderText } from '../_lib/canvas-text';
import type { EditorStatus } from '../_hooks/use-editor-status';

/** Announced politely to screen readers; refusals and API answers are said here, never hidden. */
export const StatusLine = memo(function StatusLine({ status, onDismiss }: { status: EditorStatus | null; onDismiss: () => void }) {
  const t = useTranslations('canvas');
  return (
    <div className={`editor-status${status ? ` editor-status-${status.tone}` : ''}`} role="status" aria-label={t('status.label')}>
      {status ? (
        <>
          <span className="editor-status-message">{renderText(t, status.message)}</span>
          {status.details.length > 0 ? (
            <ul className="editor-status-details">
              {status.details.slice(0, 5).map((detail, index) => (
                <li key={index}>{detail}</li>
              ))}
            </ul>
          ) : null}
          <button type="button" className="link-button" onClick={onDismiss} aria-label={t('status.dismiss')}>
            ×
          </button>
        </>
      ) : null}
    </div>
  );
});
