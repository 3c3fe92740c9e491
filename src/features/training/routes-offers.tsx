import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../http/env.js';
import { isAdmin, requireUser } from '../../http/actor.js';
import { forbidden, notFound } from '../../http/errors.js';
import { readForm, type TFieldErrors, pageParam } from '../../http/forms.js';
import { renderPage, redirectWithFlash } from '../../http/render.js';
import type { TViewContext } from '../../views/context.js';
import { ButtonForm, ErrorSummary, Field, Pagination, Select, TextArea } from '../../views/components.js';
import {
  canManageOffer,
  closeOffer,
  createOffer,
  getOffer,
  isOfferOpen,
  listOpenOffers,
  organisationOffers,
  today,
  updateOffer,
  type TOffer,
} from './offers.js';
import { ModerationControls } from './moderation-controls.js';
import { canPostOffersFor, organisationOf } from './policy.js';
import { offerDateErrors, validateTraining, ZOfferInput } from './schemas.js';
import { TrainingNav, options, tk } from './views-common.js';
import { offerKinds } from './vocabulary.js';

const perPage = 20;

function companyChoices(c: Context<AppEnv>): [string, string][] {
  return (c.get('user')?.memberships ?? [])
    .filter((m) => (m.kind === 'company' || m.kind === 'school') && m.signatory)
    .map((m) => [String(m.organisationId), m.name]);
}

function OfferForm(props: {
  v: TViewContext;
  action: string;
  title: string;
  values: Record<string, unknown>;
  errors?: TFieldErrors;
  companies?: [string, string][];
}) {
  const { v, errors } = props;
  const t = v.t;
  const x = (k: string) => (props.values[k] as string | undefined) ?? '';
  return (
    <>
      <h1>{props.title}</h1>
      <ErrorSummary
        v={v}
        errors={errors}
        labels={{
          organisation: t('training.offers.company'),
          title: t('training.offers.field.title'),
          kind: t('training.offers.kind'),
          description: t('training.offers.field.description'),
          location: t('training.offers.field.location'),
          start_date: t('training.offers.field.start'),
          contact_email: t('training.offers.field.contact'),
          expires_on: t('training.offers.field.expires'),
          end_date: t('training.offers.field.end'),
          duration_weeks: t('training.offers.field.duration'),
          pay: t('training.offers.field.pay'),
          application_deadline: t('training.offers.field.deadline'),
        }}
      />
      <form method="post" action={props.action} novalidate>
        {props.companies ? (
          <Select
            name="organisation"
            label={t('training.offers.company')}
            value={x('organisation')}
            options={props.companies}
            required
          />
        ) : null}
        <Field name="title" label={t('training.offers.field.title')} value={x('title')} errors={errors} required />
        <Select
          name="kind"
          label={t('training.offers.kind')}
          value={x('kind')}
          options={options(v, offerKinds, 'training.offers.kind')}
          errors={errors}
          required
        />
        <TextArea
          name="description"
          label={t('training.offers.field.description')}
          value={x('description')}
          errors={errors}
          required
        />
        <Field
          name="location"
          label={t('training.offers.field.location')}
          value={x('location')}
          errors={errors}
          required
        />
        <Field
          name="start_date"
          type="date"
          label={t('training.offers.field.start')}
          value={x('start_date')}
          errors={errors}
          required
        />
        <Field
          name="end_date"
          type="date"
          label={t('training.offers.field.end')}
          hint={t('training.offers.field.endHint')}
          value={x('end_date')}
          errors={errors}
        />
        <Field
          name="duration_weeks"
          type="number"
          label={t('training.offers.field.duration')}
          value={x('duration_weeks')}
          errors={errors}
        />
        <Field
          name="pay"
          label={t('training.offers.field.pay')}
          hint={t('training.offers.field.payHint')}
          value={x('pay')}
          errors={errors}
          required
        />
        <Field
          name="application_deadline"
          type="date"
          label={t('training.offers.field.deadline')}
          value={x('application_deadline')}
          errors={errors}
          required
        />
        <Field
          name="contact_email"
          type="email"
          label={t('training.offers.field.contact')}
          value={x('contact_email')}
          errors={errors}
          required
          autocomplete="email"
        />
        <Field
          name="expires_on"
          type="date"
          label={t('training.offers.field.expires')}
          hint={t('training.offers.field.expiresHint')}
          value={x('expires_on')}
          errors={errors}
          required
        />
        <button type="submit">{t('form.save')}</button>
      </form>
    </>
  );
}

/** Validates an offer; the expiry must not be in the past (an offer born expired would never show). */
function checkOffer(c: Context<AppEnv>, values: Record<string, unknown>) {
  const checked = validateTraining(ZOfferInput, values, c.get('t'), 'form');
  if (!checked.ok) return checked;
  const errors: Record<string, string> = Object.fromEntries(
    Object.entries(offerDateErrors(checked.data, today())).map(([k, key]) => [k, c.get('t')(key)]),
  );
  if (checked.data.expires_on < today()) errors.expires_on = c.get('t')('training.offers.error.expiry');
  if (Object.keys(errors).length) return { ok: false as const, errors };
  return checked;
}

function OfferItem(props: { v: TViewContext; o: TOffer }) {
  const { v, o } = props;
  return (
    <li class="card">
      <h2>
        <a href={`/offers/${o.id}`}>{o.title}</a>
      </h2>
      <p>
        {tk(v, `training.offers.kind.${o.kind}`)} · {o.organisationName}
        {o.organisationIsDemo ? ` (${v.t('training.demo')})` : ''} · {o.location} ·{' '}
        {v.t('training.offers.startsOn', { date: v.fmt.date(o.startDate) })} ·{' '}
        {v.t('training.offers.expiresOn', { date: v.fmt.date(o.expiresOn) })}
      </p>
    </li>
  );
}

export const offerPages = new Hono<AppEnv>();

offerPages.get('/offers', async (c) => {
  const t = c.get('t');
  const kind = (offerKinds as readonly string[]).includes(c.req.query('kind') ?? '') ? c.req.query('kind') : undefined;
  const page = pageParam(c);
  const { items, total } = await listOpenOffers(
    c.get('db'),
    { kind },
    { limit: perPage, offset: (page - 1) * perPage },
  );
  const companies = companyChoices(c);
  const ours = companies.length
    ? (await Promise.all(companies.map(([id]) => organisationOffers(c.get('db'), Number(id))))).flat()
    : [];
  return renderPage(c, t('training.offers.title'), (v) => (
    <>
      <TrainingNav v={v} />
      <h1>{t('training.offers.title')}</h1>
      <p>{t('training.offers.intro')}</p>
      {companies.length ? (
        <p>
          <a class="button" href="/offers/new">
            {t('training.offers.new')}
          </a>
        </p>
      ) : null}
      <form method="get" action="/offers">
        <Select
          name="kind"
          label={t('training.offers.kind')}
          value={kind}
          emptyLabel={t('training.filter.any')}
          options={options(v, offerKinds, 'training.offers.kind')}
        />
        <button type="submit">{t('form.filter')}</button>
      </form>
      <p role="status">{v.fmt.number(total)}</p>
      {items.length ? (
        <ul class="cards">
          {items.map((o) => (
            <OfferItem v={v} o={o} />
          ))}
        </ul>
      ) : (
        <p>{t('training.offers.empty')}</p>
      )}
      <Pagination v={v} page={page} pages={Math.max(1, Math.ceil(total / perPage))} />
      {ours.length ? (
        <>
          <h2>{t('training.offers.ours')}</h2>
          <ul>
            {ours.map((o) => (
              <li>
                <a href={`/offers/${o.id}`}>{o.title}</a>
                {isOfferOpen(o) ? '' : ` — ${t(o.closedAt ? 'training.offers.closed' : 'training.offers.expired')}`}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  ));
});

offerPages.get('/offers/new', (c) => {
  requireUser(c);
  const t = c.get('t');
  const companies = companyChoices(c);
  if (!companies.length)
    return renderPage(
      c,
      t('training.offers.newTitle'),
      <>
        <h1>{t('training.offers.newTitle')}</h1>
        <p>{t('training.offers.noOrganisation')}</p>
      </>,
      { status: 403 },
    );
  return renderPage(c, t('training.offers.newTitle'), (v) => (
    <OfferForm
      v={v}
      action="/offers/new"
      title={t('training.offers.newTitle')}
      values={{ organisation: c.req.query('organisation') ?? companies[0]![0] }}
      companies={companies}
    />
  ));
});

offerPages.post('/offers/new', async (c) => {
  const user = requireUser(c);
  const t = c.get('t');
  const values = await readForm(c);
  const checked = checkOffer(c, values);
  if (!checked.ok)
    return renderPage(
      c,
      t('training.offers.newTitle'),
      (v) => (
        <OfferForm
          v={v}
          action="/offers/new"
          title={t('training.offers.newTitle')}
          values={values}
          errors={checked.errors}
          companies={companyChoices(c)}
        />
      ),
      { status: 422 },
    );
  const id = await createOffer(c.get('db'), user, Number(values.organisation), checked.data);
  return redirectWithFlash(c, `/offers/${id}`, 'training.offers.flash.created');
});

async function loadOffer(c: Context<AppEnv>): Promise<TOffer> {
  const o = await getOffer(c.get('db'), Number(c.req.param('id')));
  if (!o) throw notFound();
  return o;
}

offerPages.get('/offers/:id{[0-9]+}', async (c) => {
  const o = await loadOffer(c);
  const canManage = await canManageOffer(c.get('db'), c.get('user'), o);
  // Closed and expired offers stay reachable for their owners only.
  if (!isOfferOpen(o) && !canManage) throw notFound();
  const t = c.get('t');
  return renderPage(c, o.title, (v) => (
    <>
      <TrainingNav v={v} />
      <article>
        <h1>{o.title}</h1>
        {!isOfferOpen(o) ? (
          <p class="notice">{t(o.closedAt ? 'training.offers.closed' : 'training.offers.expired')}</p>
        ) : null}
        <p>
          {tk(v, `training.offers.kind.${o.kind}`)} · {o.organisationName}
          {o.organisationIsDemo ? ` (${t('training.demo')})` : ''} · {o.location}
        </p>
        <p>
          {t('training.offers.startsOn', { date: v.fmt.date(o.startDate) })} ·{' '}
          {t('training.offers.expiresOn', { date: v.fmt.date(o.expiresOn) })}
        </p>
        <dl class="facts">
          {o.endDate ? (
            <>
              <dt>{t('training.offers.field.end')}</dt>
              <dd>{v.fmt.date(o.endDate)}</dd>
            </>
          ) : null}
          {o.durationWeeks ? (
            <>
              <dt>{t('training.offers.field.duration')}</dt>
              <dd>{v.fmt.number(o.durationWeeks)}</dd>
            </>
          ) : null}
          {o.pay ? (
            <>
              <dt>{t('training.offers.field.pay')}</dt>
              <dd>{o.pay}</dd>
            </>
          ) : null}
          {o.applicationDeadline ? (
            <>
              <dt>{t('training.offers.field.deadline')}</dt>
              <dd>{v.fmt.date(o.applicationDeadline)}</dd>
            </>
          ) : null}
        </dl>
        <p class="prewrap">{o.description}</p>
        {isOfferOpen(o) ? (
          <p>
            <a class="button" href={`mailto:${o.contactEmail}?subject=${encodeURIComponent(o.title)}`}>
              {t('training.offers.contact')}
            </a>{' '}
            ({o.contactEmail})
          </p>
        ) : null}
        {o.unpublishedAt ? <p class="notice">{t('training.moderation.state.unpublished')}</p> : null}
        {canManage ? (
          <p>
            <a href={`/offers/${o.id}/edit`}>{t('training.offers.edit')}</a>{' '}
            {o.closedAt ? null : (
              <ButtonForm action={`/offers/${o.id}/close`} label={t('training.offers.close')} className="secondary" />
            )}
          </p>
        ) : null}
      </article>
      {isAdmin(c.get('user')) ? (
        <ModerationControls v={v} base={`/offers/${o.id}`} state={o.unpublishedAt ? 'unpublished' : 'published'} />
      ) : null}
    </>
  ));
});

async function manageable(c: Context<AppEnv>) {
  const user = requireUser(c);
  const o = await loadOffer(c);
  if (!canPostOffersFor(user, await organisationOf(c.get('db'), o.organisationId))) throw forbidden();
  return { user, o };
}

offerPages.get('/offers/:id{[0-9]+}/edit', async (c) => {
  const { o } = await manageable(c);
  const t = c.get('t');
  const values = {
    title: o.title,
    kind: o.kind,
    description: o.description,
    location: o.location,
    start_date: o.startDate,
    contact_email: o.contactEmail,
    expires_on: o.expiresOn,
    end_date: o.endDate ?? '',
    duration_weeks: o.durationWeeks ?? '',
    pay: o.pay ?? '',
    application_deadline: o.applicationDeadline ?? '',
  };
  return renderPage(c, t('training.offers.editTitle'), (v) => (
    <OfferForm v={v} action={`/offers/${o.id}/edit`} title={t('training.offers.editTitle')} values={values} />
  ));
});

offerPages.post('/offers/:id{[0-9]+}/edit', async (c) => {
  const { user, o } = await manageable(c);
  const t = c.get('t');
  const values = await readForm(c);
  const checked = checkOffer(c, values);
  if (!checked.ok)
    return renderPage(
      c,
      t('training.offers.editTitle'),
      (v) => (
        <OfferForm
          v={v}
          action={`/offers/${o.id}/edit`}
          title={t('training.offers.editTitle')}
          values={values}
          errors={checked.errors}
        />
      ),
      { status: 422 },
    );
  await updateOffer(c.get('db'), user, o.id, checked.data);
  return redirectWithFlash(c, `/offers/${o.id}`, 'flash.saved');
});

offerPages.post('/offers/:id{[0-9]+}/close', async (c) => {
  const { user, o } = await manageable(c);
  await closeOffer(c.get('db'), user, o.id);
  return redirectWithFlash(c, `/offers/${o.id}`, 'training.offers.flash.closed');
});
