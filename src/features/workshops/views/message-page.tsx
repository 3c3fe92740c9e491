import type { TFieldErrors } from '../../../http/forms.js';
import type { TViewContext } from '../../../views/context.js';
import { ErrorSummary, Field, TextArea } from '../../../views/components.js';
import type { TWorkshopWithOrg } from '../repository.js';

type TValues = Record<string, string | string[] | File | undefined>;

/** The organiser's message to the registrants: one mail each, sent once the form is posted. */
export function MessageForm(props: {
  v: TViewContext;
  w: TWorkshopWithOrg;
  recipients: number;
  values: TValues;
  errors?: TFieldErrors | null;
}) {
  const { v, w, errors } = props;
  const t = v.t;
  const val = (k: string) => (typeof props.values[k] === 'string' ? (props.values[k] as string) : undefined);
  return (
    <>
      <h1>{t('workshops.message.title', { title: w.title })}</h1>
      <ErrorSummary
        v={v}
        errors={errors}
        labels={{ subject: t('workshops.message.subject'), body: t('workshops.message.body') }}
      />
      <p>
        {t(props.recipients < 2 ? 'workshops.message.recipients.one' : 'workshops.message.recipients.other', {
          n: props.recipients,
        })}
      </p>
      <form method="post" action={`/workshops/${w.id}/message`}>
        <Field name="subject" label={t('workshops.message.subject')} value={val('subject')} errors={errors} required />
        <TextArea
          name="body"
          label={t('workshops.message.body')}
          value={val('body')}
          errors={errors}
          rows={8}
          required
        />
        <button type="submit">{t('workshops.message.send')}</button>
      </form>
      <p>
        <a href={`/workshops/${w.id}`}>{w.title}</a>
      </p>
    </>
  );
}

/** What was sent, to how many people: the page after the form. */
export function MessageSent(props: {
  v: TViewContext;
  w: TWorkshopWithOrg;
  m: { subject: string; body: string; recipients: number };
}) {
  const { v, w, m } = props;
  const t = v.t;
  return (
    <>
      <h1>{t('workshops.message.sentTitle')}</h1>
      <p id="message-sent" role="status">
        {t(m.recipients < 2 ? 'workshops.message.sent.one' : 'workshops.message.sent.other', { n: m.recipients })}
      </p>
      <h2>{m.subject}</h2>
      <p class="comment-body">{m.body}</p>
      <p>
        <a href={`/workshops/${w.id}`}>{w.title}</a>
      </p>
    </>
  );
}
