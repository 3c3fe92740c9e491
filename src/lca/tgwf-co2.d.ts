// CO2.js ships no type declarations; only what the engine uses is declared here.
declare module '@tgwf/co2' {
  export class co2 {
    constructor(options?: {
      model?: 'swd' | '1byte';
      version?: 3 | 4;
      results?: 'segment' | 'total';
      rating?: boolean;
    });
    perByte(bytes: number, green?: boolean): number | Record<string, number>;
  }
  /** Ember's yearly average grid intensities (gCO2e/kWh) by ISO alpha-3 zone, WORLD included. */
  export const averageIntensity: { data: Record<string, number>; type: string };
}
