import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { auditOperations } from './audit';
import { settingsOperations } from './settings';
import { tokenOperations } from './tokens';
import { userOperations } from './users';

const operations = [...userOperations, ...tokenOperations, ...settingsOperations, ...auditOperations];

describe('users, tokens, settings and audit operations', () => {
  it.each(operations.map((op) => [`${op.method.toUpperCase()} ${op.path}`, op] as const))('%s has a route handler and JSON-Schema-convertible schemas', async (_name, op) => {
    const file = `../../../app/api/v1${op.path.replace(/\{(\w+)\}/g, '[$1]')}/route.ts`;
    const module = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    expect(typeof module[op.method.toUpperCase()]).toBe('function');
    for (const schema of [op.body, op.query]) if (schema) expect(() => z.toJSONSchema(schema, { io: 'input' })).not.toThrow();
    if (op.response) expect(() => z.toJSONSchema(op.response!, { io: 'output' })).not.toThrow();
  });

  it('documents each method and path once', () => {
    const keys = operations.map((op) => `${op.method} ${op.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
