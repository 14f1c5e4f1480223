import { z } from 'zod';
import type { NodeType } from '@/lib/pipeline/graph-schema';
import { nodeRegistry } from '@/lib/pipeline/node-registry';
import { canvas } from '@/app/_i18n/messages/canvas';
import { asIs, message, type CanvasKey, type CanvasText } from './canvas-text';

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

const humanize = (key: string) => key.replace(/([A-Z])/g, ' $1').replace(/^./, (letter) => letter.toUpperCase());

/** A config field's label; a field the catalogue does not name yet (a new schema key) reads as its key. */
export function fieldLabel(key: string): CanvasText {
  return key in canvas.en.fields ? message(`fields.${key as keyof typeof canvas.en.fields}`) : asIs(humanize(key));
}

/** An enum option's label (anchor points); unknown options as they are. */
export function optionLabel(option: string): CanvasText {
  return option in canvas.en.options ? message(`options.${option as keyof typeof canvas.en.options}`) : asIs(option);
}

/** The node schemas' own messages (lib/pipeline/nodes), each with its translation. */
const knownMessages: Record<string, CanvasKey> = {
  'choose a camera': 'issues.chooseCamera',
  'choose an algorithm': 'issues.chooseAlgorithm',
  'draw at least one region': 'issues.drawRegion',
  'name the alarm type': 'issues.nameAlarmType',
  'a time as HH:MM': 'issues.time',
  'an IANA time zone such as Asia/Shanghai': 'issues.timeZone',
  'a URL': 'issues.url',
  'callback URLs must be http:// or https://': 'issues.httpUrl',
  'lower-case letters, digits and -': 'issues.channel',
};

type Issue = z.core.$ZodIssue;

/** One zod issue in the reader's language: the schema's own message where it is known, else one per issue code. */
export function describeIssue(issue: Issue): CanvasText {
  const known = knownMessages[issue.message];
  if (known) return message(known);
  const duplicate = /^duplicate region id "(.*)"$/.exec(issue.message);
  if (duplicate) return message('issues.duplicateRegion', { id: duplicate[1]! });
  switch (issue.code) {
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'array') return message('issues.minItems', { minimum });
      if (issue.origin === 'string') return minimum === 1 ? message('issues.required') : message('issues.minLength', { minimum });
      return message(issue.inclusive === false ? 'issues.above' : 'issues.atLeast', { minimum });
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'array') return message('issues.maxItems', { maximum });
      if (issue.origin === 'string') return message('issues.maxLength', { maximum });
      return message(issue.inclusive === false ? 'issues.below' : 'issues.atMost', { maximum });
    }
    case 'invalid_type':
      if (issue.expected === 'int') return message('issues.wholeNumber');
      if (issue.expected === 'number') return message('issues.number');
      return message('issues.invalidType', { expected: issue.expected });
    case 'invalid_value':
      return message('issues.oneOf', { options: issue.values.map(String).join(', ') });
    case 'unrecognized_keys':
      return message('issues.unknownKeys', { keys: issue.keys.join(', ') });
    case 'invalid_format':
      return message('issues.invalidFormat');
    default:
      return asIs(issue.message);
  }
}

/** The zod schema's verdict, by top-level field, for inline display in the inspector (nested paths named). */
export function configIssues(type: NodeType, data: unknown): Map<string, CanvasText> {
  const result = nodeRegistry[type].config.safeParse(data);
  const issues = new Map<string, CanvasText>();
  if (result.success) return issues;
  for (const issue of result.error.issues) {
    const [key, ...rest] = issue.path.map(String);
    const field = key ?? '';
    if (!issues.has(field)) issues.set(field, rest.length > 0 ? message('issues.atPath', { path: rest.join('.'), issue: describeIssue(issue) }) : describeIssue(issue));
  }
  return issues;
}
