import type { TViewContext } from '../context.js';

/**
 * The data table that follows every chart: the accessible version of the figure (the SVG itself is hidden from
 * screen readers). One row header per row, then already formatted cells.
 */
export function ChartTable(props: {
  v: TViewContext;
  title: string;
  headers: string[];
  rows: { label: string; cells: string[] }[];
}) {
  return (
    <table class="chart-table">
      <caption class="visually-hidden">{props.v.t('chart.tableCaption', { title: props.title })}</caption>
      <thead>
        <tr>
          <th scope="col"></th>
          {props.headers.map((h) => (
            <th scope="col">{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr>
            <th scope="row">{r.label}</th>
            {r.cells.map((cell) => (
              <td class="num">{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
