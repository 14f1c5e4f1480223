import { z } from 'zod';

/** Normalised coordinates: 0–1 of the frame's width and height, origin top-left (DESIGN.md §4.2). */
export const normalisedPointSchema = z.tuple([z.number().min(0).max(1), z.number().min(0).max(1)]);
export type NormalisedPoint = z.infer<typeof normalisedPointSchema>;

export const roiKinds = ['polygon', 'line', 'point'] as const;
export type RoiKind = (typeof roiKinds)[number];

/** For a line: which crossing counts — left→right of the line's direction (a→b), the reverse, or both. */
export const crossingDirections = ['a-to-b', 'b-to-a', 'both'] as const;

export const roiSchema = z
  .strictObject({
    id: z.string().min(1).max(64),
    name: z.string().max(100).default(''),
    kind: z.enum(roiKinds),
    points: z.array(normalisedPointSchema).min(1).max(64),
    direction: z.enum(crossingDirections).optional(),
    /** For a point: how near (normalised distance) an object's anchor must come. */
    radius: z.number().positive().max(1).optional(),
  })
  .superRefine((roi, ctx) => {
    const need = { polygon: 3, line: 2, point: 1 }[roi.kind];
    if (roi.points.length < need) ctx.addIssue({ code: 'custom', path: ['points'], message: `a ${roi.kind} needs at least ${need} point(s)` });
    if (roi.kind === 'point' && roi.points.length !== 1) ctx.addIssue({ code: 'custom', path: ['points'], message: 'a point has exactly one point' });
    if (roi.direction && roi.kind !== 'line') ctx.addIssue({ code: 'custom', path: ['direction'], message: 'only lines have a direction' });
  });
export type Roi = z.infer<typeof roiSchema>;
