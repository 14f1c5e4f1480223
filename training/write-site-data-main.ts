import { parseArgs } from 'node:util';
import { writeSiteShards } from './datasets/write-site-shards';
import { loadMnist } from './mnist/load-mnist';

// Splits MNIST into one data folder per site, as customers' sites would each hold their own data:
//   node --import tsx training/write-site-data-main.ts --sites site-a,site-b,site-c --out data/sites [--split non-iid] [--shards 2] [--limit 3000] [--seed 1]
// then start one agent per folder: training/site-agent-main.ts --site site-a --data data/sites/site-a ...
const { values } = parseArgs({
  options: {
    sites: { type: 'string' },
    out: { type: 'string' },
    split: { type: 'string', default: 'non-iid' },
    shards: { type: 'string', default: '2' },
    limit: { type: 'string' },
    seed: { type: 'string', default: '1' },
  },
});
if (!values.sites || !values.out || !['iid', 'non-iid'].includes(values.split)) {
  console.error('usage: write-site-data-main.ts --sites <id,id,…> --out <dir> [--split iid|non-iid] [--shards 2] [--limit N] [--seed 1]');
  process.exit(2);
}
const written = await writeSiteShards(loadMnist().train, {
  algorithm: 'mnist-mlp',
  siteIds: values.sites.split(',').map((id) => id.trim()),
  root: values.out,
  split: values.split === 'iid' ? { kind: 'iid' } : { kind: 'non-iid', shardsPerSite: Number(values.shards) },
  seed: Number(values.seed),
  ...(values.limit ? { limit: Number(values.limit) } : {}),
});
for (const site of written) console.log(`${site.siteId}: ${site.train} train + ${site.test} test digits, labels ${site.labels.join(',')} → ${site.folder}`);
