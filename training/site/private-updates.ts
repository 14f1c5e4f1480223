import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TrainLocallyResult } from '../../lib/federated/round-messages';

/**
 * A site's own record of each round it trained: the raw update and the result it returned, kept in its
 * data folder (never in the shared artifact store). A retried activity answers from here instead of training
 * again, and under secure aggregation the masking step reads the update from here.
 */
export interface PrivateRoundRecord {
  modelSha256: string;
  result: TrainLocallyResult;
}

function folderOf(dataDir: string, jobId: string): string {
  return join(dataDir, 'private', jobId.replaceAll(/[^\w.-]/g, '_'));
}

export async function savePrivateRound(dataDir: string, jobId: string, round: number, record: PrivateRoundRecord, updateBytes: Uint8Array): Promise<void> {
  const folder = folderOf(dataDir, jobId);
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, `round-${round}-update.bin`), updateBytes);
  // Written last: its presence means the update beside it is complete.
  await writeFile(join(folder, `round-${round}.json`), JSON.stringify(record));
}

export async function readPrivateRound(dataDir: string, jobId: string, round: number): Promise<PrivateRoundRecord | undefined> {
  const text = await readFile(join(folderOf(dataDir, jobId), `round-${round}.json`), 'utf8').catch(() => undefined);
  return text === undefined ? undefined : (JSON.parse(text) as PrivateRoundRecord);
}

export async function readPrivateUpdate(dataDir: string, jobId: string, round: number): Promise<Uint8Array> {
  return new Uint8Array(await readFile(join(folderOf(dataDir, jobId), `round-${round}-update.bin`)));
}
