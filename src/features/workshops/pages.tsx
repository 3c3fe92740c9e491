import { Hono, type Context } from 'hono';
import { viewContext } from '../../views/context.js';
import { pdfRenderGuard } from '../../http/middleware/rate-limit.js';
import type { DB } from '../../db/client.js';
import { nowIso } from '../../db/client.js';
import { isAdmin, requireUser } from '../../http/actor.js';
import type { AppEnv } from '../../http/env.js';
import { AppError } from '../../http/errors.js';
import { parseForm, readForm, validate } from '../../http/forms.js';
import { redirectWithFlash, renderPage } from '../../http/render.js';
import type { TMessageKey } from '../../i18n/index.js';
import { chromiumAvailable, htmlToPdf } from '../../reports/pdf.js';
import { canSeeReplay, giveFeedback, hasStarted, postReplay, recordAttendance } from './after-workshop.js';
import { workshopEvent } from './calendar-events.js';
import { hasCalendarToken, renewCalendarToken, userOfCalendarToken } from './calendar-token.js';
import { icsHeaders, personalFeed, publicFeed } from './feeds.js';
import { buildCalendar } from './ical.js';
import { currentMaturityLevel } from './peers.js';
import {
  canCancelWorkshop,
  canEditWorkshop,
  canMessageRegistrants,
  canReadFeedbackComments,
  canSeeProgramme,
  canSeeRegistrants,
  organiserOrgs,
} from './policy.js';
import { cancelRegistration, registerForWorkshop, signatoryMemberships } from './register-for-workshop.js';
import {
  findRegistration,
  findWorkshop,
  listOrganiserWorkshops,
  listRegistrants,
  listUserRegistrations,
  listWorkshops,
  seatCounts,
  waitlistPosition,
} from './repository.js';
import { createWorkshops, formValuesOf, publishWorkshop } from './save-workshop.js';
import { cancelWorkshops, extendSeries, seriesScopes, updateWorkshops, type TCapacityConflict } from './edit-series.js';
import { formatWhen } from './time-zones.js';
import { overlapsOf, seriesOverlaps } from './overlaps.js';
import { exportRegistrantsCsv, findSentMessage, messageRegistrants, readFeedbackComments } from './organiser-tools.js';
import { MessageForm, MessageSent } from './views/message-page.js';
import {
  ZFeedbackInput,
  ZMessageInput,
  ZRegisterInput,
  ZReplayInput,
  ZWorkshopFilter,
  ZWorkshopInput,
} from './schemas.js';
import { z } from 'zod';
import { sendDueReminders } from './send-due-reminders.js';
import { viewerZone } from './viewer.js';
import { CalendarPage } from './views/calendar-page.js';
import { Certificate } from './views/certificate.js';
import { ProgrammePage } from './views/programme-page.js';
import { RegistrantsPage } from './views/registrants-page.js';
import { WorkshopPage } from './views/workshop-page.js';
import { WorkshopForm } from './views/workshop-form.js';
import { workshopStats } from './workshop-stats.js';
import { readProgrammeCoverage } from './programme-coverage.js';

export const pages = new Hono<AppEnv>();
const perPage = 24;

/** Organisers that have at least one published workshop, for the partner filter. */
async function organiserOptions(db: DB): Promise<[string, string][]> {
  const rows = await db
    .selectFrom('organisations as o')
    .innerJoin('workshops as w', 'w.organisation_id', 'o.id')
    .select(['o.id', 'o.name'])
    .where('w.status', '=', 'published')
    .groupBy(['o.id', 'o.name'])
    .orderBy('o.name')
    .execute();
  return rows.map((r) => [String(r.id), r.name]);
}

/** The maturity levels of the user's organisations (null when none is known). */
async function myLevels(db: DB, user: AppEnv['Variables']['user']): Promise<number[] | null> {
  if (!user) return null;
  const levels = new Set<number>();
  for (const m of user.memberships) {
    const l = await currentMaturityLevel(db, m.organisationId);
    if (l) levels.add(l.level);
  }
  return levels.size ? [...levels].sort() : null;
}

/** Turns a service refusal into a flash message on the workshop page (the action has a known error key). */
function flashError(c: Context<AppEnv>, id: number, err: unknown): Response {
  if (
    err instanceof AppError &&
    err.status !== 401 &&
    c.get('t')(`workshops.error.${err.code}` as TMessageKey) !== `workshops.error.${err.code}`
  ) {
    return redirectWithFlash(c, `/workshops/${id}`, `workshops.error.${err.code}` as TMessageKey);
  }
  throw err;
}

pages.get('/workshops', async (c) => {
  const db = c.get('db');
  const user = c.get('user');
  const zone = viewerZone(c);
  const q = c.req.query();
  const parsed = ZWorkshopFilter.safeParse(q);
  const filter = parsed.success ? parsed.data : {};
  const forMeAsked = q.for === 'me';
  const levels = forMeAsked ? await myLevels(db, user) : null;
  const page = Math.max(1, Number(q.page) || 1);
  const { rows, total } = await listWorkshops(
    db,
    { ...filter, from: nowIso(), levels: levels ?? undefined, includeCancelled: true },
    { limit: perPage, offset: (page - 1) * perPage },
  );
  const withCounts = await Promise.all(
    rows.map(async (w) => ({ ...w, confirmed: (await seatCounts(db, w.id)).confirmed })),
  );
  const orgs = organiserOrgs(user);
  const organisedRows = orgs.length
    ? await listOrganiserWorkshops(
        db,
        orgs.map((o) => o.organisationId),
        20,
      )
    : null;
  const organisedOverlaps = organisedRows
    ? await overlapsOf(
        db,
        organisedRows.map((w) => w.id),
      )
    : new Map();
  const organised = organisedRows?.map((w) => ({ ...w, overlaps: organisedOverlaps.get(w.id)?.length ?? 0 })) ?? null;
  const partners = await organiserOptions(db);
  const mine = user ? await listUserRegistrations(db, user.id, nowIso()) : null;
  const tokenExists = user ? await hasCalendarToken(db, user.id) : false;
  return renderPage(
    c,
    c.get('t')('workshops.list.title'),
    (v) => (
      <CalendarPage
        v={v}
        d={{
          rows: withCounts,
          page,
          pages: Math.max(1, Math.ceil(total / perPage)),
          filter: Object.fromEntries(
            Object.entries(parsed.success ? parsed.data : {}).map(([k, x]) => [k, x === undefined ? '' : String(x)]),
          ),
          zone,
          partners,
          forMe: { asked: forMeAsked, levels },
          mine,
          organised,
          canPublish: orgs.length > 0,
          canSeeProgramme: canSeeProgramme(user),
          hasCalendarToken: tokenExists,
        }}
      />
    ),
    { wide: true },
  );
});

pages.get('/workshops.ics', async (c) =>
  c.body(await publicFeed(c.get('db'), c.get('config'), c.get('t')('workshops.calendar.allName')), 200, icsHeaders),
);

pages.get('/partners/:id{[0-9]+}/workshops.ics', async (c) => {
  const db = c.get('db');
  const org = await db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('id', '=', Number(c.req.param('id')))
    .executeTakeFirst();
  if (!org) throw new AppError(404, 'not_found', 'No such organisation');
  return c.body(
    await publicFeed(db, c.get('config'), `${c.get('t')('workshops.calendar.allName')} · ${org.name}`, org.id),
    200,
    icsHeaders,
  );
});

pages.get('/me/workshops/:file{[A-Za-z0-9_-]+\\.ics}', async (c) => {
  const db = c.get('db');
  const userId = await userOfCalendarToken(db, c.req.param('file').replace(/\.ics$/, ''));
  if (!userId) throw new AppError(404, 'not_found', 'Unknown calendar link');
  return c.body(
    await personalFeed(db, c.get('config'), c.get('t')('workshops.calendar.feedName'), userId),
    200,
    icsHeaders,
  );
});

pages.post('/me/workshops/calendar-link', async (c) => {
  const user = requireUser(c);
  const token = await renewCalendarToken(c.get('db'), user.id);
  const url = `${new URL(c.req.url).origin}/me/workshops/${token}.ics`;
  const t = c.get('t');
  // Shown once, never stored in clear: a redirect would lose it, so this answer is the page itself.
  return renderPage(
    c,
    t('workshops.calendar.title'),
    <>
      <h1>{t('workshops.calendar.title')}</h1>
      <p>{t('workshops.calendar.yourLink')}</p>
      <p>
        <code id="calendar-link">{url}</code>
      </p>
      <p>
        <a href="/workshops">{t('workshops.list.title')}</a>
      </p>
    </>,
  );
});

pages.get('/workshops/new', async (c) => {
  const user = requireUser(c);
  const orgs = organiserOrgs(user);
  if (!orgs.length) throw new AppError(403, 'forbidden', 'partners only');
  return renderPage(c, c.get('t')('workshops.form.newTitle'), (v) => (
    <WorkshopForm
      v={v}
      values={{ time_zone: viewerZone(c), levels: ['1', '2', '3', '4', '5'], language: v.locale }}
      action="/workshops"
      organisations={orgs.map((o) => [String(o.organisationId), o.name])}
      isNew
    />
  ));
});

pages.post('/workshops', async (c) => {
  const user = requireUser(c);
  const orgs = organiserOrgs(user);
  if (!orgs.length) throw new AppError(403, 'forbidden', 'partners only');
  const { values, result } = await parseForm(c, ZWorkshopInput);
  if (!result.ok) {
    return renderPage(
      c,
      c.get('t')('workshops.form.newTitle'),
      (v) => (
        <WorkshopForm
          v={v}
          values={values}
          errors={result.errors}
          action="/workshops"
          organisations={orgs.map((o) => [String(o.organisationId), o.name])}
          isNew
        />
      ),
      { status: 422 },
    );
  }
  let ids: number[];
  try {
    ids = await createWorkshops(c.get('db'), user, result.data);
  } catch (err) {
    if (!(err instanceof AppError && err.code === 'start_in_past')) throw err;
    return renderPage(
      c,
      c.get('t')('workshops.form.newTitle'),
      (v) => (
        <WorkshopForm
          v={v}
          values={values}
          errors={{ start_date: v.t('workshops.error.start_in_past') }}
          action="/workshops"
          organisations={orgs.map((o) => [String(o.organisationId), o.name])}
          isNew
        />
      ),
      { status: 422 },
    );
  }
  // A series (or a workshop) at the same time as another published one is flagged at once on the result page.
  const overlapping = (await overlapsOf(c.get('db'), ids)).size > 0;
  return redirectWithFlash(
    c,
    `/workshops/${ids[0]}`,
    overlapping
      ? 'workshops.flash.createdOverlap'
      : result.data.publish
        ? 'workshops.flash.published'
        : 'workshops.flash.created',
  );
});

pages.get('/workshops/programme', async (c) => {
  const user = requireUser(c);
  const db = c.get('db');
  const coverage = await readProgrammeCoverage(db, user, new Date());
  const year = Number(c.req.query('year')) || new Date().getUTCFullYear();
  const stats = await workshopStats(db, Math.min(2100, Math.max(2020, year)));
  const sent = c.req.query('reminders');
  return renderPage(
    c,
    c.get('t')('workshops.programme.title', { year: stats.year }),
    (v) => (
      <ProgrammePage
        v={v}
        stats={stats}
        coverage={coverage}
        isAdmin={isAdmin(user)}
        remindersSent={sent !== undefined ? Number(sent) || 0 : null}
      />
    ),
    { wide: true },
  );
});

pages.post('/workshops/programme/reminders', async (c) => {
  const user = requireUser(c);
  if (!isAdmin(user)) throw new AppError(403, 'forbidden', 'admins only');
  const n = await sendDueReminders(c.get('db'), c.get('config'), new Date());
  return c.redirect(`/workshops/programme?reminders=${n}`, 303);
});

/** The workshop, or 404 when missing or a draft the user may not see. */
async function visibleWorkshop(c: Context<AppEnv>) {
  const w = await findWorkshop(c.get('db'), Number(c.req.param('id')));
  const user = c.get('user');
  if (!w || (w.status === 'draft' && !canSeeRegistrants(user, w)))
    throw new AppError(404, 'not_found', 'No such workshop');
  return w;
}

pages.get('/workshops/:id{[0-9]+}', async (c) => {
  const db = c.get('db');
  const user = c.get('user');
  const w = await visibleWorkshop(c);
  const reg = user ? await findRegistration(db, w.id, user.id) : undefined;
  const active = reg && reg.status !== 'cancelled' ? reg : undefined;
  const feedback = user
    ? await db
        .selectFrom('workshop_feedback')
        .select('rating')
        .where('workshop_id', '=', w.id)
        .where('user_id', '=', user.id)
        .executeTakeFirst()
    : undefined;
  const summary = canSeeRegistrants(user, w)
    ? await db
        .selectFrom('workshop_feedback')
        .select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.avg<number>('rating').as('avg')])
        .where('workshop_id', '=', w.id)
        .executeTakeFirst()
    : undefined;
  const counts = await seatCounts(db, w.id);
  const position = active?.status === 'waitlisted' ? await waitlistPosition(db, active) : null;
  const signatoryOrgs = user ? await signatoryMemberships(db, user) : [];
  const replayVisible = await canSeeReplay(db, user, w);
  const overlaps = await seriesOverlaps(db, user, w);
  const comments = canReadFeedbackComments(user, w) ? await readFeedbackComments(db, user, w.id) : null;
  const related = await c
    .get('contributions')
    .relatedResources?.(db, viewContext(c), { workshopId: w.id }, { headingLevel: 2 });
  return renderPage(c, w.title, (v) => (
    <>
      <WorkshopPage
        v={v}
        d={{
          w,
          zone: viewerZone(c),
          counts,
          canEdit: canEditWorkshop(user, w),
          canCancel: canCancelWorkshop(user, w),
          canSeeRegistrants: canSeeRegistrants(user, w),
          registration: active ? { status: active.status as 'confirmed' | 'waitlisted', position } : null,
          attended: reg?.attended === 1 && reg.status === 'confirmed',
          signatoryOrgs,
          open: w.status === 'published' && nowIso() < w.registration_closes_at,
          started: hasStarted(w),
          replayVisible,
          feedbackGiven: feedback?.rating ?? null,
          feedbackSummary: summary && Number(summary.n) > 0 ? { n: Number(summary.n), avg: Number(summary.avg) } : null,
          overlaps,
          comments,
          canMessage: canMessageRegistrants(user, w),
        }}
      />
      {related}
    </>
  ));
});

pages.get('/workshops/:id{[0-9]+}/invite.ics', async (c) => {
  const w = await visibleWorkshop(c);
  const user = c.get('user');
  // The meeting link only for the organiser and a confirmed registrant.
  const withLink =
    canEditWorkshop(user, w) ||
    (!!user && (await findRegistration(c.get('db'), w.id, user.id))?.status === 'confirmed');
  return c.body(
    buildCalendar({ method: 'PUBLISH', events: [workshopEvent(c.get('config'), w, undefined, withLink)] }),
    200,
    { ...icsHeaders, 'Content-Disposition': `attachment; filename="workshop-${w.id}.ics"` },
  );
});

pages.get('/workshops/:id{[0-9]+}/edit', async (c) => {
  const user = requireUser(c);
  const w = await visibleWorkshop(c);
  if (!canEditWorkshop(user, w) || w.status === 'cancelled') throw new AppError(403, 'forbidden', 'organiser only');
  return renderPage(c, c.get('t')('workshops.form.editTitle'), (v) => (
    <WorkshopForm
      v={v}
      values={formValuesOf(w)}
      action={`/workshops/${w.id}`}
      organisations={[]}
      isNew={false}
      series={!!w.series_id}
    />
  ));
});

/** Which occurrences of a series an action reaches; anything else means this one only. */
const ZScope = z.object({ scope: z.enum(seriesScopes).catch('one') });
/** Cancelling asks for a note (mailed to registrants) and an explicit confirmation. */
const ZCancelConfirm = z.object({ note: z.string().trim().min(3).max(2000), confirm: z.literal('yes') });
const ZExtend = z.object({
  count: z.coerce
    .number({ message: 'workshops.error.extend_count' })
    .int()
    .min(1, 'workshops.error.extend_count')
    .max(12, 'workshops.error.extend_count'),
});

pages.post('/workshops/:id{[0-9]+}', async (c) => {
  const user = requireUser(c);
  const w = await visibleWorkshop(c);
  if (!canEditWorkshop(user, w)) throw new AppError(403, 'forbidden', 'organiser only');
  const { values, result } = await parseForm(c, ZWorkshopInput);
  const scope = ZScope.parse(values).scope;
  const again = (errors: Record<string, string>) =>
    renderPage(
      c,
      c.get('t')('workshops.form.editTitle'),
      (v) => (
        <WorkshopForm
          v={v}
          values={values}
          errors={errors}
          action={`/workshops/${w.id}`}
          organisations={[]}
          isNew={false}
          series={!!w.series_id}
        />
      ),
      { status: 422 },
    );
  if (!result.ok) return again(result.errors);
  try {
    const r = await updateWorkshops(c.get('db'), c.get('config'), user, w.id, result.data, scope);
    return redirectWithFlash(
      c,
      `/workshops/${w.id}`,
      r.updated.length > 1 ? 'workshops.flash.seriesUpdated' : 'workshops.flash.updated',
    );
  } catch (err) {
    const t = c.get('t');
    if (err instanceof AppError && err.code === 'capacity_below_confirmed') {
      // Name every occurrence at fault, in the workshop's own zone, so the organiser knows what to change.
      const list = (err.details as TCapacityConflict[])
        .map((o) =>
          t('workshops.error.capacityOccurrence', {
            when: formatWhen(c.get('locale'), o.starts_at, o.time_zone),
            n: o.confirmed,
          }),
        )
        .join('; ');
      return again({ capacity: t('workshops.error.capacity_below_confirmed', { occurrences: list }) });
    }
    if (err instanceof AppError && err.code === 'series_date_change')
      return again({ start_date: t('workshops.error.series_date_change') });
    if (err instanceof AppError && err.code === 'start_in_past')
      return again({ start_date: t('workshops.error.start_in_past') });
    throw err;
  }
});

pages.post('/workshops/:id{[0-9]+}/publish', async (c) => {
  const id = Number(c.req.param('id'));
  try {
    await publishWorkshop(c.get('db'), requireUser(c), id);
  } catch (err) {
    return flashError(c, id, err);
  }
  return redirectWithFlash(c, `/workshops/${id}`, 'workshops.flash.published');
});

pages.post('/workshops/:id{[0-9]+}/cancel', async (c) => {
  const id = Number(c.req.param('id'));
  const user = requireUser(c);
  const form = await readForm(c);
  const { scope } = ZScope.parse(form);
  const confirmed = ZCancelConfirm.safeParse(form);
  if (!confirmed.success) return redirectWithFlash(c, `/workshops/${id}`, 'workshops.error.note_required');
  try {
    const r = await cancelWorkshops(c.get('db'), c.get('config'), user, id, scope, confirmed.data.note);
    return redirectWithFlash(
      c,
      `/workshops/${id}`,
      r.cancelled.length > 1 ? 'workshops.flash.seriesCancelled' : 'workshops.flash.cancelled',
    );
  } catch (err) {
    return flashError(c, id, err);
  }
});

pages.post('/workshops/:id{[0-9]+}/extend', async (c) => {
  const id = Number(c.req.param('id'));
  const user = requireUser(c);
  const parsed = ZExtend.safeParse(await readForm(c));
  if (!parsed.success) return redirectWithFlash(c, `/workshops/${id}`, 'workshops.error.extend_count');
  try {
    await extendSeries(c.get('db'), user, id, parsed.data.count);
    return redirectWithFlash(c, `/workshops/${id}`, 'workshops.flash.seriesExtended');
  } catch (err) {
    return flashError(c, id, err);
  }
});

pages.post('/workshops/:id{[0-9]+}/register', async (c) => {
  const user = requireUser(c);
  const id = Number(c.req.param('id'));
  const input = validate(ZRegisterInput, await readForm(c), c.get('t'));
  try {
    const r = await registerForWorkshop(
      c.get('db'),
      c.get('config'),
      user,
      id,
      input.ok ? input.data.organisation_id : undefined,
    );
    return redirectWithFlash(
      c,
      `/workshops/${id}`,
      r.status === 'confirmed' ? 'workshops.flash.registered' : 'workshops.flash.waitlisted',
    );
  } catch (err) {
    return flashError(c, id, err);
  }
});

pages.post('/workshops/:id{[0-9]+}/unregister', async (c) => {
  const user = requireUser(c);
  const id = Number(c.req.param('id'));
  try {
    await cancelRegistration(c.get('db'), c.get('config'), user, id);
    return redirectWithFlash(c, `/workshops/${id}`, 'workshops.flash.unregistered');
  } catch (err) {
    return flashError(c, id, err);
  }
});

pages.get('/workshops/:id{[0-9]+}/registrants', async (c) => {
  const user = requireUser(c);
  const w = await visibleWorkshop(c);
  if (!canSeeRegistrants(user, w)) throw new AppError(403, 'forbidden', 'organiser only');
  const rows = await listRegistrants(c.get('db'), w.id);
  return renderPage(
    c,
    c.get('t')('workshops.registrants.title', { title: w.title }),
    (v) => <RegistrantsPage v={v} w={w} rows={rows} started={hasStarted(w)} canEdit={canEditWorkshop(user, w)} />,
    { wide: true },
  );
});

pages.post('/workshops/:id{[0-9]+}/attendance', async (c) => {
  const user = requireUser(c);
  const id = Number(c.req.param('id'));
  const form = await readForm(c);
  const present = ([] as unknown[])
    .concat(form.present ?? [])
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  await recordAttendance(c.get('db'), user, id, present);
  return redirectWithFlash(c, `/workshops/${id}/registrants`, 'workshops.flash.attendance');
});

pages.post('/workshops/:id{[0-9]+}/replay', async (c) => {
  const user = requireUser(c);
  const id = Number(c.req.param('id'));
  const { result } = await parseForm(c, ZReplayInput);
  if (!result.ok) return redirectWithFlash(c, `/workshops/${id}`, 'form.invalidUrl');
  await postReplay(c.get('db'), user, id, result.data);
  return redirectWithFlash(c, `/workshops/${id}`, 'workshops.flash.replay');
});

pages.post('/workshops/:id{[0-9]+}/feedback', async (c) => {
  const user = requireUser(c);
  const id = Number(c.req.param('id'));
  const { result } = await parseForm(c, ZFeedbackInput);
  if (!result.ok) return redirectWithFlash(c, `/workshops/${id}`, 'workshops.error.rating');
  try {
    await giveFeedback(c.get('db'), user, id, result.data);
    return redirectWithFlash(c, `/workshops/${id}`, 'workshops.flash.feedback');
  } catch (err) {
    return flashError(c, id, err);
  }
});

/**
 * The attendance certificate as PDF: an attendee's own, or any attendee's for the organiser
 * (`?registration=<id>`). Printed from our own HTML; without Chromium the page says so.
 */
pages.get('/workshops/:id{[0-9]+}/certificate', async (c) => {
  const user = requireUser(c);
  const db = c.get('db');
  const w = await visibleWorkshop(c);
  const regId = Number(c.req.query('registration')) || null;
  if (regId !== null && !canSeeRegistrants(user, w)) throw new AppError(403, 'forbidden', 'organiser only');
  const reg = await db
    .selectFrom('workshop_registrations as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
    .select(['r.id', 'r.attended', 'u.name', 'o.name as organisation'])
    .where('r.workshop_id', '=', w.id)
    .where(regId !== null ? 'r.id' : 'r.user_id', '=', regId ?? user.id)
    .where('r.status', '=', 'confirmed')
    .executeTakeFirst();
  if (!reg || reg.attended !== 1) throw new AppError(404, 'not_found', 'No attendance recorded');
  const t = c.get('t');
  const config = c.get('config');
  const page = await renderPage(c, t('workshops.certificate.title'), (v) => (
    <Certificate
      v={v}
      name={reg.name}
      organisation={reg.organisation}
      title={w.title}
      organiser={w.organisation_name}
      startsAt={w.starts_at}
      timeZone={w.time_zone}
      minutes={w.duration_minutes}
    />
  ));
  if (!chromiumAvailable(config.CHROMIUM_PATH)) {
    return renderPage(c, t('workshops.certificate.title'), (v) => (
      <>
        <p class="notice">{t('pdf.unavailable')}</p>
        <Certificate
          v={v}
          name={reg.name}
          organisation={reg.organisation}
          title={w.title}
          organiser={w.organisation_name}
          startsAt={w.starts_at}
          timeZone={w.time_zone}
          minutes={w.duration_minutes}
        />
      </>
    ));
  }
  const pdf = await htmlToPdf(await page.text(), config.CHROMIUM_PATH, pdfRenderGuard(c));
  return c.body(new Uint8Array(pdf), 200, {
    'Content-Type': 'application/pdf',
    'Content-Disposition': `attachment; filename="attendance-${w.id}-${reg.id}.pdf"`,
  });
});

pages.get('/workshops/:id{[0-9]+}/registrants.csv', async (c) => {
  const user = requireUser(c);
  const { filename, csv } = await exportRegistrantsCsv(c.get('db'), user, Number(c.req.param('id')), c.get('locale'));
  return c.body(csv, 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${filename}"`,
  });
});

/** How many people a message would reach (the form says it before sending). */
async function registrantCount(db: DB, id: number): Promise<number> {
  const counts = await seatCounts(db, id);
  return counts.confirmed + counts.waitlisted;
}

pages.get('/workshops/:id{[0-9]+}/message', async (c) => {
  const user = requireUser(c);
  const w = await visibleWorkshop(c);
  if (!canMessageRegistrants(user, w)) throw new AppError(403, 'forbidden', 'organiser only');
  const n = await registrantCount(c.get('db'), w.id);
  return renderPage(c, c.get('t')('workshops.message.title', { title: w.title }), (v) => (
    <MessageForm v={v} w={w} recipients={n} values={{}} />
  ));
});

pages.post('/workshops/:id{[0-9]+}/message', async (c) => {
  const user = requireUser(c);
  const w = await visibleWorkshop(c);
  const { values, result } = await parseForm(c, ZMessageInput);
  if (!result.ok) {
    const n = await registrantCount(c.get('db'), w.id);
    return renderPage(
      c,
      c.get('t')('workshops.message.title', { title: w.title }),
      (v) => <MessageForm v={v} w={w} recipients={n} values={values} errors={result.errors} />,
      { status: 422 },
    );
  }
  try {
    const r = await messageRegistrants(c.get('db'), c.get('config'), user, w.id, result.data);
    return c.redirect(`/workshops/${w.id}/messages/${r.messageId}`, 303);
  } catch (err) {
    return flashError(c, w.id, err);
  }
});

pages.get('/workshops/:id{[0-9]+}/messages/:mid{[0-9]+}', async (c) => {
  const { w, m } = await findSentMessage(
    c.get('db'),
    requireUser(c),
    Number(c.req.param('id')),
    Number(c.req.param('mid')),
  );
  return renderPage(c, c.get('t')('workshops.message.sentTitle'), (v) => <MessageSent v={v} w={w} m={m} />);
});
