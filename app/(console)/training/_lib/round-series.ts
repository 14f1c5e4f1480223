import type { TrainingRound } from '@/lib/contracts/training';

export interface Point {
  round: number;
  value: number;
}

export interface RoundSeries {
  accuracy: Point[];
  loss: Point[];
  /** Federated evaluation accuracy per site, in site order; a site missing from a round has no point there. */
  accuracyBySite: Array<{ siteId: string; points: Point[] }>;
}

/** The chart's lines from the job's rounds: global metrics of completed rounds and each site's evaluation. */
export function buildRoundSeries(rounds: readonly TrainingRound[]): RoundSeries {
  const ordered = [...rounds].sort((a, b) => a.round - b.round);
  const bySite = new Map<string, Point[]>();
  const accuracy: Point[] = [];
  const loss: Point[] = [];
  for (const round of ordered) {
    if (round.metrics) {
      accuracy.push({ round: round.round, value: round.metrics.accuracy });
      loss.push({ round: round.round, value: round.metrics.loss });
    }
    for (const site of round.evaluation) {
      const points = bySite.get(site.siteId) ?? [];
      points.push({ round: round.round, value: site.metrics.accuracy });
      bySite.set(site.siteId, points);
    }
  }
  const accuracyBySite = [...bySite.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([siteId, points]) => ({ siteId, points }));
  return { accuracy, loss, accuracyBySite };
}

export interface PlotBox {
  width: number;
  height: number;
  padding: number;
}

/**
 * SVG polyline points for a series: x spreads rounds 1…lastRound over the box, y maps [low, high] upwards.
 * A flat domain (high = low) is drawn in the middle instead of dividing by zero.
 */
export function toPolyline(points: readonly Point[], lastRound: number, domain: { low: number; high: number }, box: PlotBox): string {
  const innerWidth = box.width - 2 * box.padding;
  const innerHeight = box.height - 2 * box.padding;
  const span = domain.high - domain.low;
  return points
    .map((point) => {
      const x = box.padding + (lastRound <= 1 ? innerWidth / 2 : ((point.round - 1) / (lastRound - 1)) * innerWidth);
      const fraction = span === 0 ? 0.5 : (point.value - domain.low) / span;
      const y = box.padding + (1 - Math.min(1, Math.max(0, fraction))) * innerHeight;
      return `${round2(x)},${round2(y)}`;
    })
    .join(' ');
}

/** Loss has no fixed range: from 0 to the largest value seen, with a little headroom. */
export function lossDomain(points: readonly Point[]): { low: number; high: number } {
  const highest = points.reduce((max, point) => Math.max(max, point.value), 0);
  return { low: 0, high: highest === 0 ? 1 : highest * 1.1 };
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
