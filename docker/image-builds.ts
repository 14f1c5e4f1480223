import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One image the manifests or the runtime refer to, and how docker/ builds it (from the repository root). */
export interface ImageBuild {
  image: string;
  /** Relative to the repository root. */
  dockerfile: string;
  target: string;
  buildArgs: Record<string, string>;
}

/**
 * Every image Vigil needs: its own (tagged with package.json's version, as k8s/base and the analyzer workload say)
 * and one per built-in algorithm, tagged as its vigil-algorithm.json says.
 */
export function listImageBuilds(repositoryRoot: string): ImageBuild[] {
  const { version } = JSON.parse(readFileSync(join(repositoryRoot, 'package.json'), 'utf8')) as { version: string };
  const algorithms = readdirSync(join(repositoryRoot, 'algorithms'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(repositoryRoot, 'algorithms', entry.name, 'vigil-algorithm.json')))
    .map((entry) => entry.name)
    .sort();
  return [
    { image: `vigil/vigil:${version}`, dockerfile: 'docker/vigil.Dockerfile', target: 'vigil', buildArgs: {} },
    { image: `vigil/analyzer:${version}`, dockerfile: 'docker/vigil.Dockerfile', target: 'analyzer', buildArgs: {} },
    ...algorithms.flatMap((folder) => {
      const manifest = JSON.parse(readFileSync(join(repositoryRoot, 'algorithms', folder, 'vigil-algorithm.json'), 'utf8')) as { image?: string };
      return manifest.image ? [{ image: manifest.image, dockerfile: 'docker/algorithm.Dockerfile', target: 'algorithm', buildArgs: { ALGORITHM: folder } }] : [];
    }),
  ];
}

/** The `docker build` line for one image (podman and buildah take the same arguments). */
export function buildCommand(build: ImageBuild, options: { engine?: string; registry?: string } = {}): string {
  const args = Object.entries(build.buildArgs).map(([name, value]) => `--build-arg ${name}=${value}`);
  return [options.engine ?? 'docker', 'build', '-f', build.dockerfile, '--target', build.target, ...args, '-t', taggedFor(build.image, options.registry), '.'].join(' ');
}

export function taggedFor(image: string, registry: string | undefined): string {
  return registry ? `${registry.replace(/\/$/, '')}/${image}` : image;
}
