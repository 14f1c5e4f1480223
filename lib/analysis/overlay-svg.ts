import type { Roi } from '../geometry/roi';

export interface OverlayObject {
  label: string;
  score: number;
  box: { x: number; y: number; width: number; height: number };
  trackId?: number | string;
}

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
const palette = ['#ff4d4f', '#40a9ff', '#73d13d', '#ffc53d', '#b37feb', '#36cfc9'];

/** An SVG the size of the frame with regions (normalised) and boxes (pixels), for compositing onto a snapshot. */
export function buildOverlaySvg(frame: { width: number; height: number }, objects: OverlayObject[], regions: Roi[]): string {
  const { width, height } = frame;
  const px = ([x, y]: readonly [number, number]) => `${(x * width).toFixed(1)},${(y * height).toFixed(1)}`;
  const shapes = regions.map((region) => {
    const points = region.points.map(px).join(' ');
    if (region.kind === 'polygon') return `<polygon points="${points}" fill="rgba(255,214,0,0.18)" stroke="#ffd600" stroke-width="2"/>`;
    if (region.kind === 'point') {
      const [cx, cy] = px(region.points[0]!).split(',');
      return `<circle cx="${cx}" cy="${cy}" r="${((region.radius ?? 0.05) * width).toFixed(1)}" fill="none" stroke="#ffd600" stroke-width="2"/>`;
    }
    return `<polyline points="${points}" fill="none" stroke="#ffd600" stroke-width="3"/>`;
  });
  const boxes = objects.map((object, index) => {
    const colour = palette[(typeof object.trackId === 'number' ? object.trackId : index) % palette.length];
    const { x, y, width: w, height: h } = object.box;
    const caption = escapeXml(`${object.label}${object.trackId !== undefined ? ` #${object.trackId}` : ''} ${object.score.toFixed(2)}`);
    const labelY = Math.max(14, y - 4);
    return `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="none" stroke="${colour}" stroke-width="3"/><text x="${x + 2}" y="${labelY}" font-family="DejaVu Sans, sans-serif" font-size="14" fill="${colour}" stroke="#000" stroke-width="0.6" paint-order="stroke">${caption}</text>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${shapes.join('')}${boxes.join('')}</svg>`;
}
