'use client';

import { useEffect } from 'react';

const editable = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y) / Ctrl+S on the editor; text fields keep their own undo. */
export function useEditorShortcuts(enabled: boolean, actions: { undo: () => void; redo: () => void; save: () => void }) {
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || editable(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === 'z') actions[event.shiftKey ? 'redo' : 'undo']();
      else if (key === 'y') actions.redo();
      else if (key === 's') actions.save();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled, actions]);
}
