import type { NodeType } from '@/lib/pipeline/graph-schema';
import type { PortType } from '@/lib/pipeline/ports';
import { asIs, message, type CanvasText } from './canvas-text';

export interface CatalogNames {
  cameraNames: ReadonlyMap<string, string>;
  algorithmNames: ReadonlyMap<string, string>;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** A node type's name ("Camera", "摄像头") and what it does. */
export const nodeLabel = (type: NodeType): CanvasText => message(`nodes.${type}.label`);
export const nodeDescription = (type: NodeType): CanvasText => message(`nodes.${type}.description`);
export const portTypeName = (type: PortType): CanvasText => message(`ports.${type}`);

/** One line under the node's title saying what it is configured to do. */
export function summarizeNode(type: NodeType, data: Record<string, unknown>, names: CatalogNames): CanvasText {
  switch (type) {
    case 'camera': {
      const id = text(data.cameraId);
      return id ? message('summary.camera', { camera: names.cameraNames.get(id) ?? id, fps: String(data.fps ?? 5) }) : message('summary.noCamera');
    }
    case 'algorithm': {
      const id = text(data.algorithmId);
      return id ? asIs(names.algorithmNames.get(id) ?? id) : message('summary.noAlgorithm');
    }
    case 'roi': {
      const count = Array.isArray(data.regions) ? data.regions.length : 0;
      return count === 0 ? message('summary.noRegions') : message('summary.regions', { count });
    }
    case 'rule': {
      const alarm = text(data.alarmType) ? asIs(text(data.alarmType)) : message('summary.unnamedAlarm');
      return Array.isArray(data.labels) && data.labels.length > 0 ? { parts: [alarm, asIs(data.labels.join(', '))] } : alarm;
    }
    case 'callback':
      return text(data.url) ? asIs(text(data.url)) : message('summary.noUrl');
    case 'websocket':
      return message('summary.channel', { channel: text(data.channel) || 'alarms' });
    case 'restream':
      return message('summary.bitrate', { kbps: String(data.bitrateKbps ?? 1500) });
    case 'record':
      if (data.snapshot === false) return message('summary.noSnapshot');
      return Number(data.clipSeconds) > 0 ? message('summary.snapshotAndClip', { seconds: String(data.clipSeconds) }) : message('summary.snapshot');
  }
}

/** The smallest `type-N` id not yet taken: readable in problems, diffs and the spec. */
export function nextNodeId(type: NodeType, taken: Iterable<string>): string {
  const used = new Set(taken);
  let index = 1;
  while (used.has(`${type}-${index}`)) index += 1;
  return `${type}-${index}`;
}

/** Compiler messages start with the node's name ("Rule node \"rule-1\": …"); on the node itself that is noise. */
export function withoutNodePrefix(message: string, nodeId: string): string {
  const marker = `"${nodeId}": `;
  const at = message.indexOf(marker);
  return at >= 0 && at < 60 ? message.slice(at + marker.length) : message;
}
