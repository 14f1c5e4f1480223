'use client';

import { useEffect, useMemo, useState } from 'react';
import type { Algorithm } from '@/lib/contracts/algorithms';
import type { Camera } from '@/lib/contracts/cameras';
import { apiFetch } from '@/app/_lib/api-fetch';
import type { CatalogNames } from '../_lib/node-summary';

export interface Catalog extends CatalogNames {
  cameras: Camera[];
  algorithms: Algorithm[];
  error: string | null;
}

/** Cameras and algorithms the nodes can refer to (the inspector's selects, the nodes' summaries). */
export function useCatalog(): Catalog {
  const [cameras, setCameras] = useState<Camera[]>([]);
  const [algorithms, setAlgorithms] = useState<Algorithm[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    Promise.all([apiFetch<{ items: Camera[] }>('/api/v1/cameras'), apiFetch<{ items: Algorithm[] }>('/api/v1/algorithms')])
      .then(([cameraList, algorithmList]) => {
        if (!live) return;
        setCameras(cameraList.items);
        setAlgorithms(algorithmList.items);
      })
      .catch((failure: unknown) => {
        if (live) setError(`Cannot load cameras and algorithms: ${failure instanceof Error ? failure.message : String(failure)}`);
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
