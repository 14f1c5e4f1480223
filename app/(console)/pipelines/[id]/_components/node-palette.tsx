'use client';

import { memo, type DragEvent } from 'react';
import { useTranslations } from 'use-intl';
import type { NodeType } from '@/lib/pipeline/graph-schema';
import { nodeRegistry } from '@/lib/pipeline/node-registry';
import { renderText } from '../_lib/canvas-text';
import { nodeDescription, nodeLabel, portTypeName } from '../_lib/node-summary';

export const nodeTypeMime = 'application/vigil-node-type';

const categories = ['source', 'analysis', 'sink'] as const;
const portTypes = ['video', 'detections', 'events'] as const;

/** Node types to drag onto the canvas; Enter or a click adds one in the middle of the view instead. */
export const NodePalette = memo(function NodePalette({ onAdd }: { onAdd: (type: NodeType) => void }) {
  const t = useTranslations('canvas');
  const startDrag = (event: DragEvent, type: NodeType) => {
    event.dataTransfer.setData(nodeTypeMime, type);
    event.dataTransfer.effectAllowed = 'move';
  };
  return (
    <aside className="node-palette" aria-label={t('palette.label')}>
      {categories.map((category) => (
        <section key={category} aria-labelledby={`palette-${category}`}>
          <h2 id={`palette-${category}`} className="panel-title">
            {t(`palette.categories.${category}`)}
          </h2>
          <ul className="palette-list">
            {Object.values(nodeRegistry)
              .filter((definition) => definition.category === category)
              .map((definition) => {
                const label = renderText(t, nodeLabel(definition.type));
                return (
                  <li key={definition.type}>
                    <button
                      type="button"
                      className={`palette-item palette-item-${definition.category}`}
                      draggable
                      onDragStart={(event) => startDrag(event, definition.type)}
                      onClick={() => onAdd(definition.type)}
                      aria-label={t('palette.add', { node: label })}
                      title={renderText(t, nodeDescription(definition.type))}
                      data-node-type={definition.type}
                    >
                      {label}
                    </button>
                  </li>
                );
              })}
          </ul>
        </section>
      ))}
      <section aria-labelledby="palette-legend" className="palette-legend">
        <h2 id="palette-legend" className="panel-title">
          {t('palette.ports')}
        </h2>
        {portTypes.map((type) => (
          <div key={type} className="legend-row">
            <span className={`legend-dot port-${type}`} aria-hidden="true" />
            {renderText(t, portTypeName(type))}
          </div>
        ))}
      </section>
    </aside>
  );
});
