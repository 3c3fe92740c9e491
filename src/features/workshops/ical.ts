/**
 * A small iCalendar (RFC 5545) writer for workshops: invitations (METHOD:REQUEST / CANCEL, RFC 5546) and feeds
 * (METHOD:PUBLISH). Times are written in UTC ("Z" form), which every calendar application accepts and which
 * needs no VTIMEZONE block; the planning zone travels in X-TECHCARE-TZID for information.
 */

export interface TIcalEvent {
  uid: string;
  sequence: number;
  startsAt: string;
  durationMinutes: number;
  summary: string;
  description: string;
  location: string | null;
  url: string;
  status: 'CONFIRMED' | 'CANCELLED' | 'TENTATIVE';
  timeZone: string;
  updatedAt: string;
  organizer?: { name: string; email: string };
  attendee?: { name: string; email: string };
}

/** The stable UID of a workshop, the same in every invitation and feed so updates replace the event. */
export function workshopUid(workshopId: number, host: string): string {
  return `workshop-${workshopId}@${host}`;
}

/** Escapes a TEXT value (backslash, semicolon, comma, newline). */
export function escapeText(s: string): string {
  return (
    s
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      // Every line break (CRLF, a bare CR, LF) becomes the escaped \n; RFC 5545 allows no other control character
      // in TEXT (tab aside), so the rest become spaces: a stray CR would otherwise end the line and inject a property.
      .replace(/\r\n|\r|\n/g, '\\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f\u0085\u2028\u2029]/g, ' ')
  );
}

/** Folds a content line at 75 octets, never splitting a UTF-8 character. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const len = Buffer.byteLength(ch, 'utf8');
    const limit = out.length === 0 ? 75 : 74; // continuation lines start with one space
    if (bytes + len > limit) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += len;
  }
  out.push(current);
  return out.join('\r\n ');
}

/** 2026-03-29T07:30:00.000Z → 20260329T073000Z */
export function icalUtc(iso: string): string {
  return new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function eventLines(e: TIcalEvent): string[] {
  const end = new Date(new Date(e.startsAt).getTime() + e.durationMinutes * 60_000).toISOString();
  const lines = [
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `SEQUENCE:${e.sequence}`,
    `DTSTAMP:${icalUtc(new Date().toISOString())}`,
    `LAST-MODIFIED:${icalUtc(e.updatedAt)}`,
    `DTSTART:${icalUtc(e.startsAt)}`,
    `DTEND:${icalUtc(end)}`,
    `SUMMARY:${escapeText(e.summary)}`,
    `DESCRIPTION:${escapeText(e.description)}`,
    `URL:${e.url}`,
    `STATUS:${e.status}`,
    `X-TECHCARE-TZID:${e.timeZone}`,
  ];
  if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
  if (e.organizer) lines.push(`ORGANIZER;CN=${quoteParam(e.organizer.name)}:mailto:${e.organizer.email}`);
  if (e.attendee)
    lines.push(
      `ATTENDEE;CN=${quoteParam(e.attendee.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED:mailto:${e.attendee.email}`,
    );
  lines.push('END:VEVENT');
  return lines;
}

/** Parameter values may not contain quotes; commas, colons and semicolons need quoting. */
function quoteParam(s: string): string {
  // eslint-disable-next-line no-control-regex
  return `"${s.replace(/"/g, "'").replace(/[\u0000-\u0008\u000a-\u001f\u007f\u0085\u2028\u2029]/g, ' ')}"`;
}

/** A whole VCALENDAR object with CRLF line ends and folded lines. */
export function buildCalendar(input: {
  method: 'PUBLISH' | 'REQUEST' | 'CANCEL';
  name?: string;
  events: TIcalEvent[];
}): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Techcare//Workshops//FR',
    'CALSCALE:GREGORIAN',
    `METHOD:${input.method}`,
  ];
  if (input.name) lines.push(`X-WR-CALNAME:${escapeText(input.name)}`);
  for (const e of input.events) lines.push(...eventLines(e));
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
