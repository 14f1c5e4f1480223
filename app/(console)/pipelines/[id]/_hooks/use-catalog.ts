'use client';

import { useEffect, useMemo, useState } from 'react';
import type { Algorithm } from '@/lib/contracts/algorithms';
import type { Camera } from '@/lib/contracts/cameras';
import { apiFetch } from '@/app/_lib/api-fetch';
import { message, type CanvasText } from '../_lib/canvas-text';
import type { CatalogNames } from '../_lib/node-summary';
import { failureText } from './use-editor-status';

export interface Catalog extends CatalogNames {
  cameras: Camera[];
  algorithms: Algorithm[];
  error: CanvasText | null;
}

/** Cameras and algorithms the nodes can refer to (the inspector's selects, the nodes' summaries). */
export function useCatalog(): Catalog {
  const [cameras, setCameras] = useState<Camera[]>([]);
  const [algorithms, setAlgorithms] = useState<Algorithm[]>([]);
  const [error, setError] = useState<CanvasText | null>(null);
  useEffect(() => {
    let live = true;
    Promise.all([apiFetch<{ items: Camera[] }>('/api/v1/cameras'), apiFetch<{ items: Algorithm[] }>('/api/v1/algorithms')])
      .then(([cameraList, algorithmList]) => {
        if (!live) return;
        setCameras(cameraList.items);
        setAlgorithms(algorithmList.items);
      })
      .catch((failure: unknown) => {
        if (live) setError(message('status.catalogFailed', { message: failureText(failure) }));
      });
    return () => {
      live = false;
    };
  }, []);
  return useMemo(
    () => ({
      cameras,
      algorithms,
      error,
      cameraNames: new Map(cameras.map((camera) => [camera.id, camera.name])),
      algorithmNames: new Map(algorithms.map((algorithm) => [algorithm.id, `${algorithm.name} ${algorithm.version}`])),
    }),
    [cameras, algorithms, error],
  );
}
