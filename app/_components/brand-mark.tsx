export function BrandMark({ tagline }: { tagline?: string }) {
  return (
    <div className="brand">
      <span className="brand-name">VIGIL</span>
      {tagline ? <span className="brand-tagline">{tagline}</span> : null}
    </div>
  );
}
