'use client';

import { memo } from 'react';
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
  return (
    <div className="editor-toolbar" role="toolbar" aria-label="Pipeline editor">
      <div className="toolbar-group">
        <button type="button" className="button button-quiet" onClick={props.onUndo} disabled={!props.canUndo} aria-label="Undo" title="Undo (Ctrl+Z)">
          Undo
        </button>
        <button type="button" className="button button-quiet" onClick={props.onRedo} disabled={!props.canRedo} aria-label="Redo" title="Redo (Ctrl+Shift+Z)">
          Redo
        </button>
      </div>
      <div className="toolbar-group">
        <button type="button" className="button button-quiet" onClick={props.onLayout} aria-label="Auto-layout" title="Arrange nodes left to right">
          Auto-layout
        </button>
        <button type="button" className="button button-quiet" onClick={props.onFitView} aria-label="Fit view" title="Show the whole pipeline">
          Fit view
        </button>
      </div>
      <div className="toolbar-group">
        <span className="save-state" aria-live="polite">
          {props.dirty ? 'Unsaved changes' : 'Saved'}
        </span>
        <button type="button" className="button" onClick={props.onSave} disabled={props.saving} aria-label="Save revision" title="Save as a new revision (Ctrl+S)">
          {props.saving ? 'Saving…' : 'Save'}
        </button>
      </div>
      <div className="toolbar-group">
        <button type="button" className="button button-quiet" onClick={props.onDeploy} disabled={props.busy} aria-label="Deploy" title="Deploy the saved revision">
          Deploy
        </button>
        <button type="button" className="button button-quiet" onClick={props.onStop} disabled={props.busy} aria-label="Stop" title="Stop the running pipeline">
          Stop
        </button>
      </div>
    </div>
  );
});
