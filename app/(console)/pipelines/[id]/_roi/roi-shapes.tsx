'use client';

import { Circle, Group, Line, Text } from 'react-konva';
import type { Roi } from '@/lib/geometry/roi';
import type { RoiRegionsState } from './use-roi-regions';

export const roiColours = { polygon: '#4aa3ff', line: '#ffb340', point: '#ff6ec7', selected: '#ffd866' } as const;
const directionText = { 'a-to-b': 'A→B', 'b-to-a': 'B→A', both: 'A⇄B' } as const;

interface ShapeProps {
  region: Roi;
  size: { width: number; height: number };
  state: RoiRegionsState;
}

/** One region drawn in pixels, with draggable vertex handles when the select tool is active. */
export function RoiShape({ region, size, state }: ShapeProps) {
  const selected = state.selection?.regionId === region.id;
  const editable = state.tool === 'select';
  const colour = selected ? roiColours.selected : roiColours[region.kind];
  const pixels = region.points.map(([x, y]) => [x * size.width, y * size.height] as const);
  const flat = pixels.flat();
  const select = (vertex: number | null) => (event: { cancelBubble: boolean }) => {
    if (!editable) return;
    event.cancelBubble = true;
    state.select({ regionId: region.id, vertex });
  };
  const [labelX, labelY] = pixels[0] ?? [0, 0];
  return (
    <Group listening={editable}>
      {region.kind === 'polygon' ? <Line points={flat} closed fill={`${colour}33`} stroke={colour} strokeWidth={2} onClick={select(null)} hitStrokeWidth={8} /> : null}
      {region.kind === 'line' ? <Line points={flat} stroke={colour} strokeWidth={3} onClick={select(null)} hitStrokeWidth={12} /> : null}
      {region.kind === 'point' ? <Circle x={labelX} y={labelY} radius={9} fill={`${colour}66`} stroke={colour} strokeWidth={2} onClick={select(null)} /> : null}
      <Text x={labelX + 8} y={labelY - 20} text={region.name || region.id} fill={colour} fontSize={13} fontStyle="bold" listening={false} />
      {region.kind === 'line' && pixels.length >= 2 ? (
        <>
          <Text x={pixels[0]![0] - 14} y={pixels[0]![1] + 4} text="A" fill={colour} fontSize={12} listening={false} />
          <Text x={pixels[1]![0] + 6} y={pixels[1]![1] + 4} text="B" fill={colour} fontSize={12} listening={false} />
          <Text x={(pixels[0]![0] + pixels[1]![0]) / 2 + 6} y={(pixels[0]![1] + pixels[1]![1]) / 2 + 6} text={directionText[region.direction ?? 'both']} fill={colour} fontSize={12} listening={false} />
        </>
      ) : null}
      {pixels.map(([x, y], index) => {
        const active = selected && state.selection?.vertex === index;
        return (
          <Circle
            key={index}
            x={x}
            y={y}
            radius={active ? 7 : 5}
            fill={active ? roiColours.selected : '#0d141c'}
            stroke={colour}
            strokeWidth={2}
            draggable={editable}
            onClick={select(index)}
            onDragStart={select(index)}
            dragBoundFunc={(position) => ({ x: Math.min(size.width, Math.max(0, position.x)), y: Math.min(size.height, Math.max(0, position.y)) })}
            onDragMove={(event) => state.move(region.id, index, [event.target.x() / size.width, event.target.y() / size.height])}
          />
        );
      })}
    </Group>
  );
}
