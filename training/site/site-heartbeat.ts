import { hostname } from 'node:os';
import type { Client } from '@temporalio/client';
import type { SiteHeartbeat } from '../../lib/federated/round-messages';
import type { Logger } from '../../server/logger';
import type { siteWorkflow } from '../../workflows/site-workflow';
import { readSiteManifest } from '../datasets/image-shard';
import { trainableNames } from '../trainable-registry';

export interface SiteHeartbeatOptions {
  client: Client;
  siteId: string;
  dataDir: string;
  publicKey: string;
  /** The platform's task queue, where the site's registry workflow runs. */
  platformTaskQueue: string;
  intervalMs: number;
  logger: Logger;
  version: string;
}

/**
 * Registration and liveness in one: every interval the agent signals `site:<id>` (starting it the first
 * time), whose workflow records the beat through an activity on the platform's queue. Going through
 * Temporal means a site needs one address and no API token; it is online while beats are < 60 s old.
 */
export function startSiteHeartbeat(options: SiteHeartbeatOptions): { stop(): void; beatNow(): Promise<void> } {
  const beatNow = async () => {
    const manifest = await readSiteManifest(options.dataDir);
    const beat: SiteHeartbeat = {
      siteId: options.siteId,
      samples: manifest.trainSamples,
      testSamples: manifest.testSamples,
      algorithms: trainableNames.filter((name) => name === manifest.algorithm),
      publicKey: options.publicKey,
      agent: { hostname: hostname(), pid: process.pid, version: options.version },
      sentAt: new Date().toISOString(),
    };
    await options.client.workflow.signalWithStart<typeof siteWorkflow, [SiteHeartbeat]>('siteWorkflow', {
      workflowId: `site:${options.siteId}`,
      taskQueue: options.platformTaskQueue,
      args: [{ siteId: options.siteId }],
      signal: 'siteHeartbeat',
      signalArgs: [beat],
    });
  };
  const tick = () =>
    beatNow().catch((error: unknown) => options.logger.warn({ err: error, siteId: options.siteId }, 'site heartbeat failed; retrying at the next interval'));
  const timer = setInterval(() => void tick(), options.intervalMs);
  return {
    stop: () => clearInterval(timer),
    beatNow,
  };
}
