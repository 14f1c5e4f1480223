import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { buildCommand, listImageBuilds, taggedFor } from './image-builds';

// Prints the commands that build (and, with --registry, push) every image Vigil needs; run them where a container
// engine exists (this project's dev machines have none):  node --import tsx docker/build-images.ts | sh
const { values } = parseArgs({ options: { engine: { type: 'string', default: 'docker' }, registry: { type: 'string' } } });
const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));
const lines = ['set -e', `cd '${repositoryRoot.replace(/'/g, "'\\''")}'`];
for (const build of listImageBuilds(repositoryRoot)) {
  lines.push(buildCommand(build, { engine: values.engine, registry: values.registry }));
  if (values.registry) lines.push(`${values.engine} push ${taggedFor(build.image, values.registry)}`);
}
process.stdout.write(`${lines.join('\n')}\n`);
