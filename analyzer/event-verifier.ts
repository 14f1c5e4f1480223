import { IncidentVerifications, objectToVerify, toVerification } from '../lib/analysis/alarm-verification';
import type { AlarmEvent, AlarmVerification } from '../lib/contracts/alarms';
import type { AnalyzerVerifierStatus } from '../lib/pipeline/deployment';
import type { Logger } from '../server/logger';
import type { AnalyzerVerifierSpec } from './analyzer-run-spec';

type Box = AlarmEvent['objects'][number]['box'];

/** The probability that the box's crop of a snapshot shows a true alarm. */
export type CropScorer = (snapshotJpeg: Buffer, box: Box) => Promise<number>;
export type LoadCropScorer = (spec: AnalyzerVerifierSpec) => Promise<CropScorer>;

export interface EventVerifier {
  /** Settles (never rejects) once the model is loaded or has failed to: the analyzer is ready only after it. */
  loaded: Promise<void>;
  status(): AnalyzerVerifierStatus;
  /** The event's verification: its snapshot scored, else (updates, ends without a picture) the incident's last one. */
  verify(event: AlarmEvent, snapshotJpeg: Buffer | undefined): Promise<AlarmVerification | undefined>;
}

/**
 * The analyzer's use of the published alarm-verifier model. A model that cannot be loaded (missing, corrupt, wrong
 * layout) does not stop the analyzer: alarms go out unverified, and the failure is in /stats (hence the pipeline's
 * status) and logged, never skipped silently.
 */
export function createEventVerifier(spec: AnalyzerVerifierSpec, deps: { logger: Logger; load: LoadCropScorer }): EventVerifier {
  const logger = deps.logger.child({ modelVersionId: spec.modelVersionId });
  const status: AnalyzerVerifierStatus = { modelVersionId: spec.modelVersionId, state: 'loading', verified: 0, unverified: 0 };
  const incidents = new IncidentVerifications();
  let scorer: CropScorer | undefined;
  const loaded = deps.load(spec).then(
    (loadedScorer) => {
      scorer = loadedScorer;
      status.state = 'ready';
      logger.info('verifier model loaded');
    },
    (error: unknown) => {
      status.state = 'failed';
      status.error = `model not loaded: ${error instanceof Error ? error.message : String(error)}`;
      logger.error({ err: status.error, uri: spec.uri }, 'verifier model not loaded: alarm events go out without verification');
    },
  );
  return {
    loaded,
    status: () => ({ ...status }),
    async verify(event, snapshotJpeg) {
      await loaded;
      let verification = incidents.recall(event.id);
      const object = objectToVerify(event.objects);
      if (scorer && snapshotJpeg && object) {
        try {
          verification = toVerification(spec.modelVersionId, await scorer(snapshotJpeg, object.box));
          incidents.remember(event.id, verification);
        } catch (error) {
          status.error = `scoring failed: ${error instanceof Error ? error.message : String(error)}`;
          logger.warn({ alarmId: event.id, err: status.error }, 'alarm snapshot not verified');
        }
      }
      if (event.state === 'end') incidents.forget(event.id);
      if (verification) status.verified += 1;
      else status.unverified += 1;
      return verification;
    },
  };
}
