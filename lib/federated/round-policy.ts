/** The metrics every trainable reports; accuracy in [0, 1]. */
export interface TrainingMetrics {
  loss: number;
  accuracy: number;
}

export interface TargetMetric {
  metric: keyof TrainingMetrics;
  /** Accuracy is reached at ≥ value, loss at ≤ value. */
  value: number;
}

/** A round counts only when at least `minimum` sites returned an update. */
export function hasQuorum(successfulUpdates: number, minimum: number): boolean {
  return successfulUpdates >= minimum;
}

export function reachedTarget(metrics: TrainingMetrics, target: TargetMetric | undefined): boolean {
  if (!target) return false;
  const value = metrics[target.metric];
  return target.metric === 'loss' ? value <= target.value : value >= target.value;
}

/** Sample-weighted mean of per-site metrics (federated evaluation); undefined when no site answered. */
export function weightedMetrics(results: ReadonlyArray<{ sampleCount: number; metrics: TrainingMetrics }>): (TrainingMetrics & { sampleCount: number }) | undefined {
  const sampleCount = results.reduce((sum, result) => sum + result.sampleCount, 0);
  if (sampleCount === 0) return undefined;
  const mean = (key: keyof TrainingMetrics) => results.reduce((sum, result) => sum + result.metrics[key] * result.sampleCount, 0) / sampleCount;
  return { loss: mean('loss'), accuracy: mean('accuracy'), sampleCount };
}
