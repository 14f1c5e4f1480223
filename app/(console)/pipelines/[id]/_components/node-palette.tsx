'use client';

import { memo, type DragEvent } from 'react';
import type { NodeType } from '@/lib/pipeline/graph-schema';
import { nodeRegistry } from '@/lib/pipeline/node-registry';

export const nodeTypeMime = 'application/vigil-node-type';

const categories = [
  { id: 'source', title: 'Sources' },
  { id: 'analysis', title: 'Analysis' },
  { id: 'sink', title: 'Outputs' },
] as const;

const portTypes = ['video', 'detections', 'events'] as const;

/** Node types to drag onto the canvas; Enter or a click adds one in the middle of the view instead. */
export const NodePalette = memo(function NodePalette({ onAdd }: { onAdd: (type: NodeType) => void }) {
  const startDrag = (event: DragEvent, type: NodeType) => {
    event.dataTransfer.setData(nodeTypeMime, type);
    event.dataTransfer.effectAllowed = 'move';
  };
  return (
    <aside className="node-palette" aria-label="Node palette">
      {categories.map((category) => (
        <section key={category.id} aria-labelledby={`palette-${category.id}`}>
          <h2 id={`palette-${category.id}`} className="panel-title">
            {category.title}
          </h2>
          <ul className="palette-list">
            {Object.values(nodeRegistry)
              .filter((definition) => definition.category === category.id)
              .map((definition) => (
                <li key={definition.type}>
                  <button
                    type="button"
                    className={`palette-item palette-item-${definition.category}`}
                    draggable
                    onDragStart={(event) => startDrag(event, definition.type)}
                    onClick={() => onAdd(definition.type)}
                    aria-label={`Add ${definition.label} node`}
                    title={definition.description}
                    data-node-type={definition.type}
                  >
                    {definition.label}
                  </button>
                </li>
              ))}
          </ul>
        </section>
      ))}
      <section aria-labelledby="palette-legend" className="palette-legend">
        <h2 id="palette-legend" className="panel-title">
          Ports
        </h2>
        {portTypes.map((type) => (
          <div key={type} className="legend-row">
            <span className={`legend-dot port-${type}`} aria-hidden="true" />
            {type}
          </div>
        ))}
      </section>
    </aside>
  );
});
