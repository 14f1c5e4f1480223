import { z } from 'zod';
import { roiSchema } from '../../geometry/roi';
import type { NodeDefinition } from './node-definition';

/** Which point of a box decides whether an object is inside a region (bottom-centre = where a person stands). */
export const anchorPoints = ['bottom-center', 'center', 'top-center'] as const;

export const roiNodeConfig = z
  .strictObject({
    regions: z.array(roiSchema).min(1, 'draw at least one region').max(32),
    anchor: z.enum(anchorPoints).default('bottom-center'),
  })
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.regions.forEach((region, index) => {
      if (seen.has(region.id)) ctx.addIssue({ code: 'custom', path: ['regions', index, 'id'], message: `duplicate region id "${region.id}"` });
      seen.add(region.id);
    });
  });

export const roiNode = {
  type: 'roi',
  label: 'Region of interest',
  description: 'Polygons, lines and points drawn on the camera image; rules after it apply to them',
  category: 'analysis',
  ports: { inputs: [{ name: 'detections', type: 'detections' }], outputs: [{ name: 'detections', type: 'detections' }] },
  config: roiNodeConfig,
} satisfies NodeDefinition;
