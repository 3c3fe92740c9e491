import type { TViewContext } from '../context.js';
import { ChartTable } from './chart-table.js';

export interface TSeries {
  name: string;
  /** Points by x (e.g. year); null leaves a gap. */
  points: { x: number; y: number | null }[];
  dashed?: boolean;
  color?: string;
}

/** A line chart of one or more series over years, as SVG followed by its table. */
export function LineChart(props: {
  v: TViewContext;
  id: string;
  title: string;
  unit: string;
  series: TSeries[];
  format?: (n: number) => string;
}) {
  const { v, series } = props;
  const fmt = props.format ?? v.fmt.significant;
  const xs = [...new Set(series.flatMap((s) => s.points.map((p) => p.x)))].sort((a, b) => a - b);
  const ys = series.flatMap((s) => s.points.map((p) => p.y)).filter((y): y is number => y !== null);
  const maxY = Math.max(1e-12, ...ys);
  const w = 560;
  const h = 240;
  const pad = { l: 60, r: 20, t: 10, b: 30 };
  const sx = (x: number) =>
    xs.length <= 1 ? pad.l : pad.l + ((x - xs[0]!) / (xs[xs.length - 1]! - xs[0]!)) * (w - pad.l - pad.r);
  const sy = (y: number) => h - pad.b - (y / maxY) * (h - pad.t - pad.b);
  const palette = ['#2e7d5b', '#8a4b08', '#33489c', '#7a1f5c'];
  return (
    <figure class="chart" aria-labelledby={`${props.id}-title`}>
      <figcaption id={`${props.id}-title`}>{props.title}</figcaption>
      <svg viewBox={`0 0 ${w} ${h}`} width="100%" role="presentation" aria-hidden="true" focusable="false">
        <line x1={pad.l} x2={w - pad.r} y1={h - pad.b} y2={h - pad.b} stroke="#888" />
        <text x={pad.l - 6} y={pad.t + 10} text-anchor="end" font-size="11" fill="currentColor">
          {fmt(maxY)}
        </text>
        <text x={pad.l - 6} y={h - pad.b} text-anchor="end" font-size="11" fill="currentColor">
          0
        </text>
        {xs.map((x) => (
          <text x={sx(x)} y={h - 10} text-anchor="middle" font-size="11" fill="currentColor">
            {String(x)}
          </text>
        ))}
        {series.map((s, i) => {
          const pts = s.points.filter((p) => p.y !== null).map((p) => `${sx(p.x)},${sy(p.y!)}`);
          const color = s.color ?? palette[i % palette.length];
          return (
            <g>
              <polyline
                points={pts.join(' ')}
                fill="none"
                stroke={color}
                stroke-width="2"
                stroke-dasharray={s.dashed ? '6 4' : undefined}
              />
              {s.points
                .filter((p) => p.y !== null)
                .map((p) => (
                  <circle cx={sx(p.x)} cy={sy(p.y!)} r="3" fill={color} />
                ))}
            </g>
          );
        })}
      </svg>
      <ul class="legend" aria-hidden="true">
        {series.map((s, i) => (
          <li>
            <span class={`swatch s${i % palette.length}${s.dashed ? ' dashed' : ''}`}></span>
            {s.name}
          </li>
        ))}
      </ul>
      <ChartTable
        v={v}
        title={props.title}
        headers={series.map((s) => `${s.name} (${props.unit})`)}
        rows={xs.map((x) => ({
          label: String(x),
          cells: series.map((s) => {
            const p = s.points.find((q) => q.x === x);
            return p && p.y !== null ? fmt(p.y) : '—';
          }),
        }))}
      />
    </figure>
  );
}
