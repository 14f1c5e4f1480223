import { createHash } from 'node:crypto';

const maxNameLength = 63;
const hashLength = 8;

/**
 * A deterministic DNS-1035 name (usable as a Kubernetes Deployment/Service name) built from the parts that
 * identify a workload. Readable parts first, then a hash of the exact parts, so that parts that slug alike
 * ("1.0.0-rc.1" and "1.0.0-rc-1") or that had to be cut still give different ids.
 */
export function buildWorkloadId(prefix: string, parts: readonly string[]): string {
  const hash = createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, hashLength);
  const room = maxNameLength - prefix.length - hashLength - 2;
  const readable = parts
    .map(slugify)
    .filter((part) => part.length > 0)
    .join('-')
    .slice(0, room)
    .replace(/-+$/, '');
  return readable ? `${prefix}-${readable}-${hash}` : `${prefix}-${hash}`;
}

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
