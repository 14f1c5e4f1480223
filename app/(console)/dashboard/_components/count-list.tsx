import { useFormatter } from 'use-intl';

export type Tone = 'good' | 'bad' | 'warn' | 'neutral';

/** Counts by state as a description list; zero counts are dimmed, not hidden, so the layout holds still. */
export function CountList({ label, items }: { label: string; items: { key: string; name: string; count: number; tone: Tone }[] }) {
  const format = useFormatter();
  return (
    <dl className="count-list" aria-label={label}>
      {items.map((item) => (
        <div key={item.key} className={`count-item tone-${item.tone}${item.count === 0 ? ' count-zero' : ''}`} data-state={item.key}>
          <dt>{item.name}</dt>
          <dd>{format.number(item.count)}</dd>
        </div>
      ))}
    </dl>
  );
}
