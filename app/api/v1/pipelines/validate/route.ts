import { validateGraphBodySchema } from '@/lib/contracts/pipeline-builder';
import { route } from '@/server/http/route';
import { validateGraph } from '@/server/pipelines/validate-graph';

/** Compiles without saving; a graph with problems is a normal answer ({ok:false, errors}), not an HTTP error. */
export const POST = route({ access: 'viewer', body: validateGraphBodySchema }, async ({ app, body }) => ({ json: await validateGraph(app, body.graph) }));
