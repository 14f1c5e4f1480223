'use client';

import { createContext, useContext } from 'react';
import type { CompileProblem } from '../_lib/compile-problems';
import type { CatalogNames } from '../_lib/node-summary';
import type { NodeLiveStatus } from '../_lib/live-status';

/** What every canvas node reads besides its own config: the compiler's errors and catalog names. */
export interface EditorContextValue extends CatalogNames {
  errorsByNode: ReadonlyMap<string, CompileProblem[]>;
  /** What the running deployment reports per node (empty while not deployed). */
  liveByNode: ReadonlyMap<string, NodeLiveStatus>;
}

export const EditorContext = createContext<EditorContextValue>({ errorsByNode: new Map(), liveByNode: new Map(), cameraNames: new Map(), algorithmNames: new Map() });

export const useEditorContext = () => useContext(EditorContext);
