import type { CompileError } from '@/lib/pipeline/compile-error';
import type { NodeType } from '@/lib/pipeline/graph-schema';
import { nodeRegistry } from '@/lib/pipeline/node-registry';
import { canvas } from '@/app/_i18n/messages/canvas';
import { asIs, message, type CanvasText } from './canvas-text';
import { configIssues, fieldLabel } from './config-fields';
import { portTypeName, withoutNodePrefix } from './node-summary';

/** A compiler error as the editor shows it: translated text, and the API's own (English) words as detail. */
export interface CompileProblem {
  error: CompileError;
  text: CanvasText;
  /** The compiler's message without the node's name in front. */
  detail: string;
  /** Whether the detail names something the text does not (which ids, which label): then the list shows it too. */
  showDetail: boolean;
}

/** Codes whose translated text is complete by itself; the others' API message names the ids, labels or paths. */
const selfContained = new Set<CompileError['code']>(['dangling_node', 'missing_input', 'unused_output', 'sink_without_algorithm', 'empty_pipeline']);

interface NodeShape {
  id: string;
  type?: string;
  data: Record<string, unknown>;
}

const isNodeType = (type: string | undefined): type is NodeType => type !== undefined && type in nodeRegistry;

/**
 * The API words compile errors in English; here each code gets the reader's language. A config error on a node
 * that is on the canvas is checked again against the node's schema, so the field and the rule are translated too.
 */
export function presentCompileError(error: CompileError, nodes: readonly NodeShape[]): CompileProblem {
  const node = error.nodeId ? nodes.find((candidate) => candidate.id === error.nodeId) : undefined;
  const detail = error.nodeId ? withoutNodePrefix(error.message, error.nodeId) : error.message;
  const type = isNodeType(node?.type) ? node.type : undefined;
  if (error.code === 'invalid_config' && node && type && error.field) {
    const field = error.field.split('.')[0]!;
    const issue = configIssues(type, node.data).get(field);
    if (issue) return { error, detail, showDetail: false, text: message('compile.fieldIssue', { field: fieldLabel(field), issue }) };
  }
  if (error.code === 'missing_input' && type) {
    const types = nodeRegistry[type].ports.inputs.map((port) => portTypeName(port.type));
    return { error, detail, showDetail: false, text: message('compile.codes.missing_input', { types: types.length === 1 ? types[0]! : { parts: types } }) };
  }
  if (error.code === 'missing_input') return { error, detail, showDetail: false, text: asIs(detail) };
  // A code newer than this console: the API's words as they are.
  if (!(error.code in canvas.en.compile.codes)) return { error, detail, showDetail: false, text: asIs(detail) };
  return { error, detail, showDetail: !selfContained.has(error.code), text: message(`compile.codes.${error.code}`) };
}
