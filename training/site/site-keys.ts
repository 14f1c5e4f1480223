import { createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, type KeyObject } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MaskPeer } from '../../lib/federated/secure-aggregation';

export interface SiteKeys {
  privateKey: KeyObject;
  /** base64 SPKI DER: what the site registers, and what peers derive the shared mask seed from. */
  publicKey: string;
}

const keyFile = 'site-key.pem';

/** The site's X25519 key, created once and kept in its own folder, so a restarted agent keeps its identity. */
export async function loadOrCreateSiteKeys(dataDir: string): Promise<SiteKeys> {
  const path = join(dataDir, keyFile);
  const pem = await readFile(path, 'utf8').catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
    const created = generateKeyPairSync('x25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    await writeFile(path, created, { mode: 0o600 });
    return created;
  });
  const privateKey = createPrivateKey(pem);
  return { privateKey, publicKey: createPublicKey(privateKey).export({ type: 'spki', format: 'der' }).toString('base64') };
}

/**
 * The 128-bit seed this site shares with one peer for one masking: ECDH(X25519) then HKDF-SHA256 bound to
 * the job, round, attempt and the participant set, so no two maskings reuse a mask.
 */
export function derivePeerSeeds(keys: SiteKeys, selfId: string, context: { jobId: string; round: number; maskingAttempt: number }, participants: ReadonlyArray<{ siteId: string; publicKey: string }>): MaskPeer[] {
  const set = participants.map((participant) => participant.siteId).sort().join(',');
  return participants
    .filter((participant) => participant.siteId !== selfId)
    .map((peer) => {
      const shared = diffieHellman({ privateKey: keys.privateKey, publicKey: createPublicKey({ key: Buffer.from(peer.publicKey, 'base64'), format: 'der', type: 'spki' }) });
      const [low, high] = [selfId, peer.siteId].sort();
      const info = `vigil-secure-aggregation|${context.round}|${context.maskingAttempt}|${set}|${low}|${high}`;
      const seed = new Uint32Array(hkdfSync('sha256', shared, Buffer.from(context.jobId), Buffer.from(info), 16));
      return { siteId: peer.siteId, seed };
    });
}
