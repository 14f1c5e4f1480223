import type { AlarmEvent, AlarmVerification } from '../contracts/alarms';

/** The trainable whose published version analyzers run over alarm snapshots; the only one publishable to deployments. */
export const verifierAlgorithm = 'alarm-verifier';

/** A score at or above this is a true alarm: the verifier's two classes are equally likely there. */
export const verifierThreshold = 0.5;

type AlarmObject = AlarmEvent['objects'][number];

/**
 * The object whose crop the verifier scores: the highest-scoring one. Training crops the same object of each
 * labelled alarm (training/alarm-verifier/alarm-crops.ts), so the model is asked what it learnt to answer.
 */
export function objectToVerify(objects: readonly AlarmObject[]): AlarmObject | undefined {
  let best: AlarmObject | undefined;
  for (const object of objects) if (!best || object.score > best.score) best = object;
  return best;
}

export function toVerification(modelVersionId: string, score: number): AlarmVerification {
  if (!Number.isFinite(score) || score < 0 || score > 1) throw new RangeError(`a verifier score must be a probability in [0, 1], got ${score}`);
  return { modelVersionId, score: Number(score.toFixed(4)), verdict: score >= verifierThreshold ? 'true' : 'false' };
}

/**
 * An incident's verification, kept from its last scored snapshot: updates carry no picture, yet the alarm's stored
 * event (the latest one) should still say what the verifier made of it. Forgotten when the incident ends.
 */
export class IncidentVerifications {
  private readonly byAlarm = new Map<string, AlarmVerification>();

  remember(alarmId: string, verification: AlarmVerification): void {
    this.byAlarm.set(alarmId, verification);
  }

  recall(alarmId: string): AlarmVerification | undefined {
    return this.byAlarm.get(alarmId);
  }

  forget(alarmId: string): void {
    this.byAlarm.delete(alarmId);
  }

  get size(): number {
    return this.byAlarm.size;
  }
}
