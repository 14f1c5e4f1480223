import type { z } from 'zod';
import type { NodeType } from './graph-schema';
import { algorithmNode } from './nodes/algorithm-node';
import { cameraNode } from './nodes/camera-node';
import type { NodeDefinition } from './nodes/node-definition';
import { roiNode } from './nodes/roi-node';
import { ruleNode } from './nodes/rule-node';
import { callbackNode, recordNode, restreamNode, websocketNode } from './nodes/sink-nodes';

/** One entry per node type: leaving one out is a type error, not a runtime surprise. */
export const nodeRegistry = {
  camera: cameraNode,
  algorithm: algorithmNode,
  roi: roiNode,
  rule: ruleNode,
  callback: callbackNode,
  websocket: websocketNode,
  restream: restreamNode,
  record: recordNode,
} as const satisfies { [T in NodeType]: NodeDefinition & { type: T } };

export type NodeConfig<T extends NodeType> = z.infer<(typeof nodeRegistry)[T]['config']>;
