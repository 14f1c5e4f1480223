import type { Db } from '../../db/connect';
import type { AlarmEvent } from '../../lib/contracts/alarms';
import { createSeededRandom, shuffled } from '../../lib/federated/seeded-random';
import { readSnapshot } from '../../server/alarms/snapshot-store';
import { writeImageShard, writeSiteManifest, type ImageShard } from '../datasets/image-shard';
import { objectToVerify } from '../../lib/analysis/alarm-verification';
import { alarmCropSize } from './alarm-verifier-shape';
import { cropToGrey } from './crop-to-grey';

export { cropToGrey };

type Box = AlarmEvent['objects'][number]['box'];

export interface LabelledCrop {
  jpeg: Buffer;
  box: Box;
  /** 1 = true alarm, 0 = false alarm. */
  label: 0 | 1;
}

/** Every operator-labelled alarm with a stored snapshot, cropped to its highest-scoring object. */
export async function readLabelledAlarms(db: Db, dataDir: string): Promise<LabelledCrop[]> {
  const rows = await db.selectFrom('alarms').select(['event', 'snapshot_path', 'label']).where('label', 'is not', null).where('snapshot_path', 'is not', null).orderBy('id').execute();
  const crops: LabelledCrop[] = [];
  for (const row of rows) {
    const event = JSON.parse(row.event) as AlarmEvent;
    const best = objectToVerify(event.objects);
    if (!best) continue;
    crops.push({ jpeg: await readSnapshot(dataDir, row.snapshot_path!), box: best.box, label: row.label === 'true' ? 1 : 0 });
  }
  return crops;
}

/** Writes a site's alarm-verifier data folder (train/test shards + manifest) from its labelled crops. */
export async function writeAlarmVerifierData(folder: string, crops: readonly LabelledCrop[], options: { seed: number; testFraction?: number }): Promise<{ train: number; test: number }> {
  const order = shuffled(
    crops.map((_, index) => index),
    createSeededRandom(options.seed),
  );
  const testCount = Math.round(order.length * (options.testFraction ?? 0.2));
  const toShard = async (indices: number[]): Promise<ImageShard> => {
    const pixels = new Uint8Array(indices.length * alarmCropSize * alarmCropSize);
    for (const [position, index] of indices.entries()) pixels.set(await cropToGrey(crops[index]!.jpeg, crops[index]!.box), position * alarmCropSize * alarmCropSize);
    return { width: alarmCropSize, height: alarmCropSize, pixels, labels: Uint8Array.from(indices, (index) => crops[index]!.label) };
  };
  const train = await toShard(order.slice(testCount));
  const test = await toShard(order.slice(0, testCount));
  await writeImageShard(folder, 'train', train);
  await writeImageShard(folder, 'test', test);
  await writeSiteManifest(folder, { algorithm: 'alarm-verifier', trainSamples: train.labels.length, testSamples: test.labels.length, labels: [...new Set(train.labels)].sort(), split: 'operator-labels' });
  return { train: train.labels.length, test: test.labels.length };
}
