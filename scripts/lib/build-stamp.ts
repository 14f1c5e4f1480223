import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

// What the Next.js build reads: a change to any of these (path, size or mtime) makes the build stale.
const watchedDirectories = ['app', 'server', 'lib', 'db', 'workflows', 'public'];
const watchedFiles = ['next.config.ts', 'package-lock.json', 'tsconfig.json'];
const stampFile = join('.next', 'vigil-build-stamp');

export function computeBuildStamp(root: string): string {
  const hash = createHash('sha256');
  const entries = [...watchedDirectories.flatMap((dir) => listFiles(join(root, dir))), ...watchedFiles.map((file) => join(root, file))];
  for (const file of entries.sort()) {
    if (!existsSync(file)) continue;
    const stat = statSync(file);
    hash.update(`${relative(root, file)}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

/** True when .next holds a finished build made from the sources as they are now. */
export function isBuildCurrent(root: string, stamp: string): boolean {
  const file = join(root, stampFile);
  return existsSync(join(root, '.next', 'BUILD_ID')) && existsSync(file) && readFileSync(file, 'utf8').trim() === stamp;
}

export function writeBuildStamp(root: string, stamp: string): void {
  writeFileSync(join(root, stampFile), `${stamp}\n`);
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : listFiles(path);
    return entry.isFile() ? [path] : [];
  });
}
