import { describe, expect, it } from 'vitest';
import { formatters, translator } from '../../i18n/index.js';
import type { TViewContext } from '../context.js';
import { BarChart } from './bar-chart.js';

const view = (locale: 'fr' | 'en'): TViewContext => ({
  locale,
  t: translator(locale),
  fmt: formatters(locale),
  user: null,
  path: '/',
  url: new URL('http://localhost/'),
});

/** The value labels and whiskers of a rendered chart, by row, read back from the SVG. */
function rows(html: string) {
  return [...html.matchAll(/<g>(.*?)<\/g>/g)].map(([, g]) => {
    const texts = [...g!.matchAll(/<text x="([\d.]+)"/g)].map((m) => Number(m[1]));
    const line = g!.match(/<line x1="([\d.]+)" x2="([\d.]+)"/);
    return { valueX: texts[1]!, whiskerEnd: line ? Number(line[2]) : null };
  });
}

describe('bar chart', () => {
  it('writes each value after the end of its range whisker, so the line never crosses the figure', () => {
    // Found in a QA pass: on the footprint result the whisker of "Terminaux" ran through "18 400".
    const html = String(
      <BarChart
        v={view('fr')}
        id="c"
        title="T"
        unit="kgCO2e"
        bars={[
          { label: 'Terminaux', value: 18400, low: 10800, high: 43000 },
          { label: 'Réseau', value: 23.3, low: 23.3, high: 23.3 },
          { label: 'Sans fourchette', value: 5000 },
        ]}
      />,
    );
    const r = rows(html);
    expect(r).toHaveLength(3);
    expect(r[0]!.whiskerEnd).not.toBeNull();
    expect(r[0]!.valueX).toBeGreaterThan(r[0]!.whiskerEnd!);
    expect(r[1]!.valueX).toBeGreaterThan(r[1]!.whiskerEnd!);
    expect(r[2]!.whiskerEnd).toBeNull();
  });

  it('names the range column in the reader’s language', () => {
    const bars = [{ label: 'A', value: 2, low: 1, high: 3 }];
    expect(String(<BarChart v={view('fr')} id="c" title="T" unit="kgCO2e" bars={bars} />)).toContain(
      `<th scope="col">${translator('fr')('chart.range')}</th>`,
    );
    expect(translator('fr')('chart.range')).not.toBe(translator('en')('chart.range'));
  });
});
