import type { TViewContext } from '../context.js';
import { ChartTable } from './chart-table.js';

/** A radar chart of scores on a common scale (e.g. maturity levels 1–5 per dimension), SVG followed by its table. */
export function RadarChart(props: {
  v: TViewContext;
  id: string;
  title: string;
  max: number;
  axes: { label: string; value: number }[];
  valueLabel: string;
  format?: (n: number) => string;
}) {
  const { v, axes, max } = props;
  const fmt = props.format ?? ((n: number) => v.fmt.number(n, 1));
  const size = 360;
  const c = size / 2;
  const r = c - 70;
  const angle = (i: number) => (Math.PI * 2 * i) / axes.length - Math.PI / 2;
  const point = (i: number, value: number) => {
    const k = (Math.max(0, Math.min(max, value)) / max) * r;
    return `${c + k * Math.cos(angle(i))},${c + k * Math.sin(angle(i))}`;
  };
  const rings = Array.from({ length: max }, (_, i) => i + 1);
  return (
    <figure class="chart" aria-labelledby={`${props.id}-title`}>
      <figcaption id={`${props.id}-title`}>{props.title}</figcaption>
      <svg
        viewBox={`0 0 ${size} ${size}`}
        width="100%"
        class="radar"
        role="presentation"
        aria-hidden="true"
        focusable="false"
      >
        {rings.map((ring) => (
          <polygon points={axes.map((_, i) => point(i, ring)).join(' ')} fill="none" stroke="#ccc" />
        ))}
        {axes.map((a, i) => {
          const x = c + (r + 12) * Math.cos(angle(i));
          const y = c + (r + 12) * Math.sin(angle(i));
          return (
            <g>
              <line x1={c} y1={c} x2={c + r * Math.cos(angle(i))} y2={c + r * Math.sin(angle(i))} stroke="#ccc" />
              <text
                x={x}
                y={y}
                font-size="11"
                fill="currentColor"
                text-anchor={Math.abs(x - c) < 5 ? 'middle' : x > c ? 'start' : 'end'}
              >
                {a.label.length > 22 ? `${a.label.slice(0, 21)}…` : a.label}
              </text>
            </g>
          );
        })}
        <polygon
          points={axes.map((a, i) => point(i, a.value)).join(' ')}
          fill="#2e7d5b"
          fill-opacity="0.35"
          stroke="#2e7d5b"
          stroke-width="2"
        />
      </svg>
      <ChartTable
        v={v}
        title={props.title}
        headers={[props.valueLabel]}
        rows={axes.map((a) => ({ label: a.label, cells: [fmt(a.value)] }))}
      />
    </figure>
  );
}
