import rrule, { type Weekday } from 'rrule';
import { AppError } from '../../http/errors.js';

// rrule ships CommonJS to Node (its ES build is for bundlers): the compiled server can only take its default export.
const { RRule } = rrule;

/** Monthly repetitions written as an RFC 5545 rule: the start date's weekday, counted from the start or the end. */
export const ruleRepeats = ['monthly_nth', 'monthly_last'] as const;
export type TRuleRepeat = (typeof ruleRepeats)[number];

// RFC 5545 weekdays, Monday first as RRule counts them; JavaScript's getUTCDay() counts from Sunday.
const weekdays: Weekday[] = [RRule.SU, RRule.MO, RRule.TU, RRule.WE, RRule.TH, RRule.FR, RRule.SA];

/** A local date (YYYY-MM-DD) as the "floating" midnight UTC instant RRule computes with (no zone involved). */
function floating(date: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/** Which occurrence of its weekday in its month a date is: 1 for the first Thursday … 5 for a fifth. */
export function weekdayRank(date: string): number {
  return Math.ceil(floating(date).getUTCDate() / 7);
}

/**
 * The rule of a monthly series started on `startDate`: `monthly_nth` repeats on the same rank of the same weekday
 * (started on the third Thursday: `FREQ=MONTHLY;BYDAY=+3TH`), `monthly_last` on the month's last such weekday
 * (`BYDAY=-1TH`). A fifth weekday is refused: most months have none, so the series would skip months; the last
 * weekday is the rule that says what is meant.
 */
export function seriesRule(repeat: TRuleRepeat, startDate: string): string {
  const day = weekdays[floating(startDate).getUTCDay()]!;
  const rank = weekdayRank(startDate);
  if (repeat === 'monthly_nth' && rank > 4)
    throw new AppError(
      422,
      'fifth_weekday',
      'A fifth weekday does not exist every month: choose the last weekday',
      [],
      { key: 'workshops.error.fifthWeekday' },
    );
  const options = { freq: RRule.MONTHLY, byweekday: [day.nth(repeat === 'monthly_nth' ? rank : -1)] };
  return RRule.optionsToString(options).replace(/^RRULE:/, '');
}

/**
 * The local dates (YYYY-MM-DD) of a stored rule from the series' first date: `count` dates after `after` (a local
 * date, exclusive) or from the first date itself. Expanded by RRule on floating dates, so daylight-saving changes
 * never move a date; the local start time is applied to each date afterwards in the workshop's zone.
 */
export function ruleDates(rule: string, firstDate: string, count: number, after?: string): string[] {
  const expanded = new RRule({ ...RRule.parseString(rule), dtstart: floating(firstDate) });
  const out: string[] = [];
  expanded.all((d) => {
    const date = d.toISOString().slice(0, 10);
    if (!after || date > after) out.push(date);
    return out.length < count;
  });
  return out;
}

/** Whether a stored rule is one this feature writes (a monthly rule on one weekday), before it is trusted. */
export function isSeriesRule(rule: string): boolean {
  return /^FREQ=MONTHLY;BYDAY=([+-]?[1-4]|-1)(MO|TU|WE|TH|FR|SA|SU)$/.test(rule);
}
