import { z } from 'zod';
import type { ApiOperation } from './api-operation';
import { alarmConsoleOperations } from './operations/alarms-console';
import { auditOperations } from './operations/audit';
import { callbackTargetOperations, deliveryOperations } from './operations/callbacks';
import { dashboardOperations } from './operations/dashboard';
import { cameraConsoleOperations } from './operations/cameras-console';
import { algorithmOperations, alarmOperations, cameraOperations, pipelineOperations } from './operations/resources';
import { retentionOperations } from './operations/retention';
import { settingsOperations } from './operations/settings';
import { settingsConsoleOperations } from './operations/settings-console';
import { systemOperations } from './operations/system';
import { tokenOperations } from './operations/tokens';
import { trainingOperations } from './operations/training';
import { userOperations } from './operations/users';
import { workflowOperations } from './operations/workflows';

export const apiOperations: ApiOperation[] = [
  ...systemOperations,
  ...dashboardOperations,
  ...cameraOperations,
  ...cameraConsoleOperations,
  ...algorithmOperations,
  ...pipelineOperations,
  ...alarmOperations,
  ...alarmConsoleOperations,
  ...userOperations,
  ...tokenOperations,
  ...settingsOperations,
  ...auditOperations,
  ...workflowOperations,
  ...callbackTargetOperations,
  ...deliveryOperations,
  ...retentionOperations,
  ...trainingOperations,
  ...settingsConsoleOperations,
];

const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown() }) });

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  return z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Record<string, unknown>;
}

function queryParameters(schema: z.ZodType): Record<string, unknown>[] {
  const json = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({ name, in: 'query', required: json.required?.includes(name) ?? false, schema: property }));
}

function operationObject(op: ApiOperation): Record<string, unknown> {
  const pathParameters = [...op.path.matchAll(/\{(\w+)\}/g)].map((match) => ({ name: match[1], in: 'path', required: true, schema: { type: 'string' } }));
  const errorResponse = { description: 'Error', content: { 'application/json': { schema: jsonSchema(errorSchema, 'output') } } };
  const success = op.successStatus ?? 200;
  return {
    summary: op.summary,
    tags: [op.tag],
    'x-vigil-access': op.access,
    ...(op.access === 'public' ? { security: [] } : {}),
    parameters: [...pathParameters, ...(op.query ? queryParameters(op.query) : [])],
    ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(op.body, 'input') } } } } : {}),
    responses: {
      [success]: op.response ? { description: 'OK', content: { 'application/json': { schema: jsonSchema(op.response, 'output') } } } : { description: 'OK' },
      ...(op.body || op.query ? { 400: errorResponse } : {}),
      ...(op.access === 'public' ? {} : { 401: errorResponse, 403: errorResponse }),
    },
  };
}

/** OpenAPI 3.1, generated from the zod schemas the handlers validate with, so it cannot drift from them. */
export function buildOpenApiDocument(version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of apiOperations) {
    (paths[op.path] ??= {})[op.method] = operationObject(op);
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Vigil API', version, description: 'Video-analytics algorithm inference platform. Errors: {error:{code,message,details}}.' },
    servers: [{ url: '/api/v1' }],
    security: [{ session: [] }, { bearer: [] }],
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'vigil_session', description: 'Changes also need the x-csrf-token header (value of the vigil_csrf cookie).' },
        bearer: { type: 'http', scheme: 'bearer', description: 'API token created under /tokens' },
      },
    },
    paths,
  };
}
