import type { TViewContext } from '../context.js';
import { ChartTable } from './chart-table.js';

export interface TBar {
  label: string;
  value: number;
  /** Optional range drawn as a whisker (e.g. the low–high interval of a footprint). */
  low?: number;
  high?: number;
}

/**
 * A horizontal bar chart as SVG, followed by its data table (the table is the accessible version; the SVG is
 * hidden from screen readers). Values are rounded here, never upstream.
 */
export function BarChart(props: {
  v: TViewContext;
  id: string;
  title: string;
  unit: string;
  bars: TBar[];
  format?: (n: number) => string;
}) {
  const { v, bars } = props;
  const fmt = props.format ?? v.fmt.significant;
  const max = Math.max(1e-12, ...bars.map((b) => Math.max(b.value, b.high ?? 0)));
  const rowH = 28;
  const labelW = 180;
  const chartW = 560;
  const barW = chartW - labelW - 90;
  const height = bars.length * rowH + 10;
  const hasRange = bars.some((b) => b.low !== undefined && b.high !== undefined);
  return (
    <figure class="chart" aria-labelledby={`${props.id}-title`}>
      <figcaption id={`${props.id}-title`}>{props.title}</figcaption>
      <svg viewBox={`0 0 ${chartW} ${height}`} width="100%" role="presentation" aria-hidden="true" focusable="false">
        {bars.map((b, i) => {
          const y = i * rowH + 5;
          const w = Math.max(0, (Math.max(0, b.value) / max) * barW);
          const ranged = b.low !== undefined && b.high !== undefined;
          // The figure goes after whichever ends last, the bar or its whisker, so the line never crosses it.
          const end = Math.max(w, ranged ? (Math.max(0, b.high!) / max) * barW : 0);
          return (
            <g>
              <text x={labelW - 6} y={y + 17} text-anchor="end" font-size="13" fill="currentColor">
                {b.label.length > 26 ? `${b.label.slice(0, 25)}…` : b.label}
              </text>
              <rect x={labelW} y={y + 4} width={w} height={rowH - 10} fill="#2e7d5b" />
              {ranged ? (
                <line
                  x1={labelW + (Math.max(0, b.low!) / max) * barW}
                  x2={labelW + (b.high! / max) * barW}
                  y1={y + 13}
                  y2={y + 13}
                  stroke="#1b1b1b"
                  stroke-width="2"
                />
              ) : null}
              <text x={labelW + end + 6} y={y + 17} font-size="12" fill="currentColor">
                {fmt(b.value)}
              </text>
            </g>
          );
        })}
      </svg>
      <ChartTable
        v={v}
        title={props.title}
        headers={hasRange ? [props.unit, v.t('chart.range')] : [props.unit]}
        rows={bars.map((b) => ({
          label: b.label,
          cells: hasRange
            ? [fmt(b.value), b.low !== undefined && b.high !== undefined ? `${fmt(b.low)} – ${fmt(b.high)}` : '']
            : [fmt(b.value)],
        }))}
      />
    </figure>
  );
}
