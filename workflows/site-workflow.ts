import { condition, continueAsNew, defineSignal, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { TrainingActivities } from '../activities/training-activities';
import type { SiteHeartbeat } from '../lib/federated/round-messages';

/** Sent by a site agent every few seconds (signal-with-start), which is how a site registers and stays online. */
export const siteHeartbeatSignal = defineSignal<[SiteHeartbeat]>('siteHeartbeat');

// A beat is small and the next one comes soon: few retries, short timeout.
const { recordSiteHeartbeat } = proxyActivities<TrainingActivities>({ startToCloseTimeout: '30 seconds', retry: { maximumAttempts: 3 } });

const beatsPerRun = 200;

/** `site:<id>`: records each site's latest heartbeat through an activity (the workflow itself keeps no state). */
export async function siteWorkflow(input: { siteId: string }): Promise<void> {
  let latest: SiteHeartbeat | undefined;
  setHandler(siteHeartbeatSignal, (beat) => {
    if (beat.siteId === input.siteId) latest = beat;
  });
  for (let recorded = 0; recorded < beatsPerRun && !workflowInfo().continueAsNewSuggested; recorded += 1) {
    await condition(() => latest !== undefined);
    // Beats that arrived while one was being recorded collapse into the newest.
    const beat = latest!;
    latest = undefined;
    await recordSiteHeartbeat(beat);
  }
  await continueAsNew<typeof siteWorkflow>(input);
}
