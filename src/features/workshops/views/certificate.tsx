import type { TViewContext } from '../../../views/context.js';
import { formatWhen } from '../time-zones.js';

/** The attendance certificate, printed to PDF with the same stylesheet. */
export function Certificate(props: {
  v: TViewContext;
  name: string;
  organisation: string;
  title: string;
  organiser: string;
  startsAt: string;
  timeZone: string;
  minutes: number;
}) {
  const { v } = props;
  const t = v.t;
  return (
    <section class="certificate">
      <h1>{t('workshops.certificate.title')}</h1>
      <p class="lead">
        {t('workshops.certificate.text', {
          name: props.name,
          organisation: props.organisation,
          title: props.title,
          organiser: props.organiser,
          when: formatWhen(v.locale, props.startsAt, props.timeZone),
          minutes: props.minutes,
        })}
      </p>
      <p>{t('workshops.certificate.issued', { date: v.fmt.date(new Date()) })}</p>
      <p>{t('app.name')}</p>
    </section>
  );
}
