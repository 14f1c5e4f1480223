import { KustomizationError } from './kubernetes-manifest';

/** An RFC 6902 operation of the kinds kustomize overlays here use. */
export interface JsonPatchOperation {
  op: 'add' | 'replace' | 'remove';
  path: string;
  value?: unknown;
}

/** Applies the operations in order to a copy of `document` (RFC 6902 add, replace and remove; `-` appends). */
export function applyJsonPatch<T>(document: T, operations: readonly JsonPatchOperation[]): T {
  const copy = structuredClone(document);
  for (const operation of operations) applyOne(copy, operation);
  return copy;
}

function applyOne(root: unknown, operation: JsonPatchOperation): void {
  if (!['add', 'replace', 'remove'].includes(operation.op)) throw new KustomizationError(`JSON patch op "${String(operation.op)}" is not supported (add, replace, remove)`);
  const tokens = parsePointer(operation.path);
  const last = tokens.pop();
  if (last === undefined) throw new KustomizationError('a JSON patch may not replace the whole object');
  const parent = tokens.reduce<unknown>((node, token) => childOf(node, token, operation.path), root);
  if (Array.isArray(parent)) {
    const index = last === '-' && operation.op === 'add' ? parent.length : arrayIndex(last, operation.path);
    const bound = operation.op === 'add' ? parent.length : parent.length - 1;
    if (index > bound) throw new KustomizationError(`JSON patch path ${operation.path}: index ${index} is out of range`);
    if (operation.op === 'add') parent.splice(index, 0, operation.value);
    else if (operation.op === 'replace') parent[index] = operation.value;
    else parent.splice(index, 1);
    return;
  }
  if (!parent || typeof parent !== 'object') throw new KustomizationError(`JSON patch path ${operation.path}: the parent is not an object`);
  const target = parent as Record<string, unknown>;
  if (operation.op !== 'add' && !(last in target)) throw new KustomizationError(`JSON patch path ${operation.path}: nothing to ${operation.op}`);
  if (operation.op === 'remove') delete target[last];
  else target[last] = operation.value;
}

function parsePointer(path: string): string[] {
  if (!path.startsWith('/')) throw new KustomizationError(`JSON patch path "${path}" must start with /`);
  return path.slice(1).split('/').map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'));
}

function childOf(node: unknown, token: string, path: string): unknown {
  const child = Array.isArray(node) ? node[arrayIndex(token, path)] : node && typeof node === 'object' ? (node as Record<string, unknown>)[token] : undefined;
  if (child === undefined) throw new KustomizationError(`JSON patch path ${path}: "${token}" does not exist`);
  return child;
}

function arrayIndex(token: string, path: string): number {
  if (!/^(0|[1-9]\d*)$/.test(token)) throw new KustomizationError(`JSON patch path ${path}: "${token}" is not an array index`);
  return Number(token);
}
