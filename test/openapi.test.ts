import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiOperations, buildOpenApiDocument } from '../server/openapi/build-openapi-document';

const apiRoot = join(import.meta.dirname, '..', 'app', 'api', 'v1');
const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? routeFiles(join(dir, entry.name)) : entry.name === 'route.ts' ? [join(dir, entry.name)] : [],
  );
}

/** app/api/v1/cameras/[id]/route.ts → /cameras/{id} */
function toOpenApiPath(file: string): string {
  const folder = relative(apiRoot, file).split(sep).slice(0, -1);
  return `/${folder.map((part) => part.replace(/^\[(\w+)\]$/, '{$1}')).join('/')}`;
}

describe('OpenAPI document', () => {
  it('documents every method of every route handler, and nothing that does not exist', async () => {
    const implemented: string[] = [];
    for (const file of routeFiles(apiRoot)) {
      const module = (await import(file)) as Record<string, unknown>;
      for (const method of methods) if (typeof module[method] === 'function') implemented.push(`${method.toLowerCase()} ${toOpenApiPath(file)}`);
    }
    const documented = apiOperations.map((op) => `${op.method} ${op.path}`);
    expect(documented.sort()).toEqual(implemented.sort());
  });

  it('describes request bodies with the validation schemas (required fields, no unknown fields)', () => {
    const doc = buildOpenApiDocument('test') as { openapi: string; paths: Record<string, Record<string, any>> };
    expect(doc.openapi).toBe('3.1.0');
    const body = doc.paths['/cameras']!.post.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(expect.arrayContaining(['name', 'streamUrl']));
    expect(body.additionalProperties).toBe(false);
    const query = doc.paths['/alarms']!.get.parameters.map((p: { name: string }) => p.name);
    expect(query).toEqual(expect.arrayContaining(['cameraId', 'pipelineId', 'from', 'to', 'limit', 'cursor']));
    expect(doc.paths['/health']!.get.security).toEqual([]);
  });
});
