import type { NodeType } from '@/lib/pipeline/graph-schema';

export interface CatalogNames {
  cameraNames: ReadonlyMap<string, string>;
  algorithmNames: ReadonlyMap<string, string>;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** One line under the node's title saying what it is configured to do. */
export function summarizeNode(type: NodeType, data: Record<string, unknown>, names: CatalogNames): string {
  switch (type) {
    case 'camera': {
      const id = text(data.cameraId);
      return id ? `${names.cameraNames.get(id) ?? id} · ${String(data.fps ?? 5)} fps` : 'No camera chosen';
    }
    case 'algorithm': {
      const id = text(data.algorithmId);
      return id ? (names.algorithmNames.get(id) ?? id) : 'No algorithm chosen';
    }
    case 'roi': {
      const count = Array.isArray(data.regions) ? data.regions.length : 0;
      return count === 0 ? 'No regions drawn' : `${count} region${count === 1 ? '' : 's'}`;
    }
    case 'rule': {
      const labels = Array.isArray(data.labels) && data.labels.length > 0 ? ` · ${data.labels.join(', ')}` : '';
      return `${text(data.alarmType) || 'Unnamed alarm'}${labels}`;
    }
    case 'callback':
      return text(data.url) || 'No URL';
    case 'websocket':
      return `channel ${text(data.channel) || 'alarms'}`;
    case 'restream':
      return `${String(data.bitrateKbps ?? 1500)} kbit/s`;
    case 'record':
      return data.snapshot === false ? 'no snapshot' : `snapshot${Number(data.clipSeconds) > 0 ? ` + ${String(data.clipSeconds)} s clip` : ''}`;
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
