import type { TViewContext } from '../../views/context.js';
import { ChartTable } from '../../views/charts/chart-table.js';

/**
 * A vertical column chart for a short series (e.g. twelve months), drawn lean: all columns in one SVG path and the
 * axis labels in one text element, so a page with several charts stays within the DOM budget of an EcoIndex A
 * page. The table that follows carries the values (the accessible version; the SVG is hidden from screen readers).
 */
export function ColumnChart(props: {
  v: TViewContext;
  id: string;
  title: string;
  unit: string;
  columns: { label: string; short?: string; value: number }[];
  format?: (n: number) => string;
}) {
  const { v, columns } = props;
  const fmt = props.format ?? v.fmt.significant;
  const w = 560;
  const h = 200;
  const pad = { l: 40, b: 24, t: 16 };
  const max = Math.max(1e-12, ...columns.map((c) => c.value));
  const step = (w - pad.l) / Math.max(1, columns.length);
  const barW = step * 0.7;
  const y0 = h - pad.b;
  // Labels longer than their column's width (about 7 px a character at this size) are cut; the table has them whole.
  const room = Math.max(3, Math.floor(step / 7));
  const fit = (s: string) => (s.length > room ? `${s.slice(0, room - 1)}…` : s);
  const d = columns
    .map((c, i) => {
      const bh = (Math.max(0, c.value) / max) * (h - pad.b - pad.t);
      return `M${(pad.l + i * step + (step - barW) / 2).toFixed(1)} ${y0}v${(-bh).toFixed(1)}h${barW.toFixed(1)}v${bh.toFixed(1)}z`;
    })
    .join('');
  return (
    <figure class="chart" aria-labelledby={`${props.id}-title`}>
      <figcaption id={`${props.id}-title`}>{props.title}</figcaption>
      <svg viewBox={`0 0 ${w} ${h}`} width="100%" role="presentation" aria-hidden="true" focusable="false">
        <path d={`${d}M${pad.l} ${y0}H${w}`} fill="#2e7d5b" stroke="#888" stroke-width="0.5" />
        <text font-size="12" fill="currentColor" text-anchor="middle">
          <tspan x={pad.l - 20} y={pad.t}>
            {fmt(max)}
          </tspan>
          {columns.map((c, i) => (
            <tspan x={(pad.l + i * step + step / 2).toFixed(1)} y={h - 6}>
              {fit(c.short ?? c.label)}
            </tspan>
          ))}
        </text>
      </svg>
      <ChartTable
        v={v}
        title={props.title}
        headers={[props.unit]}
        rows={columns.map((c) => ({ label: c.label, cells: [fmt(c.value)] }))}
      />
    </figure>
  );
}
