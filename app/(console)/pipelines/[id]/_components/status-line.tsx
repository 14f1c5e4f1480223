'use client';

import { memo } from 'react';
import type { EditorStatus } from '../_hooks/use-editor-status';

/** Announced politely to screen readers; refusals and API answers are said here, never hidden. */
export const StatusLine = memo(function StatusLine({ status, onDismiss }: { status: EditorStatus | null; onDismiss: () => void }) {
  return (
    <div className={`editor-status${status ? ` editor-status-${status.tone}` : ''}`} role="status" aria-label="Editor status">
      {status ? (
        <>
          <span className="editor-status-message">{status.message}</span>
          {status.details.length > 0 ? (
            <ul className="editor-status-details">
              {status.details.slice(0, 5).map((detail, index) => (
                <li key={index}>{detail}</li>
              ))}
            </ul>
          ) : null}
          <button type="button" className="link-button" onClick={onDismiss} aria-label="Dismiss message">
            ×
          </button>
        </>
      ) : null}
    </div>
  );
});
