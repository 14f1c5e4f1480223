/** Camera node id → camera id of a saved pipeline graph (JSON), without compiling it; a broken graph names none. */
export function cameraNodesOfGraph(graph: string): Map<string, string> {
  const nodes = new Map<string, string>();
  let parsed: { nodes?: Array<{ id?: unknown; type?: unknown; data?: { cameraId?: unknown } }> };
  try {
    parsed = JSON.parse(graph) as typeof parsed;
  } catch {
    return nodes;
  }
  for (const node of parsed.nodes ?? []) {
    if (node.type === 'camera' && typeof node.id === 'string' && typeof node.data?.cameraId === 'string') nodes.set(node.id, node.data.cameraId);
  }
  return nodes;
}
