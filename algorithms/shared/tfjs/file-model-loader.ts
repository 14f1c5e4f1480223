import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';

/**
 * tfjs only knows http(s) and browser storage; without tfjs-node (its install downloads libtensorflow and fails here)
 * nothing reads `file://` URLs. This IOHandler reads model.json and its weight shards from disk.
 */
export function fileModelHandler(modelUrl: string): tf.io.IOHandler {
  const modelPath = fileURLToPath(modelUrl);
  return {
    async load() {
      const modelJson = JSON.parse(await readFile(modelPath, 'utf8')) as tf.io.ModelJSON;
      return tf.io.getModelArtifactsForJSON(modelJson, async (manifest) => {
        const shards = manifest.flatMap((group) => group.paths.map((path) => join(dirname(modelPath), path)));
        const buffers = await Promise.all(shards.map(async (shard) => new Uint8Array(await readFile(shard))));
        return [manifest.flatMap((group) => group.weights), concatenate(buffers)];
      });
    },
  };
}

let routerRegistered = false;

/** Lets `tf.loadGraphModel('file:///…/model.json')` work in Node; idempotent. */
export function registerFileLoadRouter(): void {
  if (routerRegistered) return;
  // tfjs' IORouter type omits it, but routers answer null for URLs they do not handle (as tfjs' own http router does).
  const notMine = null as unknown as tf.io.IOHandler;
  tf.io.registerLoadRouter((url) => (typeof url === 'string' && url.startsWith('file://') ? fileModelHandler(url) : notMine));
  routerRegistered = true;
}

function concatenate(parts: Uint8Array[]): ArrayBuffer {
  const total = parts.reduce((sum, part) => sum + part.byteLength, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out.buffer;
}
