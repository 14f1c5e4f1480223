import type { PrivacyParameters } from './differential-privacy';
import type { TrainingMetrics } from './round-policy';
import type { AggregationStrategy } from './strategy';

/** Payloads between the FederatedTraining workflow and the activities: references and numbers only, never weights. */
export interface ArtifactReference {
  uri: string;
  sha256: string;
}

export interface LocalHyperparameters {
  epochs: number;
  batchSize: number;
  learningRate: number;
}

export interface TrainLocallyInput {
  jobId: string;
  round: number;
  algorithm: string;
  model: ArtifactReference;
  hyperparameters: LocalHyperparameters;
  proximalMu: number;
  seed: number;
  /** Secure aggregation: the update stays at the site until it is masked (maskUpdate). */
  keepUpdatePrivate: boolean;
}

export interface TrainLocallyResult {
  siteId: string;
  sampleCount: number;
  metrics: TrainingMetrics;
  /** Absent under secure aggregation. */
  update?: ArtifactReference;
  durationMs: number;
}

export interface MaskPeerKey {
  siteId: string;
  publicKey: string;
}

export interface MaskUpdateInput {
  jobId: string;
  round: number;
  /** Bumped when a participant drops during masking: fresh masks over the survivors. */
  maskingAttempt: number;
  algorithm: string;
  model: ArtifactReference;
  /** Every site whose masked update will be summed (this site included), with its X25519 public key. */
  participants: Array<MaskPeerKey & { sampleCount: number }>;
  privacy?: PrivacyParameters | undefined;
}

export interface EvaluateLocallyInput {
  jobId: string;
  round: number;
  algorithm: string;
  model: ArtifactReference;
}

export interface EvaluateLocallyResult {
  siteId: string;
  sampleCount: number;
  metrics: TrainingMetrics;
}

export interface SiteHeartbeat {
  siteId: string;
  /** Training samples in the site's folder. */
  samples: number;
  testSamples: number;
  algorithms: string[];
  /** X25519 public key (base64 SPKI DER) for secure-aggregation masks. */
  publicKey: string;
  agent: { hostname: string; pid: number; version: string };
  sentAt: string;
}

export interface AggregateRoundInput {
  jobId: string;
  round: number;
  algorithm: string;
  model: ArtifactReference;
  strategy: AggregationStrategy;
  privacy?: PrivacyParameters | undefined;
  noiseSeed: number;
  serverState?: ArtifactReference | undefined;
  /** Plain updates (sorted by site), or the masked contributions under secure aggregation. */
  updates: Array<{ siteId: string; sampleCount: number; update: ArtifactReference }>;
  secure: boolean;
}

export interface AggregateRoundResult {
  model: ArtifactReference;
  serverState?: ArtifactReference;
  privacy?: { clipNorm: number; noiseMultiplier: number; noiseStd: number; clippedCount?: number };
}
