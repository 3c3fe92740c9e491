/**
 * Time-zone arithmetic with Intl only (no library): workshops are planned in a local wall-clock time of an IANA
 * zone, stored in UTC, and shown in the viewer's zone. Daylight-saving gaps and overlaps are handled explicitly.
 */

export const defaultTimeZone = 'Europe/Paris';

const formatterCache = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(zone: string): Intl.DateTimeFormat {
  let f = formatterCache.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatterCache.set(zone, f);
  }
  return f;
}

/** Whether the runtime knows this IANA zone name. */
export function isValidTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  try {
    partsFormatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock fields of an instant in a zone. */
export function zonedParts(
  instant: Date,
  zone: string,
): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const out: Record<string, number> = {};
  for (const p of partsFormatter(zone).formatToParts(instant)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return {
    year: out.year!,
    month: out.month!,
    day: out.day!,
    hour: out.hour!,
    minute: out.minute!,
    second: out.second!,
  };
}

/** The zone's offset from UTC at an instant, in milliseconds (Paris in summer: +7 200 000). */
export function zoneOffsetMs(instant: Date, zone: string): number {
  const p = zonedParts(instant, zone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * Converts a local date (YYYY-MM-DD) and time (HH:MM) in a zone to the UTC instant. A time that does not exist
 * (the hour skipped when clocks go forward) returns null so the form can say so; a time that happens twice (when
 * clocks go back) resolves to the first occurrence, the one people usually mean.
 */
export function zonedToUtc(date: string, time: string, zone: string): Date | null {
  const dm = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const tm = /^(\d{2}):(\d{2})$/.exec(time);
  if (!dm || !tm) return null;
  const [y, mo, d, h, mi] = [Number(dm[1]), Number(dm[2]), Number(dm[3]), Number(tm[1]), Number(tm[2])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  if (new Date(wall).getUTCDate() !== d) return null;
  // Try both offsets around the wall time; the candidates whose local rendering matches are the real instants.
  const offsets = new Set([
    zoneOffsetMs(new Date(wall - 86_400_000), zone),
    zoneOffsetMs(new Date(wall + 86_400_000), zone),
    zoneOffsetMs(new Date(wall), zone),
  ]);
  const matches = [...offsets]
    .map((off) => wall - off)
    .filter((t) => {
      const p = zonedParts(new Date(t), zone);
      return p.year === y && p.month === mo && p.day === d && p.hour === h && p.minute === mi;
    })
    .sort((a, b) => a - b);
  return matches.length ? new Date(matches[0]!) : null;
}

/** The local date (YYYY-MM-DD) and time (HH:MM) of a UTC instant in a zone: the inverse of `zonedToUtc`, for forms. */
export function utcToZonedInput(iso: string, zone: string): { date: string; time: string } {
  const p = zonedParts(new Date(iso), zone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { date: `${p.year}-${pad(p.month)}-${pad(p.day)}`, time: `${pad(p.hour)}:${pad(p.minute)}` };
}

/** The year and month (1..12) of an instant as seen in a zone: calendars group by the viewer's month. */
export function zonedMonth(iso: string, zone: string): { year: number; month: number } {
  const p = zonedParts(new Date(iso), zone);
  return { year: p.year, month: p.month };
}

/** A short list of zones for the viewer's choice; any valid IANA zone is accepted as well. */
export const commonTimeZones = [
  'Europe/Paris',
  'Europe/London',
  'Europe/Brussels',
  'Europe/Zurich',
  'America/Montreal',
  'America/Martinique',
  'America/Cayenne',
  'Indian/Reunion',
  'Indian/Mayotte',
  'Pacific/Noumea',
  'Pacific/Tahiti',
  'Africa/Casablanca',
  'Africa/Dakar',
  'UTC',
];

/**
 * A date and time with its zone abbreviation, e.g. "dimanche 29 mars 2026 à 10:00 UTC+2". Written here because
 * Intl forbids `timeZoneName` beside `dateStyle`, so the shared `fmt.dateTime` cannot name the zone.
 */
export function formatWhen(locale: 'fr' | 'en', iso: string, zone: string): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: zone,
    timeZoneName: 'short',
  }).format(new Date(iso));
}
