import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Where an artifact lies and what its bytes hash to; the only form in which weights enter workflow payloads. */
export interface ArtifactRef {
  uri: string;
  sha256: string;
}

/**
 * Weights move between sites and the coordinator through this port (one box: files; at scale an
 * S3-compatible adapter behind the same two calls). Reads verify the hash: a truncated or swapped file fails.
 */
export interface ArtifactStore {
  put(bytes: Uint8Array): Promise<ArtifactRef>;
  get(ref: ArtifactRef | string): Promise<Uint8Array>;
}

/** Where the platform keeps artifacts on one box; site agents get the same folder with --artifacts. */
export function artifactRootOf(dataDir: string): string {
  return join(dataDir, 'artifacts');
}

export class ArtifactIntegrityError extends Error {
  override name = 'ArtifactIntegrityError';
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** `file:///root/ab/abcd…#sha256=abcd…` ↔ its parts. */
export function parseArtifactUri(uri: string): ArtifactRef & { url: URL } {
  const url = new URL(uri);
  const sha256 = /^#sha256=([0-9a-f]{64})$/.exec(url.hash)?.[1];
  if (!sha256) throw new ArtifactIntegrityError(`artifact URI ${uri} carries no #sha256=<64 hex>`);
  return { uri, sha256, url };
}

/**
 * Content-addressed files under one root: the same bytes land at the same path, so a retried activity
 * re-putting its result is a no-op, and a path can only ever hold the bytes its name promises.
 */
export function createFileArtifactStore(root: string): ArtifactStore {
  const absoluteRoot = resolve(root);
  const pathOf = (sha256: string) => join(absoluteRoot, sha256.slice(0, 2), sha256);
  return {
    async put(bytes) {
      const sha256 = sha256Hex(bytes);
      const path = pathOf(sha256);
      if (!(await exists(path))) {
        await mkdir(dirname(path), { recursive: true });
        // Write then rename: a concurrent reader never sees half a file.
        const temporary = `${path}.${randomBytes(6).toString('hex')}.partial`;
        await writeFile(temporary, bytes);
        await rename(temporary, path);
      }
      return { uri: `${pathToFileURL(path).href}#sha256=${sha256}`, sha256 };
    },
    async get(ref) {
      const { url, sha256 } = parseArtifactUri(typeof ref === 'string' ? ref : ref.uri);
      if (typeof ref !== 'string' && ref.sha256 !== sha256) throw new ArtifactIntegrityError(`artifact ${ref.uri}: the URI names ${sha256}, the reference ${ref.sha256}`);
      // Only paths inside this root are read: a URI cannot point the store at an arbitrary file.
      const path = pathOf(sha256);
      if (url.protocol !== 'file:' || fileURLToPath(new URL(url.pathname, 'file://')) !== path) throw new ArtifactIntegrityError(`artifact ${url.href} is not in the store at ${absoluteRoot}`);
      const bytes = await readFile(path);
      const actual = sha256Hex(bytes);
      if (actual !== sha256) throw new ArtifactIntegrityError(`artifact ${url.pathname} hashes to ${actual}, not ${sha256}`);
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    },
  };
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
