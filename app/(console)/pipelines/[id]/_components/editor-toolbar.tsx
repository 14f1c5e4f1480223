'use client';

import { memo } from 'react';
import { useTranslations } from 'use-intl';

export interface EditorToolbarProps {
  canUndo: boolean;
  canRedo: boolean;
  dirty: boolean;
  saving: boolean;
  busy: boolean;
  onUndo: () => void;
  onRedo: () => void;
  onLayout: () => void;
  onFitView: () => void;
  onSave: () => void;
  onDeploy: () => void;
  onStop: () => void;
}

/** Every command also has a keyboard path: Tab to the button, or the shortcut in its title. */
export const EditorToolbar = memo(function EditorToolbar(props: EditorToolbarProps) {
  const t = useTranslations('canvas.toolbar');
  return (
    <div className="editor-toolbar" role="toolbar" aria-label={t('label')}>
      <div className="toolbar-group">
        <button type="button" className="button button-quiet" onClick={props.onUndo} disabled={!props.canUndo} aria-label={t('undo')} title={t('undoTitle')}>
          {t('undo')}
        </button>
        <button type="button" className="button button-quiet" onClick={props.onRedo} disabled={!props.canRedo} aria-label={t('redo')} title={t('redoTitle')}>
          {t('redo')}
        </button>
      </div>
      <div className="toolbar-group">
        <button type="button" className="button button-quiet" onClick={props.onLayout} aria-label={t('layout')} title={t('layoutTitle')}>
          {t('layout')}
        </button>
        <button type="button" className="button button-quiet" onClick={props.onFitView} aria-label={t('fitView')} title={t('fitViewTitle')}>
          {t('fitView')}
        </button>
      </div>
      <div className="toolbar-group">
        <span className="save-state" aria-live="polite">
          {props.dirty ? t('unsaved') : t('saved')}
        </span>
        <button type="button" className="button" onClick={props.onSave} disabled={props.saving} aria-label={t('saveLabel')} title={t('saveTitle')}>
          {props.saving ? t('saving') : t('save')}
        </button>
      </div>
      <div className="toolbar-group">
        <button type="button" className="button button-quiet" onClick={props.onDeploy} disabled={props.busy} aria-label={t('deploy')} title={t('deployTitle')}>
          {t('deploy')}
        </button>
        <button type="button" className="button button-quiet" onClick={props.onStop} disabled={props.busy} aria-label={t('stop')} title={t('stopTitle')}>
          {t('stop')}
        </button>
      </div>
    </div>
  );
});
