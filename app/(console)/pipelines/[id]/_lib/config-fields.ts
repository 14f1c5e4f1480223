import { z } from 'zod';
import type { NodeType } from '@/lib/pipeline/graph-schema';
import { nodeRegistry } from '@/lib/pipeline/node-registry';

/** How the inspector edits one config field, read from the JSON Schema of the node's zod config. */
export type FieldKind = 'text' | 'number' | 'integer' | 'boolean' | 'enum' | 'string-list' | 'camera' | 'algorithm' | 'regions' | 'json';

export interface ConfigField {
  key: string;
  kind: FieldKind;
  required: boolean;
  options: string[];
  minimum?: number;
  maximum?: number;
  defaultValue?: unknown;
}

interface JsonSchemaProperty {
  type?: string;
  enum?: unknown[];
  items?: JsonSchemaProperty | false;
  minimum?: number;
  maximum?: number;
  default?: unknown;
}

const referenceKinds: Record<string, FieldKind> = { cameraId: 'camera', algorithmId: 'algorithm', regions: 'regions' };

function fieldKind(key: string, property: JsonSchemaProperty): FieldKind {
  const reference = referenceKinds[key];
  if (reference) return reference;
  if (property.enum) return 'enum';
  if (property.type === 'string') return 'text';
  if (property.type === 'number') return 'number';
  if (property.type === 'integer') return 'integer';
  if (property.type === 'boolean') return 'boolean';
  if (property.type === 'array' && property.items && property.items.type === 'string' && !property.items.enum) return 'string-list';
  // Objects (rule.schedule, algorithm.params) and other arrays: edited as JSON, checked by the same schema.
  return 'json';
}

const cache = new Map<NodeType, ConfigField[]>();

export function configFieldsFor(type: NodeType): ConfigField[] {
  const cached = cache.get(type);
  if (cached) return cached;
  const schema = z.toJSONSchema(nodeRegistry[type].config, { io: 'input' }) as { properties?: Record<string, JsonSchemaProperty>; required?: string[] };
  const required = new Set(schema.required ?? []);
  const fields = Object.entries(schema.properties ?? {}).map(([key, property]) => ({
    key,
    kind: fieldKind(key, property),
    required: required.has(key),
    options: (property.enum ?? []).map(String),
    ...(property.minimum !== undefined ? { minimum: property.minimum } : {}),
    ...(property.maximum !== undefined ? { maximum: property.maximum } : {}),
    ...(property.default !== undefined ? { defaultValue: property.default } : {}),
  }));
  cache.set(type, fields);
  return fields;
}

/** A new node's data: schema defaults, and empty values for required fields so their messages read well. */
export function initialNodeData(type: NodeType): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const field of configFieldsFor(type)) {
    if (field.defaultValue !== undefined) data[field.key] = structuredClone(field.defaultValue);
    else if (field.required) data[field.key] = field.kind === 'regions' || field.kind === 'string-list' ? [] : field.kind === 'json' ? {} : '';
  }
  return data;
}

/** The zod schema's own messages, by top-level field, for inline display in the inspector. */
export function configIssues(type: NodeType, data: unknown): Map<string, string> {
  const result = nodeRegistry[type].config.safeParse(data);
  const issues = new Map<string, string>();
  if (result.success) return issues;
  for (const issue of result.error.issues) {
    const [key, ...rest] = issue.path.map(String);
    const field = key ?? '';
    if (!issues.has(field)) issues.set(field, rest.length > 0 ? `${rest.join('.')}: ${issue.message}` : issue.message);
  }
  return issues;
}
