'use client';

import type Konva from 'konva';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { Circle, Image as KonvaImage, Layer, Line, Rect, Stage, Text } from 'react-konva';
import type { NormalisedPoint } from '@/lib/geometry/roi';
import { clampPoint } from './roi-model';
import { roiColours, RoiShape } from './roi-shapes';
import type { SnapshotState } from './use-camera-snapshot';
import type { RoiRegionsState } from './use-roi-regions';

interface RoiCanvasProps {
  size: { width: number; height: number };
  snapshot: SnapshotState;
  state: RoiRegionsState;
}

/** The snapshot with every region over it; clicks add vertices, a double-click closes a polygon. */
export function RoiCanvas({ size, snapshot, state }: RoiCanvasProps) {
  const t = useTranslations('canvas.roi');
  const [pointer, setPointer] = useState<NormalisedPoint | null>(null);
  const toNormalised = (stage: Konva.Stage | null): NormalisedPoint | null => {
    const position = stage?.getPointerPosition();
    return position ? clampPoint([position.x / size.width, position.y / size.height]) : null;
  };
  const onClick = (event: Konva.KonvaEventObject<MouseEvent>) => {
    if (event.evt.button !== 0) return;
    const point = toNormalised(event.target.getStage());
    if (point) state.clickAt(point);
  };
  const draftPixels = (state.draft?.points ?? []).flatMap(([x, y]) => [x * size.width, y * size.height]);
  const rubberBand = state.draft && pointer ? [...draftPixels.slice(-2), pointer[0] * size.width, pointer[1] * size.height] : [];
  const drawing = state.tool !== 'select';
  return (
    // Focusable so that, after a click on the image, Enter/Delete/Escape reach the dialog's key handler.
    <div
      className={`roi-stage${drawing ? ' roi-stage-drawing' : ''}`}
      data-snapshot={snapshot.status}
      style={{ width: size.width, height: size.height }}
      tabIndex={0}
      role="application"
      aria-label={t('stage')}
      onMouseDown={(event) => event.currentTarget.focus()}
      // The browser's dblclick (two clicks on one spot), not Konva's, which also fires for two quick clicks far apart.
      onDoubleClick={() => state.closePolygon()}
    >
      <Stage
        width={size.width}
        height={size.height}
        onClick={onClick}
        onMouseMove={(event) => setPointer(drawing ? toNormalised(event.target.getStage()) : null)}
        onMouseLeave={() => setPointer(null)}
      >
        <Layer listening={false}>
          {snapshot.status === 'ready' ? (
            <KonvaImage image={snapshot.image} width={size.width} height={size.height} />
          ) : (
            <>
              <Rect width={size.width} height={size.height} fill="#1c2836" />
              <Text width={size.width} y={size.height / 2 - 8} align="center" text={snapshot.status === 'loading' ? t('grabbing') : t('noCameraImage')} fill="#a3b3c4" fontSize={14} />
            </>
          )}
        </Layer>
        <Layer>
          {state.regions.map((region) => (
            <RoiShape key={region.id} region={region} size={size} state={state} />
          ))}
          {state.draft ? (
            <>
              <Line points={draftPixels} stroke={roiColours.selected} strokeWidth={2} listening={false} />
              <Line points={rubberBand} stroke={roiColours.selected} strokeWidth={1} dash={[6, 4]} listening={false} />
              {(state.draft.points ?? []).map(([x, y], index) => (
                <Circle key={index} x={x * size.width} y={y * size.height} radius={4} fill={roiColours.selected} listening={false} />
              ))}
            </>
          ) : null}
        </Layer>
      </Stage>
    </div>
  );
}
