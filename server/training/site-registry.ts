import type { Db } from '../../db/connect';
import type { SitesTable } from '../../db/schema';
import { siteOnlineWindowSeconds, type Site } from '../../lib/contracts/training';
import type { SiteHeartbeat } from '../../lib/federated/round-messages';

/** Upserts a site from its heartbeat. The beat's own time is used (clamped to now), so a backlog replayed late does not look fresh. */
export async function recordSiteHeartbeat(db: Db, beat: SiteHeartbeat, now: Date): Promise<void> {
  const seen = new Date(Math.min(Date.parse(beat.sentAt) || now.getTime(), now.getTime())).toISOString();
  const values = {
    last_seen_at: seen,
    samples: beat.samples,
    test_samples: beat.testSamples,
    algorithms: JSON.stringify(beat.algorithms),
    public_key: beat.publicKey,
    agent: JSON.stringify(beat.agent),
  };
  await db
    .insertInto('sites')
    .values({ id: beat.siteId, registered_at: seen, ...values })
    // Beats may arrive out of order: an older one changes nothing.
    .onConflict((conflict) => conflict.column('id').doUpdateSet(values).where('sites.last_seen_at', '<=', seen))
    .execute();
}

export interface AvailableSite {
  siteId: string;
  publicKey: string;
  samples: number;
}

/** The job's sites that are online now and can train the algorithm, sorted by id. */
export async function listAvailableSites(db: Db, input: { siteIds: string[]; algorithm: string }, now: Date): Promise<AvailableSite[]> {
  if (input.siteIds.length === 0) return [];
  const cutoff = new Date(now.getTime() - siteOnlineWindowSeconds * 1000).toISOString();
  const rows = await db.selectFrom('sites').selectAll().where('id', 'in', input.siteIds).where('last_seen_at', '>', cutoff).orderBy('id').execute();
  return rows
    .filter((row) => (JSON.parse(row.algorithms) as string[]).includes(input.algorithm) && row.samples > 0)
    .map((row) => ({ siteId: row.id, publicKey: row.public_key, samples: row.samples }));
}

export async function listSites(db: Db, now: Date): Promise<Site[]> {
  const rows = await db.selectFrom('sites').selectAll().orderBy('id').execute();
  return rows.map((row) => toSite(row, now));
}

function toSite(row: SitesTable, now: Date): Site {
  const ageSeconds = (now.getTime() - Date.parse(row.last_seen_at)) / 1000;
  return {
    id: row.id,
    state: ageSeconds < siteOnlineWindowSeconds ? 'online' : 'offline',
    lastSeenAt: row.last_seen_at,
    registeredAt: row.registered_at,
    samples: row.samples,
    testSamples: row.test_samples,
    algorithms: JSON.parse(row.algorithms) as string[],
    agent: JSON.parse(row.agent) as Site['agent'],
  };
}
