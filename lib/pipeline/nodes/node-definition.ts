import type { z } from 'zod';
import type { NodeType } from '../graph-schema';
import type { NodePorts } from '../ports';

/** Everything the editor, the API and the compiler know about one node type. */
export interface NodeDefinition<TConfig extends z.ZodType = z.ZodType> {
  type: NodeType;
  label: string;
  description: string;
  category: 'source' | 'analysis' | 'sink';
  ports: NodePorts;
  config: TConfig;
}
