import { useFormatter, useTranslations } from 'use-intl';
import type { SystemHealth } from '@/lib/contracts/dashboard';
import { byteSize } from '../_lib/byte-size';
import type { Tone } from './count-list';

type Badge = 'ok' | 'down' | 'unknown' | 'off' | 'low' | 'high';
const badgeTones: Record<Badge, Tone> = { ok: 'good', down: 'bad', unknown: 'warn', off: 'neutral', low: 'bad', high: 'warn' };

interface Row {
  key: string;
  name: string;
  badge: Badge;
  detail: string;
  error?: string;
}

export function HealthTile({ health }: { health: SystemHealth }) {
  const t = useTranslations('dashboard.health');
  const format = useFormatter();
  const bytes = (value: number) => {
    const size = byteSize(value);
    return format.number(size.value, { style: 'unit', unit: size.unit, unitDisplay: 'short', maximumFractionDigits: 1 });
  };
  const percent = (ratio: number) => format.number(ratio, { style: 'percent', maximumFractionDigits: 0 });
  const { database, temporal, worker, mediaServer: media, disk, cpu, memory } = health;
  const rows: Row[] = [
    { key: 'database', name: t('database'), badge: database.ok ? 'ok' : 'down', detail: t('latency', { dialect: database.dialect, ms: format.number(database.latencyMs) }), ...(database.error ? { error: database.error } : {}) },
    { key: 'temporal', name: t('temporal'), badge: temporal.ok ? 'ok' : 'down', detail: t('temporalDetail', { address: temporal.address, ms: format.number(temporal.latencyMs) }), ...(temporal.error ? { error: temporal.error } : {}) },
    {
      key: 'worker',
      name: t('worker'),
      badge: worker.state === 'polling' ? 'ok' : worker.state === 'absent' ? 'down' : 'unknown',
      detail: worker.state === 'polling' ? t('workerPolling', { count: worker.pollers, queue: worker.taskQueue }) : worker.state === 'absent' ? t('workerAbsent', { queue: worker.taskQueue }) : t('workerUnknown', { queue: worker.taskQueue }),
      ...(worker.error ? { error: worker.error } : {}),
    },
    { key: 'media', name: t('mediaServer'), badge: media.state === 'up' ? 'ok' : media.state === 'down' ? 'down' : 'off', detail: media.state === 'disabled' ? t('mediaOff') : t('streams', { count: media.streams }), ...(media.error ? { error: media.error } : {}) },
    {
      key: 'disk',
      name: t('disk'),
      badge: !disk.ok ? 'unknown' : (disk.freeRatio ?? 1) < 0.1 ? 'low' : 'ok',
      detail: disk.freeBytes !== null && disk.totalBytes !== null ? t('diskFree', { free: bytes(disk.freeBytes), total: bytes(disk.totalBytes), percent: percent(disk.freeRatio ?? 0) }) : disk.path,
      ...(disk.error ? { error: disk.error } : {}),
    },
    { key: 'cpu', name: t('cpu'), badge: cpu.loadPerCore >= 1 ? 'high' : 'ok', detail: t('cpuLoad', { load: format.number(cpu.loadPerCore, { maximumFractionDigits: 2 }), cores: cpu.cores }) },
    { key: 'memory', name: t('memory'), badge: memory.usedRatio >= 0.9 ? 'high' : 'ok', detail: t('memoryUsed', { percent: percent(memory.usedRatio), total: bytes(memory.totalBytes) }) },
  ];
  return (
    <section className="dashboard-tile" aria-labelledby="tile-health">
      <h2 id="tile-health" className="tile-title">
        {t('title')} <span className={`state-badge tone-${health.status === 'ok' ? 'good' : 'warn'}`}>{t(`overall.${health.status}`)}</span>
      </h2>
      <dl className="health-list">
        {rows.map((row) => (
          <div key={row.key} className="health-row" data-component={row.key}>
            <dt>{row.name}</dt>
            <dd>
              <span className={`state-badge tone-${badgeTones[row.badge]}`}>{t(`badge.${row.badge}`)}</span> <span className="tile-muted">{row.detail}</span>
              {row.error ? <span className="tile-problem">{t('problem', { message: row.error })}</span> : null}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
