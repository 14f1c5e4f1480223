'use client';

import { useId } from 'react';
import { useTranslations } from 'use-intl';
import type { TrainingRound } from '@/lib/contracts/training';
import { buildRoundSeries, lossDomain, toPolyline, type PlotBox } from '../_lib/round-series';

const box: PlotBox = { width: 640, height: 240, padding: 28 };
// Distinguishable on the dark theme; sites cycle through the rest.
const siteColours = ['#d29922', '#f778ba', '#a5d6ff', '#7ee787', '#ffa657', '#d2a8ff'];

/** Accuracy and loss per round (global, solid) and each site's evaluation accuracy (dashed), drawn as SVG. */
export function RoundChart({ rounds, plannedRounds }: { rounds: readonly TrainingRound[]; plannedRounds: number }) {
  const t = useTranslations('training.detail');
  const titleId = useId();
  const descriptionId = useId();
  const series = buildRoundSeries(rounds);
  if (series.accuracy.length === 0 && series.accuracyBySite.length === 0) return <p className="panel-empty">{t('chartEmpty')}</p>;
  const lastRound = Math.max(plannedRounds, ...rounds.map((round) => round.round), 1);
  const unit = { low: 0, high: 1 };
  const legend = [
    { key: 'accuracy', label: t('chartAccuracy'), colour: '#3fb950', dashed: false, points: toPolyline(series.accuracy, lastRound, unit, box) },
    { key: 'loss', label: t('chartLoss'), colour: '#58a6ff', dashed: false, points: toPolyline(series.loss, lastRound, lossDomain(series.loss), box) },
    ...series.accuracyBySite.map((site, index) => ({
      key: `site-${site.siteId}`,
      label: t('chartSite', { site: site.siteId }),
      colour: siteColours[index % siteColours.length]!,
      dashed: true,
      points: toPolyline(site.points, lastRound, unit, box),
    })),
  ];
  return (
    <figure className="round-chart">
      <svg viewBox={`0 0 ${box.width} ${box.height}`} role="img" aria-labelledby={titleId} aria-describedby={descriptionId}>
        <title id={titleId}>{t('chartTitle')}</title>
        <desc id={descriptionId}>{t('chartDescription')}</desc>
        <rect x={box.padding} y={box.padding} width={box.width - 2 * box.padding} height={box.height - 2 * box.padding} className="round-chart-frame" />
        {[0, 0.5, 1].map((tick) => {
          const y = box.padding + (1 - tick) * (box.height - 2 * box.padding);
          return (
            <g key={tick}>
              <line x1={box.padding} x2={box.width - box.padding} y1={y} y2={y} className="round-chart-grid" />
              <text x={4} y={y + 4} className="round-chart-tick">
                {tick}
              </text>
            </g>
          );
        })}
        {legend.map((line) => (
          <g key={line.key}>
            <polyline points={line.points} fill="none" stroke={line.colour} strokeWidth={line.dashed ? 1.5 : 2.5} strokeDasharray={line.dashed ? '5 4' : undefined} />
            {/* A marker per round: after the first round a line has one point and would draw nothing. */}
            {line.points
              .split(' ')
              .filter(Boolean)
              .map((point) => {
                const [cx, cy] = point.split(',');
                return <circle key={point} cx={cx} cy={cy} r={line.dashed ? 2 : 3} fill={line.colour} />;
              })}
          </g>
        ))}
        <text x={box.width - box.padding} y={box.height - 6} textAnchor="end" className="round-chart-tick">
          {lastRound}
        </text>
        <text x={box.padding} y={box.height - 6} className="round-chart-tick">
          1
        </text>
      </svg>
      <figcaption>
        <ul className="round-chart-legend">
          {legend.map((line) => (
            <li key={line.key}>
              <span className="legend-swatch" style={{ borderColor: line.colour, borderStyle: line.dashed ? 'dashed' : 'solid' }} aria-hidden="true" />
              {line.label}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
